"""What the commendation diagram (commendation.bpmn) calls: each helper reads where the
nomination stands (the module's tables are the record) and runs in the step's transaction.
The statutory periods are working days (periods.py), counted on the province's calendar."""

from datetime import timedelta

from app.extensions import db
from modules.awards import notices
from modules.awards.models import ListStatus, Nomination, NominationStatus

NEVER = "9999-12-31T00:00:00"  # a timer that waits for nothing


def _nomination(nomination_id) -> Nomination:
    return db.session.get(Nomination, int(nomination_id))


def _after(day) -> str:
    """The first moment after `day` ends: a period "within N working days" is over then."""
    return f"{day + timedelta(days=1):%Y-%m-%d}T00:00:00" if day else NEVER


def review_outcome(nomination_id) -> str:
    """"accepted", "returned" (for supplement) or "ended", as the coordinator left it."""
    status = _nomination(nomination_id).status
    if status == NominationStatus.RETURNED.value:
        return "returned"
    if status == NominationStatus.ENDED.value:
        return "ended"
    return "accepted"


def appraisal_alarm(nomination_id) -> str:
    award_list = _nomination(nomination_id).award_list
    return _after(award_list.due_on) if award_list is not None else NEVER


def appraisal_overdue(nomination_id) -> str:
    """Home Affairs and the coordinator are told once; the appraisal goes on untimed."""
    award_list = _nomination(nomination_id).award_list
    if award_list is not None and award_list.status == ListStatus.APPRAISING.value:
        notices.appraisal_overdue(award_list)
    return NEVER


def appraisal_outcome(nomination_id) -> str:
    """"returned" when Home Affairs sent the list back (the nomination is the coordinator's
    to review again), else "submitted" for decision."""
    return "submitted" if _nomination(nomination_id).status == \
        NominationStatus.LISTED.value else "returned"


def decision_alarm(nomination_id) -> str:
    award_list = _nomination(nomination_id).award_list
    return _after(award_list.decision_due_on) if award_list is not None else NEVER


def decision_overdue(nomination_id) -> str:
    award_list = _nomination(nomination_id).award_list
    if award_list is not None and award_list.status == ListStatus.DECIDING.value:
        notices.decision_overdue(award_list)
    return NEVER


HELPERS = {
    "review_outcome": review_outcome, "appraisal_alarm": appraisal_alarm,
    "appraisal_overdue": appraisal_overdue, "appraisal_outcome": appraisal_outcome,
    "decision_alarm": decision_alarm, "decision_overdue": decision_overdue,
}


def terminated_by_admin(instance, *, actor=None, **_) -> None:
    """An admin terminated a nomination's process: the nomination ends (out of any list not
    yet decided), so no page offers a step its process no longer waits for."""
    from sqlalchemy import select

    nomination = db.session.scalar(select(Nomination).where(
        Nomination.instance_id == instance.id))
    if nomination is None or nomination.status in (NominationStatus.AWARDED.value,
                                                   NominationStatus.REFUSED.value):
        return
    nomination.status, nomination.list_id = NominationStatus.ENDED.value, None
