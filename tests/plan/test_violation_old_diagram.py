"""A case started on the first violation diagram (before the law's limits of issue 10) keeps
running on it after the new diagram ships: an instance is pinned to the version it started
with (workflows/bpmn is loaded as a new version by `flask seed`), and the helpers its
scripts call stay offered. New cases start on the new version."""

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.plan.violations import service
from app.plan.violations.models import ViolationCase
from app.workflow.models import ProcessInstance, WorkItem
from tests import factories
from tests.conftest import login

FIRST = Path(__file__).resolve().parents[1] / "fixtures" / "violation_handling_v1.bpmn"
# What the first intake gave its process: every limit of the first diagram.
FIRST_LIMITS = {"verify_days": 10, "record_days": 2, "decision_days": 7, "extension_days": 5,
                "delivery_days": 2, "compliance_days": 10, "enforce_days": 10,
                "referral_days": 2, "follow_up_days": 30}


def open_step(instance_id, name):
    db.session.expire_all()
    return db.session.scalar(select(WorkItem).where(
        WorkItem.instance_id == instance_id, WorkItem.task_name == name,
        WorkItem.status == "open"))


def test_a_case_of_the_first_diagram_runs_to_its_end_on_it(agencies, clock, app):
    clock.current = datetime(2026, 3, 2, 2, 0)
    inspector = factories.make_user("thanh.tra", agency_code="STTTT", full_name="Lý Thanh Tra")
    coordinator = factories.make_user("dieu.phoi", roles=["coordinator"], agency_code="STTTT")
    workflow.add_version(FIRST.read_text(), "violation_handling.bpmn", publish=True)
    case = ViolationCase(number="VP-2026-001", source="monitoring", received_on=date(2026, 3, 2),
                         subject="Trang tin X", description="Đăng tin sai lệch",
                         inspector_id=inspector.id, opened_by_id=coordinator.id)
    db.session.add(case)
    db.session.flush()
    old = workflow.start_process("violation_handling", business_key=case.number, data={
        "case_id": case.id, "case_summary": "VP-2026-001 · Trang tin X",
        "inspector": inspector.username, "inspector_agency": "STTTT", **FIRST_LIMITS})
    case.instance_id = old.id
    db.session.commit()

    assert any("new version" in outcome for _, outcome in workflow.sync_folder())

    workflow.complete(open_step(old.id, "verify").id, inspector, {
        "finding": "finding_sanction", "findings_text": "Có vi phạm"})
    workflow.complete(open_step(old.id, "record").id, inspector, {
        "record_number": "01/BB", "record_date": date(2026, 3, 3), "violator": "Công ty X",
        "violation_act": "Đăng tin sai sự thật"})
    decision = open_step(old.id, "decision")
    assert decision.role == "coordinator"  # as the first diagram says
    workflow.complete(decision.id, coordinator, {"decision_action": "decide_extend",
                                                 "extension_reason": "Giải trình"})
    workflow.complete(open_step(old.id, "decision").id, coordinator, {
        "decision_action": "decide_issue", "decision_number": "05/QĐ",
        "decision_date": date(2026, 3, 10), "fine_amount": 1000000})
    workflow.complete(open_step(old.id, "deliver").id, inspector, {
        "delivered_on": date(2026, 3, 11), "delivery_method": "Giao trực tiếp"})
    workflow.complete(open_step(old.id, "comply").id, inspector, {"complied": "complied_yes"})

    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    page = client.get(f"/plan/violations/{case.id}").get_data(as_text=True)
    assert "Đã đóng: đã xử phạt, đã chấp hành" in page
    assert "10/03/2026" in page.split('id="deadlines"')[1]  # its own limits, as counted

    db.session.expire_all()
    instance = db.session.get(ProcessInstance, old.id)
    assert instance.status == "completed" and instance.version.number == 1
    assert db.session.get(ViolationCase, case.id).outcome == "sanctioned"

    # A case opened now runs on the new diagram, with the law's limits.
    new = service.open_case(source="report", received_on=date(2026, 3, 2), subject="Fanpage Y",
                            channel=None, description="Tin sai", inspector=inspector,
                            actor=coordinator)
    assert db.session.get(ProcessInstance, new.instance_id).version.number == 2
    assert workflow.data_of(open_step(new.instance_id, "verify"))["record_rule"] == \
        "record_standard"
