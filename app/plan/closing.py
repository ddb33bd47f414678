"""Signing off an annual round: what the coordinator is warned of before it goes through,
and the report steps still open after it, which end with a notice to their agencies."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app import workflow
from app.auth.models import Agency
from app.clock import local_date, today, utcnow
from app.extensions import db
from app.notifications.models import Kind
from app.notifications.service import notify_agency
from app.plan.models import AgencyReport, ReportCycle, ReportState
from app.races import commit_unless_raced
from app.workflow.models import ProcessInstance

ROUND_CLOSED = "report_round_closed"  # the message periodic_reporting.bpmn ends its steps on
OPEN = ("running", "suspended", "error")


@dataclass
class SignOffCheck:
    """What a coordinator should know before signing off."""

    deadline: date
    deadline_passed: bool
    missing: list[Agency] = field(default_factory=list)  # never sent
    revising: list[Agency] = field(default_factory=list)  # returned, not sent again
    unreviewed: list[Agency] = field(default_factory=list)  # sent, not reviewed yet

    @property
    def warns(self) -> bool:
        return bool(self.missing or self.revising or self.unreviewed
                    or not self.deadline_passed)


def check(cycle: ReportCycle) -> SignOffCheck:
    found = SignOffCheck(cycle.deadline, today() > cycle.deadline)
    lists = {ReportState.MISSING: found.missing, ReportState.RETURNED: found.revising,
             ReportState.RECEIVED: found.unreviewed}
    for report in cycle.reports:
        if report.state in lists:
            lists[report.state].append(report.agency)
    return found


def _notice(report: AgencyReport) -> str | None:
    """What the agency is told when its steps end with the round (None: nothing to tell)."""
    # The day in Quảng Ngãi: signed_at is UTC, a day behind from midnight to 07:00.
    signed = f"{local_date(report.cycle.signed_at):%d/%m/%Y}" if report.cycle.signed_at else ""
    with force_locale("vi"):  # kept as written, in the plan's language
        if report.state == ReportState.MISSING:
            return _("%(report)s was signed off on %(day)s without your agency's report; "
                     "its steps have ended.", report=report.cycle.title, day=signed)
        if report.state == ReportState.RETURNED:
            return _("%(report)s was signed off on %(day)s before your revised report came; "
                     "the report you sent first was used and its steps have ended.",
                     report=report.cycle.title, day=signed)
    return None


def _close(report: AgencyReport, instance: ProcessInstance, actor) -> bool:
    """End one report's open steps, in one transaction; False when another request moved
    the same process at that moment (the caller tries again)."""
    text = _notice(report)
    if text is not None:
        report.closed_at = utcnow()
        notify_agency(report.agency.code, Kind.ROUND_CLOSED, text, link=None)
    if workflow.send_message(ROUND_CLOSED, instance.business_key, actor):
        return commit_unless_raced()
    # Its process does not wait for the message (an older diagram; suspended or failed):
    # it ends all the same, audited as terminated, with the notice in the same commit.
    try:
        workflow.terminate(instance.id, actor)
    except workflow.WorkflowError:  # it moved at that moment (sent, say): look at it again
        db.session.rollback()
        return False
    return True


def close_round(cycle: ReportCycle, actor=None) -> int:
    """End the report steps still open in a signed-off round; return how many processes
    ended. Each report closes in its own transaction, as a step does."""
    closed = 0
    for report_id, instance_id in db.session.execute(
            select(AgencyReport.id, AgencyReport.instance_id)
            .join(ProcessInstance, ProcessInstance.id == AgencyReport.instance_id)
            .where(AgencyReport.cycle_id == cycle.id, ProcessInstance.status.in_(OPEN))).all():
        for _attempt in range(3):  # the agency may be sending at this very moment
            report = db.session.get(AgencyReport, report_id)
            instance = db.session.get(ProcessInstance, instance_id)
            if instance.status not in OPEN:
                break
            if _close(report, instance, actor):
                closed += 1
                break
            db.session.expire_all()
    return closed


def close_signed_rounds() -> int:
    """The worker's job: steps left open in a signed-off round (a sign-off cut short) end."""
    cycles = db.session.scalars(
        select(ReportCycle).where(ReportCycle.signed_at.is_not(None)).where(
            select(AgencyReport.id).join(
                ProcessInstance, ProcessInstance.id == AgencyReport.instance_id)
            .where(AgencyReport.cycle_id == ReportCycle.id,
                   ProcessInstance.status.in_(OPEN)).exists())).all()
    return sum(close_round(cycle) for cycle in cycles)
