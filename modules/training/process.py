"""What the enrollment diagram (training_enrollment.bpmn) calls: each helper runs in the
step's transaction, and every change of a seat goes through seats.py."""

from datetime import datetime

from flask_babel import force_locale
from flask_babel import gettext as _

from app import workflow
from app.calendar import add_working_days
from app.clock import today
from app.extensions import db
from modules.training import notices, schedule, seats
from modules.training.models import OPEN_STATUSES, Registration, RegistrationStatus

NEVER = "9999-12-31T00:00:00"  # a timer that waits for nothing (no session yet)
APPROVAL_STEP = "lead_approval"  # "Duyệt đăng ký học"


def _registration(registration_id: int) -> Registration:
    return db.session.get(Registration, int(registration_id))


def _record_decision(registration: Registration) -> None:
    """Who approved or declined: the lead who completed "Duyệt đăng ký học", and when (none
    where no approval was needed)."""
    decided = workflow.last_completion(APPROVAL_STEP)
    if decided is not None:
        registration.decided_by_id, registration.decided_at = decided.user_id, decided.at


def allocate_seat(registration_id: int) -> str:
    status = seats.allocate(int(registration_id))
    _record_decision(_registration(registration_id))
    return status


def approval_until(registration_id: int) -> str:
    """The lead decides before the class begins, as its sessions stand now."""
    start = schedule.first_start(_registration(registration_id).training_class)
    return start.replace(tzinfo=None).isoformat() if start else NEVER


def approval_lapsed(registration_id: int) -> bool:
    """The class began before the lead decided: the registration lapses. True instead when
    the class was postponed and has not begun: the lead's step opens again."""
    registration = _registration(registration_id)
    training_class = registration.training_class
    if training_class.status in OPEN_STATUSES and not schedule.has_begun(training_class):
        return True
    with force_locale("vi"):
        note = _("Not approved before the class began.")
    seats.end(registration.id, RegistrationStatus.LAPSED, note)
    notices.lapsed(registration, "approval")
    return False


def registration_declined(registration_id: int, reason: str) -> None:
    registration = _registration(registration_id)
    seats.end(registration.id, RegistrationStatus.DECLINED, reason or None)
    _record_decision(registration)
    notices.declined(registration, reason)


def offer_due(registration_id: int) -> str:
    registration = _registration(registration_id)
    return (registration.offer_until or today()).isoformat()


def offer_answered(registration_id: int, accepted: bool) -> str:
    if accepted:
        return seats.confirm_offer(int(registration_id))
    with force_locale("vi"):
        note = _("Gave up the seat offered.")
    seats.end(int(registration_id), RegistrationStatus.WITHDRAWN, note)
    return RegistrationStatus.WITHDRAWN.value


def offer_lapsed(registration_id: int) -> None:
    """The deadline passed unconfirmed: the seat goes to the next on the waiting list."""
    registration = _registration(registration_id)
    if registration.status != RegistrationStatus.OFFERED.value:
        return
    with force_locale("vi"):
        note = _("The seat offered was not confirmed in time.")
    seats.end(registration.id, RegistrationStatus.LAPSED, note)
    notices.lapsed(registration, "offer")


def _reminder_day(training_class, days: int):
    first = training_class.first_day
    return add_working_days(first, -int(days)) if first else None


def reminder_moment(registration_id: int, reminder_days: int) -> str:
    """When to remind: 08:00 on the day `reminder_days` working days before the first
    session; "" when the class has begun (nothing to remind of)."""
    training_class = _registration(registration_id).training_class
    day = _reminder_day(training_class, reminder_days)
    if day is None or schedule.has_begun(training_class):
        return ""
    return schedule.moment(day)


def send_reminder(registration_id: int, reminder_days: int) -> bool:
    """Remind a confirmed trainee; False when the class was postponed and the reminder's
    moment is still to come (the diagram waits again)."""
    registration = _registration(registration_id)
    training_class = registration.training_class
    if (registration.status != RegistrationStatus.CONFIRMED.value
            or training_class.status not in OPEN_STATUSES or schedule.has_begun(training_class)):
        return True
    day = _reminder_day(training_class, reminder_days)
    if day is not None and datetime.fromisoformat(schedule.moment(day)) > \
            schedule.local_now().replace(tzinfo=None):
        return False
    notices.reminded(registration)
    return True


def class_close_moment(registration_id: int, grace_days: int) -> str:
    """How long the enrollment waits for the organiser to close the class: `grace_days`
    working days after its last session, at 08:00."""
    training_class = _registration(registration_id).training_class
    last = training_class.last_day or today()
    return schedule.moment(add_working_days(last, int(grace_days)))


HELPERS = {
    "allocate_seat": allocate_seat, "approval_until": approval_until,
    "approval_lapsed": approval_lapsed, "registration_declined": registration_declined,
    "offer_due": offer_due, "offer_answered": offer_answered, "offer_lapsed": offer_lapsed,
    "reminder_moment": reminder_moment, "send_reminder": send_reminder,
    "class_close_moment": class_close_moment,
}
