"""The record of people moved from an ended agency to a live one: who moved whom, when,
from where to where. (Moved steps are recorded on their case's timeline.)"""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import Agency, User
from app.clock import utcnow
from app.extensions import db


class PersonMove(db.Model):
    __tablename__ = "person_moves"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    from_agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    to_agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[User] = relationship(foreign_keys=[user_id])
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    from_agency: Mapped[Agency] = relationship(foreign_keys=[from_agency_id])
    to_agency: Mapped[Agency] = relationship(foreign_keys=[to_agency_id])
