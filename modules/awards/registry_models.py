"""The registry of commendations: one row per award given, to a person or a collective.
A decision recorded in the app adds its awardees (registry.record_award); past years come
from a spreadsheet (imported). A revoked award stays, struck through, with the decision
that revoked it; it is no longer counted."""

from datetime import date, datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import Agency, User
from app.clock import utcnow
from app.extensions import db


class AwardeeKind(StrEnum):
    PERSON = "person"
    COLLECTIVE = "collective"


AWARDEE_KIND_LABELS = {AwardeeKind.PERSON: _l("Person"),
                       AwardeeKind.COLLECTIVE: _l("Collective")}


class Award(db.Model):
    __tablename__ = "awards_given"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    # The catalogue's code (bang_khen_chu_tich, giay_khen…); None: an older form, imported.
    form_code: Mapped[str | None] = mapped_column(String(60), index=True)
    form_name: Mapped[str] = mapped_column(String(500))  # as the decision writes it
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(255))
    # The name without accents or case (app.folding): what search and history compare.
    name_folded: Mapped[str] = mapped_column(String(255), index=True)
    position: Mapped[str | None] = mapped_column(String(255))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    agency_name: Mapped[str] = mapped_column(String(500))  # as the decision writes it
    decision_number: Mapped[str] = mapped_column(String(60))
    decision_date: Mapped[date | None]
    signer: Mapped[str | None] = mapped_column(String(255))
    # awcore's nomination that led to it (no foreign key: that table is the round's own).
    nomination_id: Mapped[int | None] = mapped_column(index=True)
    imported: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    revoke_decision_number: Mapped[str | None] = mapped_column(String(60))
    revoke_decision_date: Mapped[date | None]
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    agency: Mapped[Agency | None] = relationship()
    revoked_by: Mapped[User | None] = relationship()

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def kind_label(self) -> str:
        return str(AWARDEE_KIND_LABELS[AwardeeKind(self.kind)])
