"""The registry's writes: an award recorded (by a decision, or imported) and an award
revoked. record_award only adds to the session; its caller commits with its own step."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from app.clock import utcnow
from app.extensions import db
from app.folding import fold
from app.text import clean
from modules.awards.registry_models import Award, AwardeeKind


def _text(value: str | None) -> str:
    return " ".join(clean(value or "").split())


def record_award(*, year: int, form_code: str | None, form_name: str, kind: str, name: str,
                 position: str | None, agency_id: int | None, agency_name: str,
                 decision_number: str, decision_date: date | None, signer: str | None,
                 nomination_id: int | None = None, imported: bool = False) -> Award:
    """An award given, added to the session (not committed): the decision's step calls it
    for each awardee. kind: "person" (or the catalogue's "individual") or "collective";
    anything else is a ValueError."""
    kind = AwardeeKind.PERSON.value if kind == "individual" else kind  # the catalogue's word
    award = Award(
        year=year, form_code=form_code or None, form_name=_text(form_name),
        kind=AwardeeKind(kind).value, name=_text(name), name_folded=fold(name),
        position=_text(position) or None, agency_id=agency_id,
        agency_name=_text(agency_name), decision_number=_text(decision_number),
        decision_date=decision_date, signer=_text(signer) or None,
        nomination_id=nomination_id, imported=imported)
    db.session.add(award)
    return award


class RevokeError(ValueError):
    """The award could not be revoked, with the reason a person reads."""


class AlreadyRevoked(RevokeError):
    pass


def revoke(award: Award, *, reason: str, decision_number: str, decision_date: date,
           actor) -> None:
    """Revoke an award with its reason and the decision that revokes it, once: of two people
    revoking at the same moment, the second is told it was done."""
    reason, decision_number = _text(reason), _text(decision_number)
    if not reason or not decision_number or decision_date is None:
        raise RevokeError(_l("Give the reason and the revoking decision's number and date."))
    if award.decision_date and decision_date < award.decision_date:
        raise RevokeError(_l("The revoking decision cannot be dated before the award's "
                             "decision (%(day)s).", day=award.decision_date.strftime("%d/%m/%Y")))
    done = db.session.execute(
        update(Award).where(Award.id == award.id, Award.revoked_at.is_(None)).values(
            revoked_at=utcnow(), revoke_reason=reason, revoke_decision_number=decision_number,
            revoke_decision_date=decision_date, revoked_by_id=actor.id)
        .execution_options(synchronize_session=False))
    if done.rowcount != 1:
        db.session.rollback()
        raise AlreadyRevoked(_l("This award was already revoked."))
    db.session.commit()
    db.session.refresh(award)  # the session keeps objects across commits
