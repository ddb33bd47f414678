"""The decision on a list: its number, date and signer, recorded by Home Affairs on behalf of
the Chairman (or by the agency head for Giấy khen). Once per list: of two people recording
at the same moment, one decision is kept and the other is told. Each awardee goes into the
registry; each nominee not approved is told why."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app import workflow
from app.clock import today, utcnow
from app.extensions import db
from modules.awards import access, notices, signals
from modules.awards.appraisal import locked_list
from modules.awards.models import AwardList, Decision, ListStatus, NominationStatus
from modules.awards.retrying import retrying

DECIDED = "award_decided"


class DecisionError(ValueError):
    pass


@retrying
def record(list_id: int, user, *, number: str, signed_on: date | None, signer: str,
           signer_title: str, exceptions: dict[int, str] | None = None,
           letter_number: str = "", letter_signer: str = "",
           letter_signer_title: str = "") -> Decision:
    """Record the decision. `exceptions` ({nomination id: reason}) are the agency head's
    refusals of a Giấy khen list; a Chairman's list was appraised already."""
    number, signer = " ".join((number or "").split()), " ".join((signer or "").split())
    signer_title = " ".join((signer_title or "").split())
    if not number or signed_on is None or not signer or not signer_title:
        raise DecisionError(_l("Give the decision's number, date, signer and the signer's "
                               "title."))
    if signed_on > today():
        raise DecisionError(_l("The decision cannot be dated in the future."))
    award_list = db.session.get(AwardList, list_id)
    if award_list is None:
        raise workflow.NotFound(_l("This list does not exist."))
    if not access.decides(user, award_list):
        raise workflow.Forbidden(_l("You do not record the decision on this list."))
    award_list = locked_list(list_id)
    if award_list.status != ListStatus.DECIDING.value:
        db.session.rollback()
        raise DecisionError(_l("This list is not awaiting a decision: %(status)s.",
                               status=award_list.status_label))
    if signed_on < award_list.sent_at.date():
        db.session.rollback()
        raise DecisionError(_l("The decision cannot be dated before the list was sent."))
    exceptions = exceptions or {}
    if award_list.decider == "agency_head":
        _head_opinions(award_list, exceptions)
    letter_number = " ".join((letter_number or "").split())
    if not letter_number and any(not n.agreed for n in award_list.nominations):
        db.session.rollback()
        raise DecisionError(_l("Give the number of the letter that tells the agencies of the "
                               "nominees not awarded why."))
    letter_signer = " ".join((letter_signer or "").split())
    letter_signer_title = " ".join((letter_signer_title or "").split())
    if letter_number and award_list.decider == "chairman" and not (
            letter_signer and letter_signer_title):
        db.session.rollback()  # Home Affairs' letter: a leader of Sở Nội vụ signs it
        raise DecisionError(_l("Give who signs Home Affairs' letter to the agencies of the "
                               "nominees not awarded, and their title."))
    decision = Decision(list_id=award_list.id, number=number, signed_on=signed_on,
                        signer=signer, signer_title=signer_title, recorded_by_id=user.id,
                        letter_number=letter_number or None, recorded_at=utcnow(),
                        letter_signer=letter_signer or None,
                        letter_signer_title=letter_signer_title or None)
    db.session.add(decision)
    award_list.status = ListStatus.DECIDED.value
    for nomination in award_list.nominations:
        nomination.status = (NominationStatus.AWARDED if nomination.agreed
                             else NominationStatus.REFUSED).value
        if nomination.agreed:
            _register(nomination, decision)
        signals.queue(nomination, DECIDED)
    try:
        db.session.flush()
    except (IntegrityError, StaleDataError):
        db.session.rollback()
        raise DecisionError(_l("The decision on this list was recorded by someone else a "
                               "moment ago.")) from None
    notices.decided(award_list, decision)
    try:
        db.session.commit()
    except (IntegrityError, StaleDataError):
        db.session.rollback()
        raise DecisionError(_l("The decision on this list was recorded by someone else a "
                               "moment ago.")) from None
    signals.after_commit([n.id for n in award_list.nominations], user)
    return decision


def _head_opinions(award_list: AwardList, exceptions: dict[int, str]) -> None:
    ids = {nomination.id for nomination in award_list.nominations}
    if not set(exceptions) <= ids:
        db.session.rollback()
        raise DecisionError(_l("An exception names a nominee who is not in this list."))
    if any(not (reason or "").strip() for reason in exceptions.values()):
        db.session.rollback()
        raise DecisionError(_l("Give the reason for each nominee not awarded."))
    for nomination in award_list.nominations:
        refused = nomination.id in exceptions
        nomination.agreed = not refused
        nomination.refusal_reason = exceptions[nomination.id].strip() if refused else None


def _register(nomination, decision: Decision) -> None:
    from modules.awards.registry import record_award

    record_award(
        year=nomination.round.year, form_code=nomination.form.code,
        form_name=nomination.form.name, name=nomination.name,
        kind="person" if nomination.kind == "individual" else "collective",
        position=nomination.position, agency_id=nomination.agency_id,
        agency_name=nomination.unit or nomination.agency.name_vi,
        decision_number=decision.number, decision_date=decision.signed_on,
        signer=decision.signer, nomination_id=nomination.id)
