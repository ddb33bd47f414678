"""A suspected violation of the rules on foreign information (plan item 2.3), from intake
to closure. Where a case stands is its open step; the process records how it ended."""

from datetime import date, datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import User
from app.clock import utcnow
from app.extensions import db


class CaseOutcome(StrEnum):
    NO_VIOLATION = "no_violation"
    SANCTIONED = "sanctioned"  # decision complied with
    ENFORCED = "enforced"  # not complied with: enforcement decided
    REFERRED = "referred"  # handed to the competent agency


OUTCOME_LABELS = {
    CaseOutcome.NO_VIOLATION: _l("Closed: no violation"),
    CaseOutcome.SANCTIONED: _l("Closed: sanctioned, complied with"),
    CaseOutcome.ENFORCED: _l("Closed: enforced"),
    CaseOutcome.REFERRED: _l("Closed: referred to the competent agency"),
}

SOURCES = {
    "monitoring": _l("Monitoring of the press and the internet"),
    "report": _l("A report from an agency or a citizen"),
    "inspection": _l("An inspection"),
    "referral": _l("Referred by another agency"),
}


# The field of the violation decides its limitation period (Luật Xử lý vi phạm hành chính,
# Điều 6 khoản 1 điểm a): 02 years for the press and publishing, 01 year otherwise.
SECTORS = {
    "press": _l("Press"),
    "publishing": _l("Publishing"),
    "other": _l("Another field (electronic information, foreign information activity)"),
}
LONG_LIMITATION = frozenset({"press", "publishing"})


class ViolationCase(db.Model):
    __tablename__ = "violation_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # "VP-2025-007"
    source: Mapped[str] = mapped_column(String(20))
    received_on: Mapped[date]
    # When the violation was discovered: the record's time limit runs from it (Nghị định
    # 118/2021/NĐ-CP, Điều 12); empty on cases recorded before it was asked.
    discovered_on: Mapped[date | None]
    # When a violation that is over ended (else it was going on when discovered): the
    # limitation period runs from it (Luật Xử lý vi phạm hành chính, Điều 6 khoản 1 điểm b).
    ended_on: Mapped[date | None]
    sector: Mapped[str | None] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(500))  # the organisation or person
    channel: Mapped[str | None] = mapped_column(String(1000))  # where: a site, a URL
    description: Mapped[str] = mapped_column(Text)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("process_instances.id"))
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    outcome: Mapped[str | None] = mapped_column(String(20))
    closed_at: Mapped[datetime | None]

    inspector: Mapped[User] = relationship(foreign_keys=[inspector_id])

    @property
    def outcome_label(self) -> str | None:
        return str(OUTCOME_LABELS[CaseOutcome(self.outcome)]) if self.outcome else None
