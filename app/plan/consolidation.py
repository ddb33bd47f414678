"""The coordinator's own deadline: Kế hoạch 116/KH-UBND, mục IV.2, has it consolidate the
agencies' reports and report to UBND tỉnh every year "trước ngày 15/12". That day (a plan
setting, 14/12 by default: the last day before the 15th) is the due date of the round's
consolidation step, which ends when the signed report is issued. A reminder reaches the
coordinators the plan's reminder days before it, and once it has passed the round is
overdue: they and the coordinating agency's leaders are told, and the round's page, the
list of rounds and the dashboard say so."""

from dataclasses import dataclass
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.auth.agency_service import coordinator_agency
from app.auth.models import User, UserRole
from app.calendar import add_working_days
from app.clock import today, utcnow
from app.extensions import db
from app.notifications.models import Kind
from app.notifications.service import agency_people, notify_users
from app.plan.assignments import reminder_days
from app.plan.models import CycleKind, ReportCycle
from app.settings import get_setting

DUE = "plan.consolidated_report_due"  # a setting: "dd/mm", the last day to report to UBND tỉnh
DEFAULT_DUE = "14/12"


def due_of(year: int) -> date:
    from app.plan.reporting import day_in

    try:
        return day_in(get_setting(DUE) or DEFAULT_DUE, year)
    except ValueError:
        return day_in(DEFAULT_DUE, year)


def is_done(cycle: ReportCycle) -> bool:
    """Reported to UBND tỉnh: the signed report is issued."""
    return cycle.issued_at is not None


NOT_DONE = ReportCycle.issued_at.is_(None)  # is_done, as the database asks it


@dataclass(frozen=True)
class Due:
    """Where the consolidation of an annual round stands against its due date."""

    day: date
    state: str  # "done", "overdue", "due_soon" or "open"

    @property
    def badge(self) -> tuple[object, str] | None:
        return DUE_BADGES.get(self.state)


DUE_BADGES = {"overdue": (_l("Overdue"), "danger"), "due_soon": (_l("Due soon"), "warning")}


def due_state(cycle: ReportCycle, day: date | None = None) -> Due | None:
    """None for a round without the deadline (an ad-hoc one)."""
    if cycle.kind != CycleKind.ANNUAL.value:
        return None
    due, day = cycle.report_due or due_of(cycle.year), day or today()
    if is_done(cycle):
        return Due(due, "done")
    if day > due:
        return Due(due, "overdue")
    if day >= add_working_days(due, -reminder_days()):
        return Due(due, "due_soon")
    return Due(due, "open")


def _coordinators() -> list[User]:
    return list(db.session.scalars(select(User).where(
        User.active.is_(True), User.id.in_(select(UserRole.user_id).where(
            UserRole.role == "coordinator"))).order_by(User.id)))


def _coordinating_leads() -> list[User]:
    agency = coordinator_agency()  # who holds the coordinating duty today
    return agency_people(agency.id, "agency_lead") if agency else []


def remind() -> int:
    """The worker's job: tell the coordinators once when the consolidation comes due, and
    once (with their agency's leaders) when it is overdue. Returns how many notices went."""
    told = 0
    cycles = db.session.scalars(select(ReportCycle).where(
        ReportCycle.kind == CycleKind.ANNUAL.value, NOT_DONE,
        ReportCycle.overdue_told_at.is_(None)))
    for cycle in cycles:
        due = due_state(cycle)
        link = f"/plan/reports/{cycle.id}"
        with force_locale("vi"):  # kept as written, in the plan's language
            text = _("%(report)s: the consolidated report to the Provincial People's "
                     "Committee is due by %(day)s (Plan 116/KH-UBND, IV.2: before 15/12).",
                     report=cycle.title, day=f"{due.day:%d/%m/%Y}")
        if due.state == "due_soon" and cycle.due_reminded_at is None:
            told += notify_users(_coordinators(), Kind.DUE_SOON, text, link)
            cycle.due_reminded_at = utcnow()
        elif due.state == "overdue":
            told += notify_users(_coordinators(), Kind.OVERDUE, text, link)
            told += notify_users(_coordinating_leads(), Kind.ESCALATED, text, link)
            cycle.overdue_told_at = utcnow()
    db.session.commit()
    return told
