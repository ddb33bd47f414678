"""Home Affairs' writes on a list at appraisal: returning an incomplete list with its
reasons, asking the emulation council (optional) and recording its opinion, and appraising
the whole list in one action (agree with everyone but the exceptions, each with its reason),
which submits it for the Chairman's decision."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app import workflow
from app.calendar import add_working_days
from app.clock import today, utcnow
from app.extensions import db
from modules.awards import access, notices, periods, signals
from modules.awards.models import AwardList, ListStatus, NominationStatus
from modules.awards.retrying import retrying

APPRAISED = "award_appraised"  # the list was submitted for decision, or returned


class AppraisalError(ValueError):
    pass


def locked_list(list_id: int) -> AwardList:
    award_list = db.session.scalar(select(AwardList).where(AwardList.id == list_id)
                                   .with_for_update()
                                   .execution_options(populate_existing=True))
    if award_list is None:
        raise workflow.NotFound(_l("This list does not exist."))
    return award_list


def _at_appraisal(list_id: int, user) -> AwardList:
    if not access.is_home_affairs(user):
        raise workflow.Forbidden(_l("Only Home Affairs appraises the lists."))
    award_list = locked_list(list_id)
    if award_list.status != ListStatus.APPRAISING.value:
        db.session.rollback()
        raise AppraisalError(_l("This list is no longer at appraisal: %(status)s.",
                                status=award_list.status_label))
    return award_list


@retrying
def return_list(list_id: int, user, reason: str) -> AwardList:
    """The list is incomplete: back to the coordinator, its nominations to review again."""
    reason = (reason or "").strip()
    if not reason:
        raise AppraisalError(_l("Say what the list lacks."))
    award_list = _at_appraisal(list_id, user)
    award_list.status, award_list.return_reason = ListStatus.RETURNED.value, reason
    nominations = list(award_list.nominations)
    for nomination in nominations:
        nomination.status, nomination.list_id = NominationStatus.SENT.value, None
        signals.queue(nomination, APPRAISED)
    notices.list_returned(award_list, nominations)
    _commit()
    signals.after_commit([n.id for n in nominations], user)
    return award_list


@retrying
def ask_council(list_id: int, user) -> AwardList:
    award_list = _at_appraisal(list_id, user)
    if award_list.council_asked_at is None:
        award_list.council_asked_at = utcnow()
        notices.council_asked(award_list)
    _commit()
    return award_list


@retrying
def council_opinion(list_id: int, user, opinion: str) -> AwardList:
    """The council's opinion, written by Home Affairs or by a member of the council."""
    opinion = (opinion or "").strip()
    if not opinion:
        raise AppraisalError(_l("Write the council's opinion."))
    if not (access.is_home_affairs(user) or access.is_council_member(user)):
        raise workflow.Forbidden(_l("Only Home Affairs or the council's members write this."))
    award_list = locked_list(list_id)
    if award_list.status != ListStatus.APPRAISING.value or award_list.council_asked_at is None:
        db.session.rollback()
        raise AppraisalError(_l("The council was not asked about this list."))
    award_list.council_opinion = opinion
    _commit()
    return award_list


@retrying
def approve(list_id: int, user, exceptions: dict[int, str]) -> AwardList:
    """Agree with every nominee of the list except `exceptions` ({nomination id: reason}),
    and submit it for decision: one action for the whole list."""
    award_list = _at_appraisal(list_id, user)
    ids = {nomination.id for nomination in award_list.nominations}
    if not set(exceptions) <= ids:
        db.session.rollback()
        raise AppraisalError(_l("An exception names a nominee who is not in this list."))
    without_reason = [n.name for n in award_list.nominations
                      if n.id in exceptions and not (exceptions[n.id] or "").strip()]
    if without_reason:
        db.session.rollback()
        raise AppraisalError(_l("Give the reason for not agreeing with: %(names)s.",
                                names=", ".join(without_reason)))
    for nomination in award_list.nominations:
        refused = nomination.id in exceptions
        nomination.agreed = not refused
        nomination.refusal_reason = exceptions[nomination.id].strip() if refused else None
    award_list.status, award_list.submitted_at = ListStatus.DECIDING.value, utcnow()
    award_list.decision_due_on = add_working_days(today(),
                                                  periods.value(periods.DECISION_DAYS))
    for nomination in award_list.nominations:
        signals.queue(nomination, APPRAISED)
    _commit()
    signals.after_commit([n.id for n in award_list.nominations], user)
    return award_list


def _commit() -> None:
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise AppraisalError(_l("Someone else acted on this list at the same moment. Reload "
                                "the page.")) from None
