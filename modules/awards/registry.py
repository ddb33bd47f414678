"""The registry's writes: an award recorded (by a decision, or imported) and an award
revoked. record_award only adds to the session; its caller commits with its own step."""

from datetime import date

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
    """An award given, added to the session (not committed): awcore calls it for each
    awardee when a decision is recorded."""
    award = Award(
        year=year, form_code=form_code or None, form_name=_text(form_name),
        kind=AwardeeKind(kind).value, name=_text(name), name_folded=fold(name),
        position=_text(position) or None, agency_id=agency_id,
        agency_name=_text(agency_name), decision_number=_text(decision_number),
        decision_date=decision_date, signer=_text(signer) or None,
        nomination_id=nomination_id, imported=imported)
    db.session.add(award)
    return award
