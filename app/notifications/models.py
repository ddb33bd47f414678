"""A notification to one person: a new step, a deadline coming or passed, a report returned,
an escalation. Email goes out from the worker, so a step never waits on a mail server."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.extensions import db


class Kind(StrEnum):
    NEW_STEP = "new_step"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    RETURNED = "returned"
    ESCALATED = "escalated"
    ACCEPTED = "accepted"
    LATE = "late"
    ROUND_CLOSED = "round_closed"
    TRAINING = "training"
    AWARDS = "awards"
    PASSWORD_LINK = "password_link"  # noqa: S105 - mailed with a fresh link (account_mail)


KIND_LABELS = {
    Kind.NEW_STEP: _l("New step"),
    Kind.DUE_SOON: _l("Due soon"),
    Kind.OVERDUE: _l("Overdue"),
    Kind.RETURNED: _l("Returned for more work"),
    Kind.ESCALATED: _l("Escalated: overdue in your agency"),
    Kind.ACCEPTED: _l("Report accepted"),
    Kind.LATE: _l("Report sent late"),
    Kind.ROUND_CLOSED: _l("Reporting round closed"),
    Kind.TRAINING: _l("Training"),
    Kind.AWARDS: _l("Commendations"),
    Kind.PASSWORD_LINK: _l("Set your password"),
}


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(255))
    # The step it is about: once that step is done, the notice is read.
    work_item_id: Mapped[int | None] = mapped_column(ForeignKey("work_items.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    emailed_at: Mapped[datetime | None] = mapped_column(index=True)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))
