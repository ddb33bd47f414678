"""The organiser's writes: courses, classes and their sessions; publishing, postponing,
cancelling and closing a class. Seats change only through seats.py."""

from dataclasses import dataclass
from datetime import date, time

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import workflow
from app.auth.models import Agency
from app.clock import utcnow
from app.extensions import db
from modules.training import notices, offers, seats
from modules.training.models import (
    ClassSession,
    ClassStatus,
    Course,
    Registration,
    RegistrationStatus,
    TrainingClass,
)

EDITABLE = frozenset({ClassStatus.DRAFT.value, ClassStatus.PUBLISHED.value,
                      ClassStatus.POSTPONED.value})


class CourseError(ValueError):
    pass


@dataclass(frozen=True)
class Session:
    day: date
    starts_at: time
    ends_at: time


def save_course(course: Course | None, *, topic: str, audience: str, description: str | None,
                agency: Agency, plan_item_code: str | None, actor) -> Course:
    if course is None:
        course = Course(created_by_id=actor.id, created_at=utcnow())
        db.session.add(course)
    course.topic, course.audience = topic.strip(), audience.strip()
    course.description = (description or "").strip() or None
    course.agency_id, course.plan_item_code = agency.id, plan_item_code or None
    db.session.commit()
    return course


def _check_sessions(sessions: list[Session]) -> None:
    if not sessions:
        raise CourseError(_l("A class has at least one session."))
    for session in sessions:
        if session.ends_at <= session.starts_at:
            raise CourseError(_l("A session ends after it starts (%(day)s).",
                                 day=f"{session.day:%d/%m/%Y}"))


def _set_sessions(training_class: TrainingClass, sessions: list[Session]) -> None:
    training_class.sessions = [ClassSession(day=s.day, starts_at=s.starts_at, ends_at=s.ends_at)
                               for s in sorted(sessions, key=lambda s: (s.day, s.starts_at))]


def save_class(training_class: TrainingClass | None, course: Course, *, code: str,
               venue: str | None, online_link: str | None, lecturers: str | None,
               capacity: int, opens_on: date, closes_on: date, approval_needed: bool,
               open_to_all: bool, agencies: list[Agency], sessions: list[Session],
               actor) -> TrainingClass:
    """Create or edit a class (not once it is cancelled or finished). Its sessions are
    changed here while it is a draft; a published class moves them by postponing."""
    if training_class is not None and training_class.status not in EDITABLE:
        raise CourseError(_l("A cancelled or finished class cannot be changed."))
    if closes_on < opens_on:
        raise CourseError(_l("Registration closes after it opens."))
    if not (venue or "").strip() and not (online_link or "").strip():
        raise CourseError(_l("Give the venue or the online link."))
    if not open_to_all and not agencies:
        raise CourseError(_l("Choose the agencies whose officials may register."))
    draft = training_class is None or training_class.status == ClassStatus.DRAFT.value
    if draft:
        _check_sessions(sessions)
    if training_class is None:
        training_class = TrainingClass(course=course, created_by_id=actor.id,
                                       created_at=utcnow(), capacity=capacity)
        db.session.add(training_class)
    training_class.code = code.strip().upper()
    training_class.venue = (venue or "").strip() or None
    training_class.online_link = (online_link or "").strip() or None
    training_class.lecturers = (lecturers or "").strip() or None
    training_class.registration_opens_on, training_class.registration_closes_on = \
        opens_on, closes_on
    training_class.approval_needed, training_class.open_to_all = approval_needed, open_to_all
    training_class.agencies = [] if open_to_all else list(agencies)
    if draft:
        _set_sessions(training_class, sessions)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise CourseError(_l("Another class has the code %(code)s.", code=code)) from None
    if training_class.id is not None and capacity != training_class.capacity:
        try:  # more seats go to the waiting list at once; fewer than taken is refused
            seats.set_capacity(training_class.id, capacity)
        except seats.SeatError as error:
            db.session.rollback()
            raise CourseError(str(error)) from None
    db.session.commit()
    return training_class


def publish(training_class: TrainingClass) -> None:
    if training_class.status != ClassStatus.DRAFT.value:
        raise CourseError(_l("Only a draft is published."))
    _check_sessions(training_class.sessions)
    training_class.status, training_class.published_at = ClassStatus.PUBLISHED.value, utcnow()
    db.session.commit()


def _live(training_class: TrainingClass) -> list[Registration]:
    return [r for r in db.session.scalars(select(Registration).where(
        Registration.class_id == training_class.id)) if r.active]


def postpone(training_class: TrainingClass, sessions: list[Session], note: str | None) -> None:
    """New dates for a published class; everyone registered is told. Their enrollments read
    the new dates when their reminder comes (they wait again if it is now later)."""
    if training_class.status not in (ClassStatus.PUBLISHED.value, ClassStatus.POSTPONED.value):
        raise CourseError(_l("Only a published class is postponed."))
    _check_sessions(sessions)
    if min(s.day for s in sessions) < (training_class.first_day or date.min):
        raise CourseError(_l("A postponed class begins later than it was to begin."))
    seats.lock(training_class.id)
    _set_sessions(training_class, sessions)
    training_class.status = ClassStatus.POSTPONED.value
    training_class.postponement_note = " ".join((note or "").split()) or None
    db.session.flush()
    notices.postponed(training_class, _live(training_class))
    db.session.commit()


def cancel(training_class: TrainingClass, reason: str, actor) -> int:
    """Cancel the class with its reason: every registration and its enrollment end, and
    everyone registered is told. Returns how many were registered."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise CourseError(_l("Say why the class is cancelled."))
    if training_class.status not in EDITABLE:
        raise CourseError(_l("This class is %(status)s already.",
                             status=training_class.status_label))
    ended = seats.end_all(training_class.id, RegistrationStatus.CANCELLED, reason)
    for registration in ended:
        if registration.instance_id is not None:
            workflow.cancel_instance(registration.instance_id, actor, reason)
    training_class.status, training_class.cancellation_reason = \
        ClassStatus.CANCELLED.value, reason
    notices.cancelled(training_class, ended)
    db.session.commit()
    return len(ended)


def close_class(training_class: TrainingClass, actor) -> int:
    """The organiser closes a class that has taken place (attendance taken): each confirmed
    enrollment goes on to its result and certificate. Returns how many moved."""
    if training_class.status not in (ClassStatus.PUBLISHED.value, ClassStatus.POSTPONED.value):
        raise CourseError(_l("Only a class that took place is closed."))
    from modules.training import results  # the results are fixed before enrollments go on

    results.ready_to_close(training_class)
    seats.lock(training_class.id)
    training_class.status = ClassStatus.FINISHED.value
    moved = 0
    note = str(_l("The class has finished."))
    for registration in _live(training_class):
        if registration.status == RegistrationStatus.CONFIRMED.value:
            # Kept if the enrollment is not there yet (its reminder's timer not fired).
            moved += workflow.send_message(offers.CLASS_CLOSED,
                                           offers.business_key(registration), actor, keep=True)
            continue
        # Still waiting (for a seat, an approval, a confirmation): nothing more to wait for.
        seats.end(registration.id, RegistrationStatus.CANCELLED, note, actor=actor)
        if registration.instance_id is not None:
            workflow.cancel_instance(registration.instance_id, actor, note)
    db.session.commit()
    return moved
