"""A year in progress for development (`flask seed` with APP_ENV=development): items done on
time, late, overdue and in progress, the annual report round open with one agency's report
in, and two violation cases at different steps. Run once; real work goes through the same
services and processes."""

from datetime import date

from sqlalchemy import select

from app import workflow
from app.auth.models import User
from app.calendar import add_working_days
from app.clock import today
from app.extensions import db
from app.plan import reporting
from app.plan.assignments import launch_item
from app.plan.catalogue import current_plan, item_by_code
from app.plan.models import Assignment
from app.plan.violations import service as violations
from app.workflow.models import WorkItem

REPORT = {"action": "send_report", "progress": "completed",
          "what_done": "Tổ chức các hoạt động theo kế hoạch; đăng 12 tin, bài trên Cổng thông tin",
          "outputs": "12 tin, bài; 2 hội nghị", "difficulties": "Kinh phí còn hạn chế"}


def _person(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def _open_step(instance_id: int, task_name: str) -> WorkItem | None:
    return db.session.scalar(select(WorkItem).where(WorkItem.instance_id == instance_id,
                                                    WorkItem.task_name == task_name,
                                                    WorkItem.status == "open"))


def _report_and_accept(assignment: Assignment, clerk: User, coordinator: User) -> None:
    workflow.complete(_open_step(assignment.instance_id, "implement").id, clerk, REPORT)
    workflow.complete(_open_step(assignment.instance_id, "review").id, coordinator,
                      {"decision": "accept"})


def seed_demo_year() -> bool:
    """Put the current year in progress; False when there is work already (or no plan)."""
    plan = current_plan()
    if plan is None or db.session.scalar(select(Assignment.id).limit(1)) is not None:
        return False
    year = today().year
    coordinator, clerk_sct = _person("dieuphoi"), _person("chuyenvien.sct")
    lead_svh, inspector = _person("lanhdao.svhttdl"), _person("thanhtra")

    def launch(code, due):
        return launch_item(item_by_code(plan, code), year, due, coordinator)[0]

    _report_and_accept(launch("3.1", date(year, 12, 31)), clerk_sct, coordinator)  # on time
    _report_and_accept(launch("3.8", date(year, 9, 30)), lead_svh, coordinator)  # late
    launch("3.3", date(year, 10, 31))  # overdue, waiting at the Department of Foreign Affairs
    launch("5.4", date(year, 12, 15))  # in progress at the coordinating agency

    if today() >= reporting.opens_on(year) and reporting.annual_cycle(year) is None:
        reporting.open_annual_cycle(year, coordinator)
        _file_annual_report(clerk_sct)

    # Received the working day before: the cases stand within the law's limits when the demo
    # opens (the record 3 working days from discovery, the decision 7 from the record).
    received = add_working_days(today(), -1)
    violations.open_case(
        source="monitoring", received_on=received, subject="Trang tin điện tử tổng hợp A",
        channel="https://trang-tin-a.example/bai-viet-123",
        description="Đăng tải bản đồ thể hiện sai chủ quyền biển, đảo", inspector=inspector,
        actor=coordinator)
    case = violations.open_case(
        source="report", received_on=received, subject="Công ty TNHH Truyền thông B",
        channel="Fanpage “Quảng Ngãi 24h”",
        description="Phát tán thông tin sai sự thật về dự án đầu tư nước ngoài",
        inspector=inspector, actor=coordinator)
    workflow.complete(_open_step(case.instance_id, "verify").id, inspector, {
        "finding": "finding_sanction", "findings_text": "Xác minh có vi phạm"})
    workflow.complete(_open_step(case.instance_id, "record").id, inspector, {
        "record_number": "01/BB-VPHC", "record_date": received,
        "violator": "Công ty TNHH Truyền thông B", "violation_act": "Cung cấp thông tin sai"})
    return True


def _file_annual_report(clerk: User) -> None:
    while step := db.session.scalar(select(WorkItem).where(
            WorkItem.process_key == "periodic_reporting", WorkItem.status == "open",
            WorkItem.agency_id == clerk.agency_id).order_by(WorkItem.id)):
        values = ({"results": "Đã triển khai đầy đủ", "figures": "3 hoạt động",
                   "assessment": "rated_good"} if step.task_name == "report_item_step"
                  else {"difficulties": "Thiếu nhân lực chuyên trách",
                        "proposals": "Tổ chức thêm lớp bồi dưỡng"})
        workflow.complete(step.id, clerk, values)
