"""After the class: each confirmed trainee's evaluation ("Phiếu đánh giá khóa học"), one per
trainee and class, and the moment the class's trainees were asked for it."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.extensions import db

# The questions, each rated 1 (poor) … 5 (very good): column name → what the form asks.
CRITERIA = {
    "content": _l("Content of the course"),
    "lecturers": _l("Lecturers"),
    "organisation": _l("Organisation"),
    "usefulness": _l("Usefulness in your work"),
}
RATINGS = (1, 2, 3, 4, 5)


def _in_range(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN 1 AND 5", name=f"{column}_1_to_5")


class Evaluation(db.Model):
    __tablename__ = "training_evaluations"
    __table_args__ = (
        UniqueConstraint("class_id", "user_id"),  # one answer per trainee and class
        *(_in_range(column) for column in CRITERIA),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("training_classes.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("training_registrations.id"))
    content: Mapped[int] = mapped_column(SmallInteger)
    lecturers: Mapped[int] = mapped_column(SmallInteger)
    organisation: Mapped[int] = mapped_column(SmallInteger)
    usefulness: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EvaluationInvite(db.Model):
    """The class's confirmed trainees were told the form is open (once per class)."""

    __tablename__ = "training_evaluation_invites"

    class_id: Mapped[int] = mapped_column(ForeignKey("training_classes.id"), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    told: Mapped[int] = mapped_column(default=0)
