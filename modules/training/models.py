"""Training (plan items 1.2 and 5.2): a course, its classes with their sessions, and the
registrations of the officials who attend. Where a registration stands is its status; its
enrollment process (training_enrollment.bpmn) moves it, and seats.py alone changes what
holds a seat."""

from datetime import date, datetime, time
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import Agency, User
from app.clock import utcnow
from app.extensions import db


class ClassStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    POSTPONED = "postponed"  # published again with new dates; registration goes on
    CANCELLED = "cancelled"
    FINISHED = "finished"


CLASS_STATUS_LABELS = {
    ClassStatus.DRAFT: _l("Draft"),
    ClassStatus.PUBLISHED: _l("Open"),
    ClassStatus.POSTPONED: _l("Postponed"),
    ClassStatus.CANCELLED: _l("Cancelled"),
    ClassStatus.FINISHED: _l("Finished"),
}

# Classes people may register for (a postponed class keeps its registrations and takes more).
OPEN_STATUSES = frozenset({ClassStatus.PUBLISHED.value, ClassStatus.POSTPONED.value})


class RegistrationStatus(StrEnum):
    PENDING = "pending"  # waiting for the agency lead's approval
    DECLINED = "declined"
    CONFIRMED = "confirmed"  # holds a seat
    WAITLISTED = "waitlisted"
    OFFERED = "offered"  # promoted from the waitlist: holds a seat until its deadline
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"  # the class was cancelled, or the organiser or an admin ended it
    LAPSED = "lapsed"  # an offer not confirmed in time, or not approved before the class


REGISTRATION_STATUS_LABELS = {
    RegistrationStatus.PENDING: _l("Waiting for the agency lead's approval"),
    RegistrationStatus.DECLINED: _l("Not approved"),
    RegistrationStatus.CONFIRMED: _l("Seat confirmed"),
    RegistrationStatus.WAITLISTED: _l("On the waiting list"),
    RegistrationStatus.OFFERED: _l("Seat offered: confirm before the deadline"),
    RegistrationStatus.WITHDRAWN: _l("Withdrawn"),
    RegistrationStatus.CANCELLED: _l("Cancelled"),
    RegistrationStatus.LAPSED: _l("Lapsed"),
}

# What the results part records on a registration (outcomes.training_result reads it).
RESULT_LABELS = {"completed": _l("Completed the class"),  # hoàn thành / không hoàn thành
                 "not_completed": _l("Did not complete the class")}

HOLDS_SEAT = frozenset({RegistrationStatus.CONFIRMED.value, RegistrationStatus.OFFERED.value})
ACTIVE = frozenset({RegistrationStatus.PENDING.value, RegistrationStatus.WAITLISTED.value,
                    *HOLDS_SEAT})
ENDED = frozenset({status.value for status in RegistrationStatus} - ACTIVE)


class Course(db.Model):
    __tablename__ = "training_courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(500))
    audience: Mapped[str] = mapped_column(String(1000))  # "lãnh đạo, cán bộ làm công tác TTĐN"
    description: Mapped[str | None] = mapped_column(Text)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)  # organiser
    plan_item_code: Mapped[str | None] = mapped_column(String(10))  # "1.2", "5.2"
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    agency: Mapped[Agency] = relationship()
    classes: Mapped[list["TrainingClass"]] = relationship(
        back_populates="course", order_by="TrainingClass.id")


training_class_agencies = Table(
    "training_class_agencies",
    db.metadata,
    Column("class_id", ForeignKey("training_classes.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id", ondelete="CASCADE"), primary_key=True),
)


class TrainingClass(db.Model):
    __tablename__ = "training_classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # "TTDN-2026-01"
    course_id: Mapped[int] = mapped_column(ForeignKey("training_courses.id"), index=True)
    venue: Mapped[str | None] = mapped_column(String(500))
    online_link: Mapped[str | None] = mapped_column(String(1000))
    lecturers: Mapped[str | None] = mapped_column(String(1000))
    capacity: Mapped[int]
    registration_opens_on: Mapped[date]
    registration_closes_on: Mapped[date]
    approval_needed: Mapped[bool] = mapped_column(default=False)
    open_to_all: Mapped[bool] = mapped_column(default=True)
    status: Mapped[str] = mapped_column(String(20), default=ClassStatus.DRAFT.value)
    cancellation_reason: Mapped[str | None] = mapped_column(Text)
    postponement_note: Mapped[str | None] = mapped_column(Text)
    # The order in which registrations became eligible: seats.py hands out the next number
    # under the class's row lock, so the waiting list keeps that order.
    next_queue_no: Mapped[int] = mapped_column(default=1)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]

    course: Mapped[Course] = relationship(back_populates="classes")
    agencies: Mapped[list[Agency]] = relationship(secondary=training_class_agencies,
                                                  order_by=Agency.name_vi)
    sessions: Mapped[list["ClassSession"]] = relationship(
        back_populates="training_class", cascade="all, delete-orphan",
        order_by="[ClassSession.day, ClassSession.starts_at]")

    @property
    def status_label(self) -> str:
        return str(CLASS_STATUS_LABELS[ClassStatus(self.status)])

    @property
    def first_day(self) -> date | None:
        return self.sessions[0].day if self.sessions else None

    @property
    def last_day(self) -> date | None:
        return self.sessions[-1].day if self.sessions else None


class ClassSession(db.Model):
    __tablename__ = "training_class_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("training_classes.id", ondelete="CASCADE"), index=True)
    day: Mapped[date]
    starts_at: Mapped[time]
    ends_at: Mapped[time]

    training_class: Mapped[TrainingClass] = relationship(back_populates="sessions")


class Registration(db.Model):
    __tablename__ = "training_registrations"
    __table_args__ = (
        # One live registration per person and class: a double submit, or two tabs, make one.
        Index("uq_training_registrations_active", "class_id", "user_id", unique=True,
              postgresql_where=text("status IN ('pending', 'waitlisted', 'confirmed', "
                                    "'offered')"),
              sqlite_where=text("status IN ('pending', 'waitlisted', 'confirmed', "
                                "'offered')")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("training_classes.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)  # at the time
    status: Mapped[str] = mapped_column(String(20), default=RegistrationStatus.PENDING.value)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when the registration became eligible for a seat (at once, or on approval).
    queue_no: Mapped[int | None]
    eligible_at: Mapped[datetime | None]
    offer_until: Mapped[date | None]  # an offered seat is confirmed by the end of this day
    # The lead who approved or declined, and when (none where no approval was needed).
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # at ended_at
    note: Mapped[str | None] = mapped_column(Text)  # why it was declined, cancelled, ...
    nominated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    nomination_attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"))
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("process_instances.id"))
    ended_at: Mapped[datetime | None]
    # Filled by the attendance and results part: "completed" / "not_completed".
    result: Mapped[str | None] = mapped_column(String(20))

    training_class: Mapped[TrainingClass] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])
    agency: Mapped[Agency] = relationship()
    nominated_by: Mapped[User | None] = relationship(foreign_keys=[nominated_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    ended_by: Mapped[User | None] = relationship(foreign_keys=[ended_by_id])

    @property
    def status_label(self) -> str:
        return str(REGISTRATION_STATUS_LABELS[RegistrationStatus(self.status)])

    @property
    def result_label(self) -> str | None:
        return str(RESULT_LABELS.get(self.result, self.result)) if self.result else None

    @property
    def holds_seat(self) -> bool:
        return self.status in HOLDS_SEAT

    @property
    def active(self) -> bool:
        return self.status in ACTIVE
