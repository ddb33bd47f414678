"""Results: when the organiser closes attendance, each trainee with a seat gets a result by
the class's rule (present at least `min_percent` % of the sessions: completed, else not
completed). The organiser may then override a result, with a reason; each change is kept
(ResultChange). Closing the class (courses.close_class) then sends each enrollment on to
its result and certificate. A result corrected after that (still with a reason, kept the
same way) takes the certificate with it: issued, or standing again, when it is now
completed; revoked when it no longer is (the public check page says it is not valid)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.clock import utcnow
from app.extensions import db
from modules.training import attendance, certificates, notices, schedule, seats
from modules.training.attendance_models import (
    COMPLETED,
    DEFAULT_PERCENT,
    NOT_COMPLETED,
    Attendance,
    AttendanceBook,
    ResultChange,
    ResultRecord,
)
from modules.training.models import OPEN_STATUSES, RESULT_LABELS, ClassStatus, Registration


class ResultError(ValueError):
    pass


def book_of(training_class) -> AttendanceBook:
    """The class's attendance book (a new one, not yet stored, with the default rule)."""
    return db.session.get(AttendanceBook, training_class.id) or AttendanceBook(
        class_id=training_class.id, min_percent=DEFAULT_PERCENT)


def outcome(attended: int, sessions: int, min_percent: int) -> str:
    """Completed when present at `min_percent` % of the sessions or more (whole numbers:
    4 of 5 is 80 %)."""
    return COMPLETED if sessions and attended * 100 >= min_percent * sessions else NOT_COMPLETED


def attended_counts(training_class) -> dict[int, int]:
    """{registration id: sessions present}."""
    ids = [s.id for s in training_class.sessions]
    rows = db.session.execute(
        select(Attendance.registration_id, func.count(Attendance.id))
        .where(Attendance.session_id.in_(ids)).group_by(Attendance.registration_id))
    return dict(rows.all())


def save_rule(training_class, min_percent: int, signer_authority: str, signer_name: str):
    """The rule and who signs, kept while attendance is open (without closing it)."""
    seats.lock(training_class.id)
    book = book_of(training_class)
    if book.closed_at is not None:
        raise ResultError(_l("Attendance of this class is closed."))
    _fill(book, min_percent, signer_authority, signer_name)
    db.session.add(book)
    db.session.commit()
    return book


def _fill(book, min_percent, signer_authority, signer_name) -> None:
    book.min_percent = int(min_percent)
    book.signer_authority = "\n".join(
        " ".join(line.split()) for line in (signer_authority or "").splitlines()
        if line.strip()) or None
    book.signer_name = " ".join((signer_name or "").split()) or None


def close_attendance(training_class, actor, *, min_percent: int, signer_authority: str,
                     signer_name: str) -> dict[str, int]:
    """Close attendance after the last session: each trainee holding a seat gets the rule's
    result. Returns how many completed and how many did not."""
    seats.lock(training_class.id)
    book = book_of(training_class)
    if book.closed_at is not None:
        raise ResultError(_l("Attendance of this class is closed already."))
    if training_class.status not in OPEN_STATUSES:
        raise ResultError(_l("Attendance is taken for a class that is open, not %(status)s.",
                             status=training_class.status_label))
    last = schedule.last_end(training_class)
    if last is None or schedule.local_now() < last:
        raise ResultError(_l("Close attendance after the last session has ended."))
    _fill(book, min_percent, signer_authority, signer_name)
    if not book.signer_authority or not book.signer_name:
        raise ResultError(_l("Give who signs the certificates: their title and name."))
    book.closed_at, book.closed_by_id = utcnow(), actor.id
    db.session.add(book)
    counts = attended_counts(training_class)
    sessions = len(training_class.sessions)
    tally = {COMPLETED: 0, NOT_COMPLETED: 0}
    for registration in attendance.confirmed(training_class):
        attended = counts.get(registration.id, 0)
        result = outcome(attended, sessions, book.min_percent)
        db.session.merge(ResultRecord(registration_id=registration.id, attended=attended,
                                      sessions=sessions, computed=result, computed_at=utcnow(),
                                      override_reason=None))
        registration.result = result
        tally[result] += 1
    db.session.commit()
    return tally


def override(registration: Registration, result: str, reason: str, actor) -> None:
    """The organiser sets a result other than the rule's, saying why; kept in the trail.
    After the class is closed the certificate follows, and the trainee is told."""
    reason = " ".join((reason or "").split())
    if result not in RESULT_LABELS:
        raise ResultError(_l("Choose completed or not completed."))
    if not reason:
        raise ResultError(_l("Say why the result is changed."))
    training_class = seats.lock(registration.class_id)
    db.session.refresh(registration)
    record = db.session.get(ResultRecord, registration.id)
    if record is None:
        raise ResultError(_l("Close attendance first: results come from it."))
    closed = training_class.status == ClassStatus.FINISHED.value
    if training_class.status not in OPEN_STATUSES and not closed:
        raise ResultError(_l("The class is %(status)s: it has no results to change.",
                             status=training_class.status_label))
    if registration.result == result:
        raise ResultError(_l("The result is %(result)s already.",
                             result=RESULT_LABELS[result]))
    db.session.add(ResultChange(registration_id=registration.id, old=registration.result,
                                new=result, reason=reason, actor_id=actor.id, at=utcnow()))
    registration.result = result
    record.override_reason = reason if result != record.computed else None
    if closed:
        _certificate_follows(registration, reason)
    db.session.commit()


def _certificate_follows(registration: Registration, reason: str) -> None:
    if registration.result == COMPLETED:
        certificates.issue_for(registration.id)
        certificate = certificates.of_registration(registration.id)
    else:
        certificate = certificates.revoke_for(registration.id, reason)
    notices.result_corrected(registration, reason, certificate)


def changes(training_class) -> list[ResultChange]:
    """The overrides of the class's results, newest first."""
    return list(db.session.scalars(
        select(ResultChange).join(Registration, ResultChange.registration_id == Registration.id)
        .where(Registration.class_id == training_class.id)
        .order_by(ResultChange.at.desc(), ResultChange.id.desc())))


def ready_to_close(training_class) -> None:
    """Closing the class sends the results on: refused until attendance is closed."""
    from modules.training.courses import CourseError

    if not attendance.is_closed(training_class):
        raise CourseError(_l("Close attendance first: it gives each trainee's result and "
                             "who signs the certificates."))
