"""Who carries an ended agency's work: one or more successors, each for a scope of that work.

A split is a successor per duty (the 2025 reorganisation gave Sở Thông tin và Truyền thông's
foreign-information items, its inspections and the plan's coordination to Sở Văn hóa, Thể
thao và Du lịch, and the rest of its work to Sở Khoa học và Công nghệ), so a succession says
what it covers: all the work, one plan item (by code), one process (by key) or a named duty.
The most specific one that matches a piece of work wins: duty, then item, then process,
then all. A successor is an agency, or a group (a district's work went to the communes that
took its territory)."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import Agency, AgencyGroup
from app.clock import today
from app.extensions import db


class Scope(StrEnum):
    ALL = "all"
    ITEM = "item"  # a plan item, by its code ("1.2")
    PROCESS = "process"  # a process, by its key ("violation_handling")
    DUTY = "duty"  # a named duty (DUTIES)


SCOPE_LABELS = {
    Scope.ALL: _l("All its work"),
    Scope.ITEM: _l("Plan item"),
    Scope.PROCESS: _l("Process"),
    Scope.DUTY: _l("Duty"),
}

# The duties the app itself asks about.
COORDINATOR = "coordinator"  # coordinating the plan: foreign information work
INSPECTIONS = "inspections"  # inspecting and handling violations
DUTIES = {
    COORDINATOR: _l("Coordinating the plan (foreign information)"),
    INSPECTIONS: _l("Inspections and violation handling"),
}

# The more specific a scope, the earlier it is asked.
_PRECEDENCE = (Scope.DUTY, Scope.ITEM, Scope.PROCESS, Scope.ALL)


class AgencySuccession(db.Model):
    """One part of an ended agency's work and who carries it now, with the decision that
    says so (or a note that it is not confirmed)."""

    __tablename__ = "agency_successions"
    __table_args__ = (UniqueConstraint("agency_id", "scope", "scope_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"),
                                           index=True)
    scope: Mapped[str] = mapped_column(String(10))
    scope_value: Mapped[str] = mapped_column(String(100), default="")  # "" for all its work
    successor_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    successor_group_id: Mapped[int | None] = mapped_column(ForeignKey("agency_groups.id"))
    source: Mapped[str | None] = mapped_column(Text)  # the decision, or "chưa đối chiếu…"

    agency: Mapped[Agency] = relationship(foreign_keys=[agency_id], back_populates="successions")
    successor_agency: Mapped[Agency | None] = relationship(foreign_keys=[successor_agency_id])
    successor_group: Mapped[AgencyGroup | None] = relationship()

    @property
    def successor(self) -> Agency | AgencyGroup | None:
        return self.successor_agency or self.successor_group

    @property
    def scope_label(self) -> str:
        label = str(SCOPE_LABELS[Scope(self.scope)])
        if self.scope == Scope.DUTY:
            return f"{label}: {DUTIES.get(self.scope_value, self.scope_value)}"
        return f"{label} {self.scope_value}".strip() if self.scope != Scope.ALL else label


Agency.successions = relationship(AgencySuccession, foreign_keys=[AgencySuccession.agency_id],
                                  back_populates="agency", cascade="all, delete-orphan",
                                  order_by=AgencySuccession.id)


@dataclass(frozen=True)
class Work:
    """What a piece of work is, as far as successions ask: its plan item, process, duty."""

    item: str | None = None
    process: str | None = None
    duty: str | None = None


ANY_WORK = Work()


def succession_for(agency: Agency, work: Work = ANY_WORK) -> AgencySuccession | None:
    """The succession of `agency` that covers `work`: the most specific that matches."""
    wanted = {Scope.DUTY: work.duty, Scope.ITEM: work.item, Scope.PROCESS: work.process,
              Scope.ALL: ""}
    for scope in _PRECEDENCE:
        if wanted[scope] is None:
            continue
        for row in agency.successions:
            if row.scope == scope and row.scope_value == wanted[scope]:
                return row
    return None


def route(agency: Agency, work: Work = ANY_WORK,
          day: date | None = None) -> Agency | AgencyGroup | None:
    """Who holds `agency`'s `work` on `day` (default today): the agency itself while it is
    current, else its successor for that work, followed until one is current; a group when
    the work went to a group; None when nobody does (ended with no successor)."""
    day = day or today()
    seen: set[int] = set()
    while agency is not None and agency.id not in seen:
        seen.add(agency.id)
        if agency.is_current_on(day):
            return agency
        row = succession_for(agency, work)
        if row is not None and row.successor_group is not None:
            return row.successor_group
        agency = row.successor_agency if row is not None else agency.successor
    return None


def holders(agency: Agency, work: Work = ANY_WORK, day: date | None = None) -> list[Agency]:
    """The live agencies that hold `agency`'s `work` on `day` (a group is its agencies)."""
    day = day or today()
    target = route(agency, work, day)
    if isinstance(target, AgencyGroup):
        return expand(target, day, work)
    return [target] if target is not None else []


def expand(group: AgencyGroup, day: date | None = None, work: Work = ANY_WORK) -> list[Agency]:
    """The live agencies an assignment to `group` reaches on `day`: each member, or whoever
    holds its `work` now; each once. A member whose work went back to this very group (a
    district to "UBND cấp huyện") adds nothing: the group's live members stand for it."""
    day = day or today()
    reached: dict[int, Agency] = {}
    for member in group.members:
        target = route(member, work, day)
        if isinstance(target, AgencyGroup):
            found = [] if target.id == group.id else [
                a for a in target.members if a.is_current_on(day)]
        else:
            found = [target] if target is not None else []
        for agency in found:
            reached.setdefault(agency.id, agency)
    return sorted(reached.values(), key=lambda agency: agency.sort_key)


def now_held_by(agency: Agency, work: Work = ANY_WORK,
                day: date | None = None) -> Agency | AgencyGroup | None:
    """Who holds the work now, for "(nay là …)": None while the agency itself is current."""
    target = route(agency, work, day)
    return None if target is agency else target
