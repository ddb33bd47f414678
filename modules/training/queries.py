"""What the training pages read: classes with their seats, a person's registrations, an
agency's training history, a class's list of registrations. Reads only."""

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.clock import today
from app.extensions import db
from modules.training import access, schedule
from modules.training.models import (
    HOLDS_SEAT,
    OPEN_STATUSES,
    ClassSession,
    ClassStatus,
    Course,
    Registration,
    RegistrationStatus,
    TrainingClass,
)

# The list's status filter: what a trainee asks of a class.
FILTERS = ("open", "upcoming", "finished", "all")


@dataclass(frozen=True)
class Seats:
    capacity: int
    taken: int
    waiting: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)

    @property
    def full(self) -> bool:
        return self.free == 0


def seats_of(class_ids: list[int]) -> dict[int, tuple[int, int]]:
    """{class id: (seats held, people waiting)} in one query."""
    if not class_ids:
        return {}
    rows = db.session.execute(
        select(Registration.class_id, Registration.status, func.count(Registration.id))
        .where(Registration.class_id.in_(class_ids),
               Registration.status.in_([*HOLDS_SEAT, RegistrationStatus.WAITLISTED.value]))
        .group_by(Registration.class_id, Registration.status))
    found: dict[int, list[int]] = {}
    for class_id, status, count in rows:
        pair = found.setdefault(class_id, [0, 0])
        pair[0 if status in HOLDS_SEAT else 1] += count
    return {class_id: (taken, waiting) for class_id, (taken, waiting) in found.items()}


def seats(training_class: TrainingClass) -> Seats:
    taken, waiting = seats_of([training_class.id]).get(training_class.id, (0, 0))
    return Seats(training_class.capacity, taken, waiting)


@dataclass(frozen=True)
class Listed:
    training_class: TrainingClass
    seats: Seats
    registration_open: bool


def _year_of(training_class: TrainingClass) -> int | None:
    return training_class.first_day.year if training_class.first_day else None


def classes(person, *, year: int | None = None, search: str = "",
            status: str = "open") -> list[Listed]:
    """The published classes open to `person`'s agency, soonest first: those open for
    registration now, those still to come, those finished, or all (cancelled ones too)."""
    query = (select(TrainingClass).join(Course)
             .where(TrainingClass.status != ClassStatus.DRAFT.value)
             .options(selectinload(TrainingClass.sessions), selectinload(TrainingClass.agencies),
                      selectinload(TrainingClass.course).selectinload(Course.agency)))
    if search.strip():
        like = f"%{search.strip()}%"
        query = query.where(or_(Course.topic.ilike(like), TrainingClass.code.ilike(like),
                                Course.audience.ilike(like)))
    found = [c for c in db.session.scalars(query) if access.open_to(c, person)]
    if year:
        found = [c for c in found if _year_of(c) == year]
    day = today()

    def registration_open(c) -> bool:
        return (c.status in OPEN_STATUSES and c.registration_opens_on <= day
                <= c.registration_closes_on and not schedule.has_begun(c))

    keep = {
        "open": registration_open,
        "upcoming": lambda c: c.status in OPEN_STATUSES and not schedule.has_begun(c),
        "finished": lambda c: c.status == ClassStatus.FINISHED.value,
    }.get(status, lambda c: True)
    found = sorted((c for c in found if keep(c)),
                   key=lambda c: (c.first_day is None, c.first_day, c.code))
    taken = seats_of([c.id for c in found])
    return [Listed(c, Seats(c.capacity, *taken.get(c.id, (0, 0))), registration_open(c))
            for c in found]


def years() -> list[int]:
    """The years classes take place in, newest first (the list's year filter)."""
    days = db.session.scalars(select(func.min(ClassSession.day)).group_by(ClassSession.class_id))
    return sorted({day.year for day in days if day}, reverse=True)


def waiting_place(registration: Registration) -> int | None:
    """The registration's place on its class's waiting list (1: next to be offered)."""
    if registration.status != RegistrationStatus.WAITLISTED.value:
        return None
    return db.session.scalar(select(func.count(Registration.id)).where(
        Registration.class_id == registration.class_id,
        Registration.status == RegistrationStatus.WAITLISTED.value,
        Registration.queue_no <= registration.queue_no))


def registrations_of(person) -> list[Registration]:
    return list(db.session.scalars(
        select(Registration).where(Registration.user_id == person.id)
        .options(selectinload(Registration.training_class).selectinload(TrainingClass.sessions))
        .order_by(Registration.created_at.desc(), Registration.id.desc())))


def agency_history(agency_id: int) -> list[Registration]:
    """Every registration of the agency's officials (as they were registered), newest first."""
    return list(db.session.scalars(
        select(Registration).where(Registration.agency_id == agency_id)
        .options(selectinload(Registration.user),
                 selectinload(Registration.training_class).selectinload(TrainingClass.sessions))
        .order_by(Registration.created_at.desc(), Registration.id.desc())))


_ROSTER_ORDER = {RegistrationStatus.CONFIRMED.value: 0, RegistrationStatus.OFFERED.value: 1,
                 RegistrationStatus.WAITLISTED.value: 2, RegistrationStatus.PENDING.value: 3}


def roster(training_class: TrainingClass) -> list[Registration]:
    """The class's registrations: seats first, then the waiting list in its order, then
    those awaiting approval, then those that ended."""
    found = db.session.scalars(
        select(Registration).where(Registration.class_id == training_class.id)
        .options(selectinload(Registration.user), selectinload(Registration.agency)))
    return sorted(found, key=lambda r: (_ROSTER_ORDER.get(r.status, 9),
                                        r.queue_no or 10**9, r.id))


def courses_for(user) -> list[Course]:
    """The courses `user` manages, newest first."""
    found = db.session.scalars(select(Course).options(
        selectinload(Course.classes).selectinload(TrainingClass.sessions),
        selectinload(Course.agency)).order_by(Course.id.desc()))
    return [course for course in found if access.may_manage(user, course)]
