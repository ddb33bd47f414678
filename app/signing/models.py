"""A root certificate the admin trusts: a signer's certificate that chains to one of these is
shown as such; any other signature is shown as not checked against a trusted root."""

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import User
from app.clock import utcnow
from app.extensions import db


class TrustedRoot(db.Model):
    __tablename__ = "trusted_roots"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256, hex
    subject: Mapped[str] = mapped_column(Text)
    der: Mapped[bytes] = mapped_column(LargeBinary)
    not_before: Mapped[datetime]
    not_after: Mapped[datetime]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    added_by: Mapped[User | None] = relationship()
