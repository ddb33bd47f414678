"""The coordinator's writes: accepting a nomination or returning it for supplement with the
reasons, recording the hiệp y answers, and sending the consolidated list with its tờ trình
(to Home Affairs for the Chairman's forms, to the agency head for Giấy khen)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app import workflow
from app.calendar import add_working_days
from app.clock import today, utcnow
from app.extensions import db
from modules.awards import access, consultees, files, notices, periods, signals
from modules.awards.models import (
    DECIDERS,
    AwardForm,
    AwardList,
    ListStatus,
    Nomination,
    NominationStatus,
)
from modules.awards.retrying import retrying

REVIEWED = "award_reviewed"  # the coordinator accepted or returned a nomination
LISTED = "award_listed"  # its list went to Home Affairs or to the agency head


class ConsolidationError(ValueError):
    pass


def _nomination(nomination_id: int, user, *, lock: bool = True) -> Nomination:
    if not access.is_coordinator(user):
        raise workflow.Forbidden(_l("Only the plan's coordinator consolidates nominations."))
    query = select(Nomination).where(Nomination.id == nomination_id)
    if lock:
        query = query.with_for_update()
    nomination = db.session.scalar(query.execution_options(populate_existing=True))
    if nomination is None:
        raise workflow.NotFound(_l("This nomination does not exist."))
    return nomination


def _refuse(message) -> None:
    db.session.rollback()
    raise ConsolidationError(message)


@retrying
def accept(nomination_id: int, user) -> Nomination:
    nomination = _nomination(nomination_id, user)
    if nomination.status != NominationStatus.SENT.value:
        _refuse(_l("This nomination is not waiting for your review: %(status)s.",
                   status=nomination.status_label))
    unanswered = [str(consultees.BODIES[c.body]) for c in nomination.consultations
                  if c.agrees is None]
    if unanswered:
        _refuse(_l("The hiệp y answers are still awaited from: %(bodies)s.",
                   bodies=", ".join(unanswered)))
    nomination.status = NominationStatus.ACCEPTED.value
    signals.queue(nomination, REVIEWED)
    _commit()
    signals.after_commit([nomination.id], user)
    return nomination


@retrying
def return_for_supplement(nomination_id: int, user, reason: str) -> Nomination:
    reason = (reason or "").strip()
    if not reason:
        raise ConsolidationError(_l("Say what the agency must supplement."))
    nomination = _nomination(nomination_id, user)
    if nomination.status not in (NominationStatus.SENT.value, NominationStatus.ACCEPTED.value):
        _refuse(_l("This nomination is not waiting for your review: %(status)s.",
                   status=nomination.status_label))
    if nomination.status == NominationStatus.ACCEPTED.value:
        _refuse(_l("This nomination was accepted already."))
    nomination.status, nomination.return_reason = NominationStatus.RETURNED.value, reason
    signals.queue(nomination, REVIEWED)
    notices.returned(nomination)
    _commit()
    signals.after_commit([nomination.id], user)
    return nomination


@retrying
def answer(nomination_id: int, body: str, user, *, agrees: bool | None, note: str,
           document_number: str, upload: tuple[str, bytes] | None) -> Nomination:
    """An agency's hiệp y: recorded by the coordinator with the written answer, or given by
    the agency itself (its staff, when it has accounts)."""
    nomination = db.session.get(Nomination, nomination_id)
    if nomination is None:
        raise workflow.NotFound(_l("This nomination does not exist."))
    consultation = next((c for c in nomination.consultations if c.body == body), None)
    if consultation is None:
        raise workflow.NotFound(_l("No hiệp y is asked of this agency for this nominee."))
    agency_code = getattr(user.agency, "code", None)
    if not (access.is_coordinator(user) or (body in consultees.bodies_of(agency_code)
                                            and access.proposes_for(user, user.agency_id))):
        raise workflow.Forbidden(_l("Only the coordinator or the agency asked answers here."))
    if agrees is None:
        raise ConsolidationError(_l("Say whether the agency agrees."))
    if access.is_coordinator(user) and upload is None and consultation.file_id is None:
        raise ConsolidationError(_l("Attach the agency's written answer."))
    if consultation.agrees is not None:
        raise ConsolidationError(_l("This agency's answer is recorded already."))
    if upload is not None:
        consultation.file_id = files.stage(*upload, user).id
    consultation.agrees, consultation.note = agrees, (note or "").strip() or None
    consultation.document_number = (document_number or "").strip() or None
    consultation.answered_by_id, consultation.answered_at = user.id, utcnow()
    _commit()
    return nomination


def ready_for_list(round_id: int, decider: str) -> list[Nomination]:
    return list(db.session.scalars(
        select(Nomination).join(AwardForm, Nomination.form_id == AwardForm.id).where(
            Nomination.round_id == round_id, AwardForm.decider == decider,
            Nomination.status == NominationStatus.ACCEPTED.value).order_by(Nomination.id)))


@retrying
def send_list(round_id: int, user, *, decider: str, number: str,
              upload: tuple[str, bytes] | None) -> AwardList:
    """Send every accepted nomination of the round for `decider` as one list, with its tờ
    trình (number and file). For the Chairman it goes to Home Affairs, whose appraisal
    period starts now; for Giấy khen straight to the agency head's decision."""
    if not access.is_coordinator(user):
        raise workflow.Forbidden(_l("Only the plan's coordinator consolidates nominations."))
    number = " ".join((number or "").split())
    if decider not in DECIDERS:
        raise ConsolidationError(_l("Choose who decides from the list."))
    if not number or upload is None:
        raise ConsolidationError(_l("Give the tờ trình's number and attach it."))
    nominations = ready_for_list(round_id, decider)
    if not nominations:
        raise ConsolidationError(_l("No accepted nomination waits to be sent."))
    for nomination in db.session.scalars(select(Nomination).where(
            Nomination.id.in_([n.id for n in nominations])).with_for_update()):
        if nomination.status != NominationStatus.ACCEPTED.value:
            _refuse(_l("The list changed at the same moment: reload the page."))
    stored = files.stage(*upload, user)
    award_list = AwardList(round_id=round_id, decider=decider, number=number,
                           file_id=stored.id, sent_by_id=user.id, sent_at=utcnow())
    if decider == "chairman":
        needs_hiep_y = any(n.enterprise for n in nominations)
        award_list.status = ListStatus.APPRAISING.value
        award_list.due_on = add_working_days(today(), periods.appraisal_days(needs_hiep_y))
    else:
        award_list.status = ListStatus.DECIDING.value
        award_list.submitted_at = utcnow()
        award_list.decision_due_on = add_working_days(
            today(), periods.value(periods.DECISION_DAYS))
    db.session.add(award_list)
    db.session.flush()
    for nomination in nominations:
        nomination.status, nomination.list_id = NominationStatus.LISTED.value, award_list.id
        nomination.agreed = nomination.refusal_reason = None
        signals.queue(nomination, LISTED)
    notices.list_sent(award_list)
    _commit()
    signals.after_commit([n.id for n in nominations], user)
    return award_list


def _commit() -> None:
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise ConsolidationError(_l("Someone else changed this at the same moment. Reload "
                                    "the page and try again.")) from None
