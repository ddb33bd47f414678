"""The plan (Kế hoạch 116/KH-UBND), its appendix items, who leads and who cooperates on each,
and the amendments admins make to it."""

from datetime import date, datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import Agency, AgencyGroup, User
from app.clock import local_date, utcnow
from app.extensions import db


class TimeframeKind(StrEnum):
    YEAR = "year"  # one year: "2024"
    SPAN = "span"  # a span of years: "2024 – 2030"
    YEARLY = "yearly"  # every year of the plan: "Hàng năm"


class ItemRole(StrEnum):
    LEAD = "lead"
    COOPERATING = "cooperating"


class AmendmentAction(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    RETIRED = "retired"


AMENDMENT_LABELS = {
    AmendmentAction.ADDED: _l("Added"),
    AmendmentAction.CHANGED: _l("Changed"),
    AmendmentAction.RETIRED: _l("Retired"),
}

# The fields an amendment records, as the item page names them.
AMENDED_FIELD_LABELS = {
    "group": _l("Group"),
    "content": _l("Content"),
    "timeframe": _l("Period"),
    "leads": _l("Lead"),
    "cooperating": _l("Cooperating"),
}


class Plan(db.Model):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # "116/KH-UBND"
    issued_on: Mapped[date]
    title: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str] = mapped_column(String(255))
    signer: Mapped[str | None] = mapped_column(String(255))

    items: Mapped[list["PlanItem"]] = relationship(
        back_populates="plan", order_by="PlanItem.position")


class PlanItem(db.Model):
    """One row of the appendix: a task with its lead and cooperating agencies and period."""

    __tablename__ = "plan_items"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    code: Mapped[str] = mapped_column(String(10))  # "1.1" … "5.4"
    group_no: Mapped[int]
    group_title: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    timeframe_kind: Mapped[str] = mapped_column(String(10))
    start_year: Mapped[int | None]
    end_year: Mapped[int | None]
    position: Mapped[int] = mapped_column(default=0)
    retired_at: Mapped[datetime | None]

    plan: Mapped[Plan] = relationship(back_populates="items")
    agencies: Mapped[list["PlanItemAgency"]] = relationship(
        back_populates="item", order_by="PlanItemAgency.position",
        cascade="all, delete-orphan")
    amendments: Mapped[list["PlanAmendment"]] = relationship(
        back_populates="item", order_by="PlanAmendment.at.desc()")

    @property
    def active(self) -> bool:
        return self.retired_at is None

    @property
    def leads(self) -> list["PlanItemAgency"]:
        return [a for a in self.agencies if a.role == ItemRole.LEAD.value]

    @property
    def cooperating(self) -> list["PlanItemAgency"]:
        return [a for a in self.agencies if a.role == ItemRole.COOPERATING.value]

    def applies_in(self, year: int) -> bool:
        """Whether the item has work to do in `year`."""
        if self.timeframe_kind == TimeframeKind.YEARLY.value:
            return year >= self.plan.issued_on.year
        if self.timeframe_kind == TimeframeKind.YEAR.value:
            return year == self.start_year
        return self.start_year <= year <= self.end_year

    @property
    def timeframe_label(self) -> str:
        if self.timeframe_kind == TimeframeKind.YEARLY.value:
            return str(_l("Yearly"))
        if self.timeframe_kind == TimeframeKind.YEAR.value:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"


class PlanItemAgency(db.Model):
    """An agency or a group of agencies, leading or cooperating on an item."""

    __tablename__ = "plan_item_agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("plan_items.id", ondelete="CASCADE"),
                                         index=True)
    role: Mapped[str] = mapped_column(String(12))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("agency_groups.id"))
    position: Mapped[int] = mapped_column(default=0)

    item: Mapped[PlanItem] = relationship(back_populates="agencies")
    agency: Mapped[Agency | None] = relationship()
    group: Mapped[AgencyGroup | None] = relationship()

    @property
    def target(self) -> Agency | AgencyGroup:
        return self.agency or self.group

    @property
    def reference(self) -> str:
        """How forms name it: "agency:<id>" or "group:<id>"."""
        return f"agency:{self.agency_id}" if self.agency_id else f"group:{self.group_id}"

    def agencies_on(self, day: date) -> list[Agency]:
        """The agencies this reaches on `day`: a group expands, and an ended agency is
        replaced by whoever holds this item's work then (its successor for the item)."""
        from app.auth.successions import Work, holders

        work = Work(item=self.item.code)
        if self.group is not None:
            return self.group.expand(day, work)
        return holders(self.agency, work, day)

    def now_held_by(self, day: date | None = None) -> Agency | AgencyGroup | None:
        """Who holds this item's work now, where the plan names an agency that has ended
        ("Sở Thông tin và Truyền thông (nay là …)"); None while it is current."""
        from app.auth.successions import Work, now_held_by

        return now_held_by(self.agency, Work(item=self.item.code), day) if self.agency else None

    def as_planned(self, locale: str, day: date | None = None) -> str:
        """The plan's own name for it and, where that has ended, who acts now: "Sở Thông tin
        và Truyền thông (nay là Sở Văn hóa, Thể thao và Du lịch)" on pages and in documents."""
        from flask_babel import force_locale, gettext

        name = self.target.name(locale)
        holder = self.now_held_by(day)
        with force_locale(locale):
            now = holder.name(locale) if holder else self.now_level(day)
            return gettext("%(name)s (now %(holder)s)", name=name, holder=now) if now else name

    def now_level(self, day: date | None = None) -> str | None:
        """The level that acts today for a group the plan names whose members have given way
        to agencies of another level: "UBND cấp huyện" is the communes since 01/7/2025
        ("UBND cấp huyện (nay là UBND cấp xã)"); None otherwise."""
        from app.auth.agency_service import has_ended
        from app.auth.models import AgencyKind
        from app.auth.successions import Work
        from app.clock import today

        if self.group is None:
            return None
        day = day or today()
        ended = {m.kind for m in self.group.members if has_ended(m, day)}
        live = {a.kind for a in self.group.expand(day, Work(item=self.item.code))}
        if not ended or len(live) != 1 or live & ended:
            return None
        return AgencyKind(live.pop()).label


class PlanAmendment(db.Model):
    """An admin's change to the plan: what changed, by whom, when and why."""

    __tablename__ = "plan_amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("plan_items.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # {field: [before, after]}

    item: Mapped[PlanItem] = relationship(back_populates="amendments")
    actor: Mapped[User | None] = relationship()

    @property
    def action_label(self) -> str:
        return str(AMENDMENT_LABELS[AmendmentAction(self.action)])


class Outcome(StrEnum):
    """The state's categories for an assigned task."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"  # in progress, within the deadline
    OVERDUE = "overdue"


# The state's wording, and the colour each shows in.
OUTCOME_BADGES = {
    Outcome.DONE_ON_TIME: (_l("Done on time"), "success"),
    Outcome.DONE_LATE: (_l("Done, but late"), "warning"),
    Outcome.IN_PROGRESS: (_l("In progress within the deadline"), "secondary"),
    Outcome.OVERDUE: (_l("Overdue, not done"), "danger"),
}


class Assignment(db.Model):
    """An item given to one lead agency for one year: the process instance that carries it,
    its deadline, and where it stands (what the dashboard reads)."""

    __tablename__ = "plan_assignments"
    __table_args__ = (UniqueConstraint("item_id", "year", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("plan_items.id"), index=True)
    year: Mapped[int] = mapped_column(index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("process_instances.id"))
    due_on: Mapped[date]
    launched_at: Mapped[datetime] = mapped_column(default=utcnow)
    launched_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None]  # the last report sent to the coordinator
    progress: Mapped[str | None] = mapped_column(String(20))  # as the lead reported it
    accepted_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(20))  # set when accepted

    item: Mapped[PlanItem] = relationship()
    agency: Mapped[Agency] = relationship()

    def status_on(self, day: date) -> Outcome:
        """Where it stands on `day`: its outcome once accepted, else by its deadline."""
        if self.outcome is not None:
            return Outcome(self.outcome)
        return Outcome.OVERDUE if day > self.due_on else Outcome.IN_PROGRESS


class CycleKind(StrEnum):
    ANNUAL = "annual"  # every agency with items, each year (Nghị định 09/2019/NĐ-CP)
    AD_HOC = "ad_hoc"  # đột xuất: chosen agencies, any time


class ReportCycle(db.Model):
    """One round of reporting: the annual report of a year, or an ad-hoc request; and, once
    the coordinator signs off, the consolidated report to the Provincial People's Committee
    (its PDF kept as issued)."""

    __tablename__ = "report_cycles"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(index=True)
    # Set for the annual round only: unique, so the worker and a coordinator opening the
    # year's round at the same moment cannot open it twice.
    annual_year: Mapped[int | None] = mapped_column(unique=True)
    title: Mapped[str] = mapped_column(String(500))
    period_from: Mapped[date]
    period_to: Mapped[date]
    deadline: Mapped[date]
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # What the coordinator writes of the year beside what the agencies reported, by the
    # keys of REPORT_SECTIONS; a blank one is left out of the report.
    sections: Mapped[dict | None] = mapped_column(JSON, default=dict)
    number: Mapped[str | None] = mapped_column(String(40))
    issued_on: Mapped[date | None]
    signer_authority: Mapped[str | None] = mapped_column(String(255))
    signer_name: Mapped[str | None] = mapped_column(String(255))
    # The unit that drafted it, by its abbreviation: "- Lưu: VT, TTĐN." (NĐ 30/2020, Phụ lục I).
    drafting_unit: Mapped[str | None] = mapped_column(String(40))
    signed_at: Mapped[datetime | None]
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    # The coordinator's own deadline to report to UBND tỉnh (annual rounds; see
    # app/plan/consolidation.py), and when the coordinators were reminded and told it passed.
    report_due: Mapped[date | None]
    due_reminded_at: Mapped[datetime | None]
    overdue_told_at: Mapped[datetime | None]
    # The issued document: the draft above, signed outside the app with the agency's digital
    # signature and uploaded (app/plan/issuing.py); what readers are given from then on.
    issued_pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    issued_at: Mapped[datetime | None]
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    reports: Mapped[list["AgencyReport"]] = relationship(
        back_populates="cycle", order_by="AgencyReport.id", lazy="selectin")


# The parts of the consolidated report the coordinator writes, in the report's order.
REPORT_SECTIONS = ("directing", "strengths", "weaknesses", "causes", "next_year",
                   "recommendations")


class ReportState(StrEnum):
    """Where one agency's report stands in its round."""

    MISSING = "missing"  # not sent yet
    RECEIVED = "received"  # sent, waiting for the coordinator's review
    RETURNED = "returned"  # sent back with a comment; the agency is revising it
    ACCEPTED = "accepted"
    NOT_RECEIVED = "not_received"  # the round was signed off before it came


REPORT_STATE_BADGES = {
    ReportState.MISSING: (_l("Missing"), "secondary"),
    ReportState.RECEIVED: (_l("Awaiting review"), "info"),
    ReportState.RETURNED: (_l("Returned for revision"), "warning"),
    ReportState.ACCEPTED: (_l("Accepted"), "success"),
    ReportState.NOT_RECEIVED: (_l("Not received before sign-off"), "danger"),
}
# An agency's self-assessment of an item (the values of periodic_reporting.bpmn).
ASSESSMENTS = {"rated_good": _l("Done well"),
               "rated_done": lazy_pgettext("self-assessment", "Done"),
               "rated_not_done": _l("Not done")}


class AgencyReport(db.Model):
    """What one agency reports in a cycle: per item its results, figures and assessment,
    then difficulties and proposals; and what the coordinator made of it."""

    __tablename__ = "agency_reports"
    __table_args__ = (UniqueConstraint("cycle_id", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("report_cycles.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("process_instances.id"))
    topic: Mapped[str | None] = mapped_column(Text)  # what an ad-hoc request asks
    submitted_at: Mapped[datetime | None]  # first sent: whether it came on time
    revised_at: Mapped[datetime | None]  # sent again after it was returned
    returned_at: Mapped[datetime | None]  # returned, and not sent again yet
    review_comment: Mapped[str | None] = mapped_column(Text)
    accepted_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # its steps ended when the round was signed off
    items: Mapped[list] = mapped_column(JSON, default=list)
    content: Mapped[str | None] = mapped_column(Text)
    difficulties: Mapped[str | None] = mapped_column(Text)
    proposals: Mapped[str | None] = mapped_column(Text)

    cycle: Mapped[ReportCycle] = relationship(back_populates="reports")
    agency: Mapped[Agency] = relationship(lazy="selectin")  # a round lists ~40 agencies

    def on_time(self) -> bool | None:
        if self.submitted_at is None:
            return None
        return local_date(self.submitted_at) <= self.cycle.deadline

    @property
    def state(self) -> ReportState:
        if self.accepted_at is not None:
            return ReportState.ACCEPTED
        if self.returned_at is not None:  # cleared when it is sent again
            return ReportState.RETURNED
        if self.submitted_at is not None:
            return ReportState.RECEIVED
        return ReportState.NOT_RECEIVED if self.closed_at else ReportState.MISSING
