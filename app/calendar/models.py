"""Declared days: a day off the law's calendar does not know (a bridge day, a provincial day
off), or a make-up working day (a Saturday worked in exchange for a bridge day), each with
the document that sets it."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.extensions import db


class DeclaredDay(db.Model):
    __tablename__ = "declared_days"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(unique=True)
    working: Mapped[bool]  # True: a make-up working day; False: a day off
    note: Mapped[str] = mapped_column(String(255))
    # The document that sets it, e.g. "Công văn 12729/VPCP-KGVX ngày 25/12/2025".
    source: Mapped[str | None] = mapped_column(String(255))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
