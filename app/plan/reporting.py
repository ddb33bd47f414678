"""Reporting rounds: the annual report each agency with items files (opened by the worker on
a configurable day), ad-hoc requests to chosen agencies, and the coordinator's sign-off of
the consolidated report. This module owns the writes of reports."""

from datetime import date

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app import workflow
from app.auth.models import Agency
from app.calendar import next_working_day
from app.clock import local_date, today, utcnow
from app.extensions import db
from app.notifications.models import Kind
from app.notifications.service import notify_agency
from app.plan import consolidation
from app.plan.assignments import reminder_days
from app.plan.catalogue import current_plan, items_due_in
from app.plan.models import REPORT_SECTIONS, AgencyReport, CycleKind, Plan, ReportCycle
from app.settings import get_setting
from app.workflow.models import WorkItem

OPENS_ON = "plan.report_opens_on"  # settings: "dd/mm" in the report's year
DEADLINE = "plan.report_deadline"
DEFAULT_OPENS_ON, DEFAULT_DEADLINE = "15/11", "05/12"


class ReportError(ValueError):
    pass


class AlreadyOpen(ReportError):
    """The year's round is open already: nothing is wrong, the coordinator is told where."""

    def __init__(self, cycle: ReportCycle):
        super().__init__(_l("The %(year)s annual report is open already, since %(day)s: it "
                            "is in the list of rounds.", year=cycle.year,
                            day=f"{local_date(cycle.opened_at):%d/%m/%Y}"))
        self.cycle = cycle


def day_in(text: str, year: int) -> date:
    """The day a "dd/mm" text means in `year`; ValueError when it means none."""
    day, month = (int(part) for part in text.split("/"))
    return date(year, month, day)


def _day_of(setting: str, default: str, year: int) -> date:
    """The "dd/mm" of a setting in `year`; its default when the setting means no day."""
    try:
        return day_in(get_setting(setting) or default, year)
    except ValueError:
        return day_in(default, year)


def opens_on(year: int) -> date:
    """The round's opening day in `year`; on a rest day, the next working day."""
    return next_working_day(_day_of(OPENS_ON, DEFAULT_OPENS_ON, year))


def deadline_of(year: int) -> date:
    """The agencies' deadline in `year`; one that falls on a rest day ends on the next
    working day (Bộ luật Dân sự 2015, Điều 148 khoản 5)."""
    return next_working_day(_day_of(DEADLINE, DEFAULT_DEADLINE, year))


def data_period(year: int) -> tuple[date, date]:
    """15/12 of the year before to 14/12 (Nghị định 09/2019/NĐ-CP, Điều 12)."""
    return date(year - 1, 12, 15), date(year, 12, 14)


def annual_cycle(year: int) -> ReportCycle | None:
    return db.session.scalar(select(ReportCycle).where(
        ReportCycle.kind == CycleKind.ANNUAL.value, ReportCycle.year == year))


def items_by_agency(plan: Plan, year: int) -> dict[Agency, list]:
    """Each agency that leads an item with work in `year`, with those items."""
    day, found = today(), {}
    for item in items_due_in(plan, year):
        for agency in (a for link in item.leads for a in link.agencies_on(day)):
            found.setdefault(agency, []).append(item)
    return dict(sorted(found.items(), key=lambda pair: pair[0].name_vi))


def register_item_figures(app, provider) -> None:
    """A module's figures for an item's annual report step, filled in for the agency to edit
    before sending: provider(item_code, agency, period_from, period_to) -> text or None."""
    app.extensions.setdefault("report_item_figures", []).append(provider)


def _item_figures(code: str, agency: Agency, period_from: date, period_to: date) -> dict:
    found = [text for provider in current_app.extensions.get("report_item_figures", [])
             if (text := provider(code, agency, period_from, period_to))]
    return {"figures": "\n".join(found)} if found else {}


def _start_round(cycle: ReportCycle, process: str, actor, data_of: dict[Agency, dict]) -> None:
    """Give each agency its report steps and commit the round as one whole: a missing
    diagram, or a crash half-way, leaves no round and no agency's steps behind, so the
    round can simply be opened again."""
    try:
        for agency, data in data_of.items():
            report = AgencyReport(cycle=cycle, agency_id=agency.id, topic=data.get("topic"))
            db.session.add(report)
            db.session.flush()
            report.instance_id = workflow.start_process(
                process, on_behalf_of=actor, business_key=f"report-{cycle.id}-{agency.code}",
                subject=f"{cycle.title} · {agency.name_vi}", commit=False,
                data={"report_id": report.id, "agency": agency.code,
                      "deadline": cycle.deadline.isoformat(), "reminder_days": reminder_days(),
                      **data}).id
    except workflow.WorkflowError as error:  # the diagram is missing, say
        db.session.rollback()
        raise ReportError(str(error)) from None
    except Exception:  # a crash half-way: undo the agencies started so far
        db.session.rollback()
        raise
    db.session.commit()


def open_annual_cycle(year: int, actor=None, deadline: date | None = None) -> ReportCycle:
    """Open the year's round: every agency with items gets its report steps. Once a year."""
    plan = current_plan()
    if plan is None:
        raise ReportError(_l("There is no plan to report on."))
    if (existing := annual_cycle(year)) is not None:
        raise AlreadyOpen(existing)
    period_from, period_to = data_period(year)
    label = f"năm {year} (số liệu từ {period_from:%d/%m/%Y} đến {period_to:%d/%m/%Y})"
    cycle = ReportCycle(kind=CycleKind.ANNUAL.value, year=year, annual_year=year,
                        title=f"Báo cáo kết quả thực hiện Kế hoạch {plan.number} năm {year}",
                        period_from=period_from, period_to=period_to,
                        deadline=deadline or deadline_of(year), opened_at=utcnow(),
                        report_due=consolidation.due_of(year),
                        opened_by_id=getattr(actor, "id", None))
    db.session.add(cycle)
    try:
        db.session.flush()
    except IntegrityError:  # opened this very moment by someone else
        db.session.rollback()
        raise AlreadyOpen(annual_cycle(year)) from None
    _start_round(cycle, "periodic_reporting", actor, {
        agency: {"period_label": label,
                 "report_items": [{"code": item.code, "title": item.content,
                                   **_item_figures(item.code, agency, period_from, period_to)}
                                  for item in items]}
        for agency, items in items_by_agency(plan, year).items()})
    return cycle


def open_due_cycles() -> ReportCycle | None:
    """The worker's job: open this year's round on its day, once."""
    year = today().year
    if today() < opens_on(year) or annual_cycle(year) is not None or current_plan() is None:
        return None
    try:
        return open_annual_cycle(year)
    except AlreadyOpen:  # another worker opened it this very moment: once is what we want
        return None


def request_ad_hoc(topic: str, agencies: list[Agency], deadline: date, actor) -> ReportCycle:
    topic = " ".join((topic or "").split())
    if not topic or not agencies:
        raise ReportError(_l("Say what to report on, and choose at least one agency."))
    if deadline < today():
        raise ReportError(_l("The deadline has passed already."))
    cycle = ReportCycle(kind=CycleKind.AD_HOC.value, year=today().year,
                        title=f"Báo cáo đột xuất: {topic[:400]}", period_from=today(),
                        period_to=deadline, deadline=deadline, opened_at=utcnow(),
                        opened_by_id=actor.id)
    db.session.add(cycle)
    _start_round(cycle, "adhoc_report", actor, {agency: {"topic": topic} for agency in agencies})
    return cycle


# Called from the diagrams' scripts, inside the step's transaction.

def _sent(report: AgencyReport) -> None:
    """The report came: its first sending counts for the deadline; one sent after it is
    kept, marked late, and its agency is told so."""
    if report.submitted_at is not None:
        report.revised_at, report.returned_at = utcnow(), None
        return
    report.submitted_at = utcnow()
    deadline = report.cycle.deadline
    if local_date(report.submitted_at) > deadline:
        with force_locale("vi"):  # kept as written, in the plan's language
            text = _("%(report)s: sent on %(day)s, after the deadline of %(deadline)s. It is "
                     "kept and counted as late.", report=report.cycle.title,
                     day=f"{local_date(report.submitted_at):%d/%m/%Y}",
                     deadline=f"{deadline:%d/%m/%Y}")
        notify_agency(report.agency.code, Kind.LATE, text, link=None)


def agency_report_submitted(report_id: int, items: list, difficulties: str,
                            proposals: str) -> None:
    report = db.session.get(AgencyReport, report_id)
    if report is not None:
        report.items = list(items)
        report.difficulties, report.proposals = difficulties, proposals
        _sent(report)


def adhoc_report_submitted(report_id: int, content: str) -> None:
    report = db.session.get(AgencyReport, report_id)
    if report is not None:
        report.content = content
        _sent(report)


def agency_report_returned(report_id: int, comment: str) -> None:
    report = db.session.get(AgencyReport, report_id)
    if report is not None:
        report.returned_at, report.review_comment = utcnow(), comment


def agency_report_accepted(report_id: int) -> None:
    report = db.session.get(AgencyReport, report_id)
    if report is not None:
        report.accepted_at = utcnow()


def check_sign_off(cycle: ReportCycle, issued_on: date) -> None:
    """Refuse, with the reason, a sign-off that cannot go through."""
    if cycle.signed_at is not None:
        raise ReportError(_l("This report was signed off already."))
    if cycle.kind != CycleKind.ANNUAL.value:
        raise ReportError(_l("Only the annual report is consolidated and signed off."))
    opened = local_date(cycle.opened_at)
    if not opened <= issued_on <= today():
        raise ReportError(_l("The report is dated between %(opened)s, when its round opened, "
                             "and today.", opened=f"{opened:%d/%m/%Y}"))


def sign_off(cycle: ReportCycle, *, number: str, issued_on: date, sections: dict,
             signer_authority: str, signer_name: str, actor,
             drafting_unit: str | None = None) -> ReportCycle:
    """Sign off the consolidated report: its draft is produced once, to be signed with the
    agency's digital signature outside the app, and the round is read-only from then on.
    `sections` holds what the coordinator wrote (REPORT_SECTIONS; a blank one is left out).
    Of two sign-offs at once, the first stands and the second is told."""
    from app.plan.report_pdf import consolidated_pdf

    check_sign_off(cycle, issued_on)
    written = {key: (sections.get(key) or "").strip() for key in REPORT_SECTIONS}
    with db.session.no_autoflush:  # render from these values without writing them yet
        cycle.number, cycle.issued_on = number.strip(), issued_on
        cycle.sections = {key: text for key, text in written.items() if text}
        cycle.signer_authority = signer_authority.strip()
        cycle.signer_name = signer_name.strip()
        cycle.drafting_unit = (drafting_unit or "").strip() or None
        values = {"number": cycle.number, "issued_on": issued_on,
                  "drafting_unit": cycle.drafting_unit,
                  "sections": cycle.sections, "signer_authority": cycle.signer_authority,
                  "signer_name": cycle.signer_name, "pdf": consolidated_pdf(cycle),
                  "signed_at": utcnow(), "signed_by_id": actor.id}
    db.session.expire(cycle)  # the row, not these unsaved values, says who signed first
    signed = db.session.execute(update(ReportCycle).where(
        ReportCycle.id == cycle.id, ReportCycle.signed_at.is_(None)).values(**values))
    if signed.rowcount != 1:
        db.session.rollback()
        raise ReportError(_l("This report was signed off already."))
    db.session.commit()
    return cycle


def reports_on(item_code: str, year: int) -> list[tuple[Agency, dict]]:
    """What each agency reported on one item in the year's annual round."""
    cycle = annual_cycle(year)
    if cycle is None:
        return []
    return [(report.agency, entry) for report in cycle.reports if report.submitted_at
            for entry in report.items if entry.get("code") == item_code]


def review_steps(cycle: ReportCycle) -> dict[int, WorkItem]:
    """{report id: its review step waiting for the coordinator}, for the round's page."""
    reports = {report.instance_id: report.id for report in cycle.reports if report.instance_id}
    steps = db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id.in_(reports), WorkItem.task_name == "review",
        WorkItem.status == "open"))
    return {reports[step.instance_id]: step for step in steps}
