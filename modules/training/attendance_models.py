"""Attendance and results of a class: who was present at each session (ticked by the
organiser or checked in with the session's code), the class's completion rule, and each
trainee's result with every change an organiser made to it and why."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.auth.models import User
from app.clock import utcnow
from app.extensions import db
from modules.training.models import ClassSession, Registration, TrainingClass

COMPLETED, NOT_COMPLETED = "completed", "not_completed"  # the keys of RESULT_LABELS
DEFAULT_PERCENT = 80  # "≥ 80 % of sessions": the organiser's practice, a setting per class

TICKED, CHECKED_IN = "ticked", "checked_in"  # how a presence was recorded


class AttendanceBook(db.Model):
    """A class's attendance book: its completion rule, who signs its certificates, and when
    the organiser closed it (the results are computed then)."""

    __tablename__ = "training_attendance_books"

    class_id: Mapped[int] = mapped_column(
        ForeignKey("training_classes.id", ondelete="CASCADE"), primary_key=True)
    min_percent: Mapped[int] = mapped_column(default=DEFAULT_PERCENT)
    signer_authority: Mapped[str | None] = mapped_column(String(200))  # "KT. GIÁM ĐỐC\n…"
    signer_name: Mapped[str | None] = mapped_column(String(200))
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    training_class: Mapped[TrainingClass] = relationship(
        backref=backref("attendance_book", uselist=False, viewonly=True))


class SessionCode(db.Model):
    """The code shown in the room: trainees check in with it during the session."""

    __tablename__ = "training_session_codes"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("training_class_sessions.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    session: Mapped[ClassSession] = relationship()


class Attendance(db.Model):
    """A trainee present at a session."""

    __tablename__ = "training_attendance"
    __table_args__ = (UniqueConstraint("session_id", "registration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("training_class_sessions.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("training_registrations.id"),
                                                 index=True)
    how: Mapped[str] = mapped_column(String(20))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class ResultRecord(db.Model):
    """What the rule gave a trainee when attendance was closed; the result in force is
    Registration.result (the rule's, or the organiser's override)."""

    __tablename__ = "training_results"

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("training_registrations.id"), primary_key=True)
    attended: Mapped[int]
    sessions: Mapped[int]
    computed: Mapped[str] = mapped_column(String(20))
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
    override_reason: Mapped[str | None] = mapped_column(Text)

    registration: Mapped[Registration] = relationship(
        backref=backref("result_record", uselist=False, viewonly=True))

    @property
    def overridden(self) -> bool:
        return self.registration.result != self.computed


class ResultChange(db.Model):
    """The audit trail of the organiser's overrides: from what, to what, who, when, why."""

    __tablename__ = "training_result_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("training_registrations.id"),
                                                 index=True)
    old: Mapped[str | None] = mapped_column(String(20))
    new: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    actor: Mapped[User] = relationship()
