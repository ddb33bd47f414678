"""Attendance at each session: the organiser ticks who was present; a trainee checks in on
their phone with the code shown in the room, valid only while the session runs (from its
start to its end, in Quảng Ngãi's time). Only trainees holding a confirmed seat count, and
once the organiser closes attendance (results.py) nothing here changes it."""

import secrets
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.clock import LOCAL_TZ, utcnow
from app.extensions import db
from app.text import vietnamese_order
from modules.training import schedule, seats, throttle
from modules.training.attendance_models import (
    CHECKED_IN,
    TICKED,
    Attendance,
    AttendanceBook,
    SessionCode,
)
from modules.training.models import ClassSession, Registration, RegistrationStatus

# Six letters and digits that cannot be mistaken for one another on a projector (no 0/O,
# 1/I/L): 31⁶, about 900 million codes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6


class AttendanceError(ValueError):
    pass


def starts(session: ClassSession) -> datetime:
    return datetime.combine(session.day, session.starts_at, tzinfo=LOCAL_TZ)


def ends(session: ClassSession) -> datetime:
    return datetime.combine(session.day, session.ends_at, tzinfo=LOCAL_TZ)


def has_begun(session: ClassSession) -> bool:
    return schedule.local_now() >= starts(session)


def is_running(session: ClassSession) -> bool:
    return starts(session) <= schedule.local_now() < ends(session)


def is_closed(training_class) -> bool:
    book = db.session.get(AttendanceBook, training_class.id)
    return book is not None and book.closed_at is not None


def confirmed(training_class) -> list[Registration]:
    """The trainees who hold a seat, in the order Vietnamese lists take: by given name (the
    last word), then the full name."""
    found = db.session.scalars(select(Registration).where(
        Registration.class_id == training_class.id,
        Registration.status == RegistrationStatus.CONFIRMED.value))
    return sorted(found, key=lambda r: (vietnamese_order(r.user.full_name.split()[-1]),
                                        vietnamese_order(r.user.full_name), r.id))


def present(training_class) -> dict[int, set[int]]:
    """{session id: the registrations present}."""
    found: dict[int, set[int]] = {s.id: set() for s in training_class.sessions}
    rows = db.session.execute(select(Attendance.session_id, Attendance.registration_id).where(
        Attendance.session_id.in_(list(found))))
    for session_id, registration_id in rows:
        found[session_id].add(registration_id)
    return found


def _changeable(training_class, session: ClassSession) -> None:
    if is_closed(training_class):
        raise AttendanceError(_l("Attendance of this class is closed."))
    if not has_begun(session):
        raise AttendanceError(_l("The session of %(day)s has not begun.",
                                 day=f"{session.day:%d/%m/%Y}"))


def tick(training_class, session: ClassSession, present_ids: set[int], actor) -> int:
    """The organiser's list for the session: those ticked are present, the others not.
    Returns how many are present."""
    seats.lock(training_class.id)  # one change of the class's attendance at a time
    _changeable(training_class, session)
    allowed = {r.id for r in confirmed(training_class)}
    chosen = set(present_ids) & allowed
    db.session.execute(delete(Attendance).where(
        Attendance.session_id == session.id, Attendance.registration_id.not_in(chosen)))
    already = set(db.session.scalars(select(Attendance.registration_id).where(
        Attendance.session_id == session.id)))
    for registration_id in sorted(chosen - already):
        db.session.add(Attendance(session_id=session.id, registration_id=registration_id,
                                  how=TICKED, recorded_by_id=actor.id, recorded_at=utcnow()))
    db.session.commit()
    return len(chosen)


def code_of(session: ClassSession) -> str:
    """The session's check-in code, made the first time the organiser shows it."""
    found = db.session.get(SessionCode, session.id)
    if found is not None:
        return found.code
    for _ in range(5):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        db.session.add(SessionCode(session_id=session.id, code=code, created_at=utcnow()))
        try:
            db.session.commit()
            return code
        except IntegrityError:  # the same code drawn twice, or the same session a moment ago
            db.session.rollback()
            found = db.session.get(SessionCode, session.id)
            if found is not None:
                return found.code
    raise AttendanceError(_l("No code could be made: try again."))


def normalised(code: str) -> str:
    return "".join((code or "").split()).upper()[:CODE_LENGTH * 2]


def check_in(code: str, person) -> ClassSession:
    """`person` checks in with the code shown in the room. Refused, with the reason, for a
    code of no session, a session not running now, or a person without a seat in its
    class; too many wrong codes wait a while (throttle.WRONG_CODE)."""
    key = f"user:{person.id}"
    wait = throttle.wait_seconds(throttle.WRONG_CODE, key)
    if wait:
        raise AttendanceError(_l("Too many wrong codes: try again in %(minutes)d minutes.",
                                 minutes=max(1, round(wait / 60))))
    found = db.session.scalar(select(SessionCode).where(SessionCode.code == normalised(code)))
    if found is None:
        throttle.record(throttle.WRONG_CODE, key)
        db.session.commit()
        raise AttendanceError(_l("This is not the code of a session: check it against the "
                                 "screen in the room."))
    session = found.session
    training_class = session.training_class
    when = {"day": f"{session.day:%d/%m/%Y}", "start": f"{session.starts_at:%H:%M}",
            "end": f"{session.ends_at:%H:%M}"}
    if not has_begun(session):
        raise AttendanceError(_l("The session of %(day)s begins at %(start)s: check in then.",
                                 **when))
    if not is_running(session):
        raise AttendanceError(_l("The session of %(day)s ended at %(end)s: its code is no "
                                 "longer valid. Ask the organiser to tick you present.", **when))
    registration = db.session.scalar(select(Registration).where(
        Registration.class_id == training_class.id, Registration.user_id == person.id,
        Registration.status == RegistrationStatus.CONFIRMED.value))
    if registration is None:
        raise AttendanceError(_l("You hold no confirmed seat in class %(code)s.",
                                 code=training_class.code))
    if is_closed(training_class):
        raise AttendanceError(_l("Attendance of this class is closed."))
    db.session.add(Attendance(session_id=session.id, registration_id=registration.id,
                              how=CHECKED_IN, recorded_by_id=person.id, recorded_at=utcnow()))
    try:
        db.session.commit()
    except IntegrityError:  # present already (ticked, or checked in a moment ago)
        db.session.rollback()
    return session
