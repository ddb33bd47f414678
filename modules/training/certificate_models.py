"""Certificates ("Giấy chứng nhận") of the trainees who completed a class, as issued: what
they say is kept as it was on the day (a later change of name or agency does not rewrite a
certificate); a yearly counter numbers them; lookups of the public check page are counted per
address (its rate limit, which holds across processes)."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db
from modules.training.models import Registration


class Certificate(db.Model):
    __tablename__ = "training_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("training_registrations.id"),
                                                 unique=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # GCN-2026-0007-K7Q9X2
    year: Mapped[int]
    serial: Mapped[int]
    issued_on: Mapped[date]
    holder_name: Mapped[str] = mapped_column(String(200))
    holder_agency: Mapped[str] = mapped_column(String(300))
    class_code: Mapped[str] = mapped_column(String(40))
    course_topic: Mapped[str] = mapped_column(String(500))
    first_day: Mapped[date]
    last_day: Mapped[date]
    issuer: Mapped[str] = mapped_column(String(300))  # the organising agency
    signer_authority: Mapped[str] = mapped_column(String(200))
    signer_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Revoked when a result corrected after the class was closed is no longer "completed";
    # the same certificate stands again if it is corrected back.
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(Text)

    registration: Mapped[Registration] = relationship(
        backref=backref("certificate", uselist=False, viewonly=True))


    @property
    def valid(self) -> bool:
        return self.revoked_at is None


class CertificateCounter(db.Model):
    """The last serial given in a year: taken under the row's lock, so two classes closing at
    once never give one number twice."""

    __tablename__ = "training_certificate_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)


class LookupHit(db.Model):
    """One request of a rate-limited page, by whom (an address, or a user for check-ins)."""

    __tablename__ = "training_lookup_hits"
    __table_args__ = (Index("ix_training_lookup_hits_scope_key_at", "scope", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
