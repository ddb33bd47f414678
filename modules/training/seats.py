"""Seats: the one place that decides who holds a seat in a class, so that a class is never
oversold. Every path that takes or frees a seat comes here — a registration, the lead's
approval, the organiser (capacity, removing someone, cancelling the class), a withdrawal,
the promotion deadline's timer, and an admin terminating an enrollment — each in its own
transaction, which the caller commits.

Each function first takes the class's row lock (SELECT … FOR UPDATE on PostgreSQL; on SQLite
a write to the row takes the database's one write lock), then reads the registrations fresh:
so two requests for the last seat are served one after the other, and the second sees the
first's seat. A registration takes its number in the queue (queue_no) when it becomes
eligible — at once, or when the lead approves — and the waiting list keeps that order.
Every function is idempotent: a step run again (an admin's retry) changes nothing twice."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from app.calendar import add_working_days
from app.clock import today, utcnow
from app.extensions import db
from modules.training import schedule, settings
from modules.training.models import (
    ENDED,
    HOLDS_SEAT,
    OPEN_STATUSES,
    Registration,
    RegistrationStatus,
    TrainingClass,
)


class SeatError(ValueError):
    pass


def lock(class_id: int) -> TrainingClass:
    """The class, read fresh, with its row lock held until the transaction ends."""
    if db.engine.dialect.name == "sqlite":
        # No row locks in SQLite: writing the row takes the database's write lock now, so
        # the next seat change waits for this one (busy_timeout) rather than racing it.
        db.session.execute(update(TrainingClass).where(TrainingClass.id == class_id)
                           .values(next_queue_no=TrainingClass.next_queue_no))
    return db.session.scalar(select(TrainingClass).where(TrainingClass.id == class_id)
                             .with_for_update()
                             .execution_options(populate_existing=True))


def _fresh(registration_id: int) -> Registration:
    return db.session.scalar(select(Registration).where(Registration.id == registration_id)
                             .execution_options(populate_existing=True))


def held(class_id: int) -> int:
    """Seats held: confirmed, and offered to someone promoted from the waiting list."""
    return db.session.scalar(select(func.count(Registration.id)).where(
        Registration.class_id == class_id, Registration.status.in_(HOLDS_SEAT))) or 0


def _waiting(class_id: int) -> list[Registration]:
    return list(db.session.scalars(
        select(Registration).where(Registration.class_id == class_id,
                                   Registration.status == RegistrationStatus.WAITLISTED.value)
        .order_by(Registration.queue_no, Registration.id)
        .execution_options(populate_existing=True)))


def allocate(registration_id: int) -> str:
    """The registration became eligible: a seat when one is free and nobody waits ahead,
    else the end of the waiting list. Returns its status."""
    registration = _fresh(registration_id)
    training_class = lock(registration.class_id)
    registration = _fresh(registration_id)
    if registration.status != RegistrationStatus.PENDING.value:
        return registration.status  # allocated already, or ended meanwhile
    registration.queue_no = training_class.next_queue_no
    training_class.next_queue_no += 1
    registration.eligible_at = utcnow()
    free = training_class.capacity - held(training_class.id)
    if training_class.status in OPEN_STATUSES and free > 0 and not _waiting(training_class.id):
        registration.status = RegistrationStatus.CONFIRMED.value
    else:
        registration.status = RegistrationStatus.WAITLISTED.value
    db.session.flush()
    return registration.status


def end(registration_id: int, status: RegistrationStatus, note: str | None = None,
        actor=None) -> list[Registration]:
    """End a registration (withdrawn, declined, lapsed, cancelled): a seat it held goes at
    once to the first on the waiting list. Returns the registrations offered a seat."""
    registration = _fresh(registration_id)
    training_class = lock(registration.class_id)
    registration = _fresh(registration_id)
    if registration.status in ENDED:
        return []
    registration.status, registration.ended_at = status.value, utcnow()
    if note:
        registration.note = note
    if actor is not None:
        registration.ended_by_id = actor.id
    db.session.flush()
    return promote(training_class)


def confirm_offer(registration_id: int) -> str:
    """The person promoted from the waiting list confirms: the seat offered is theirs."""
    registration = _fresh(registration_id)
    lock(registration.class_id)
    registration = _fresh(registration_id)
    if registration.status == RegistrationStatus.OFFERED.value:
        registration.status = RegistrationStatus.CONFIRMED.value
        registration.offer_until = None
        db.session.flush()
    return registration.status


def set_capacity(class_id: int, capacity: int) -> list[Registration]:
    """The organiser changes the number of seats: never below the seats held; seats added go
    to the waiting list at once."""
    training_class = lock(class_id)
    taken = held(class_id)
    if capacity < taken:
        raise SeatError(_l("%(taken)d seats are taken: the class cannot have fewer.",
                           taken=taken))
    training_class.capacity = capacity
    db.session.flush()
    return promote(training_class)


def end_all(class_id: int, status: RegistrationStatus, note: str) -> list[Registration]:
    """The class is cancelled: every live registration ends, and nobody is promoted."""
    lock(class_id)
    ended = list(db.session.scalars(
        select(Registration).where(Registration.class_id == class_id,
                                   Registration.status.not_in(ENDED))
        .execution_options(populate_existing=True)))
    for registration in ended:
        registration.status, registration.ended_at = status.value, utcnow()
        registration.note = note
    db.session.flush()
    return ended


def promote(training_class: TrainingClass) -> list[Registration]:
    """While a seat is free and the class is open and not begun, offer it to the first on
    the waiting list, with a deadline to confirm (the caller holds the class's lock).
    Each offer is announced (a notice, and the message its enrollment waits for)."""
    from modules.training import offers

    if training_class.status not in OPEN_STATUSES or schedule.has_begun(training_class):
        return []
    free = training_class.capacity - held(training_class.id)
    offered = _waiting(training_class.id)[:max(free, 0)]
    deadline = add_working_days(today(), settings.value(settings.CONFIRM_DAYS))
    for registration in offered:
        registration.status = RegistrationStatus.OFFERED.value
        registration.offer_until = deadline
    db.session.flush()
    for registration in offered:
        offers.announce(registration)
    return offered
