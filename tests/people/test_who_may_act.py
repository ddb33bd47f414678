"""An agency's official steps are done by its staff and leads, not by everyone who belongs to
it; a diagram may require one role on a step ("${agency}:agency_lead")."""

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.notifications import dispatch
from app.notifications.models import Notification
from app.plan import reporting
from app.plan.seed import seed_plan
from tests import factories
from tests.conftest import post_form
from tests.people.conftest import active_tab, open_step, signed_in
from tests.workflow.diagrams import flows, process


def told(user, kind="new_step") -> list[str]:
    return db.session.scalars(select(Notification.text).where(
        Notification.user_id == user.id, Notification.kind == kind)).all()


@pytest.fixture
def ly_son(agencies):
    return {"trainee": factories.make_user("hv.lyson", roles=["trainee"],
                                           agency_code="UBND_H_LSON", full_name="Đặng Thị Học"),
            "clerk": factories.make_user("cv.lyson", agency_code="UBND_H_LSON",
                                         full_name="Trương Văn Sơn"),
            "coordinator": factories.make_user("dieu.phoi", roles=["coordinator"],
                                               agency_code="STTTT")}


def test_a_trainee_of_ly_son_neither_sees_nor_files_the_districts_annual_report(
        app, shipped, ly_son, api, token_for):
    seed_plan()
    reporting.open_annual_cycle(2025, ly_son["coordinator"])
    step = open_step("report_item_step", agency_id=factories.agency("UBND_H_LSON").id)
    dispatch.announce_new_steps()
    assert told(ly_son["clerk"]) and not told(ly_son["trainee"])

    trainee = signed_in(app, ly_son["trainee"])
    for tab in ("mine", "unclaimed", "open", "done"):
        page = trainee.get(f"/tasks?status={tab}").get_data(as_text=True)
        assert "Báo cáo kết quả nhiệm vụ" not in page
    assert trainee.get(f"/tasks/{step.id}").status_code == 403
    assert post_form(trainee, f"/tasks/{step.id}/claim").status_code == 403
    filed = post_form(trainee, f"/tasks/{step.id}", {
        "field_results": "Đã làm", "field_assessment": "rated_good"})
    assert filed.status_code == 403
    token = token_for(ly_son["trainee"])
    status, listing = api("GET", "/api/v1/work-items", token)
    assert status == 200 and listing["total"] == 0
    assert listing["counts"] == {"mine": 0, "unclaimed": 0}
    assert api("POST", f"/api/v1/work-items/{step.id}/complete", token,
               {"values": {"results": "Đã làm", "assessment": "rated_good"}})[0] == 403

    clerk = signed_in(app, ly_son["clerk"])
    inbox = clerk.get("/tasks").get_data(as_text=True)  # lands on the agency's steps
    assert active_tab(inbox) == "unclaimed"
    assert "Báo cáo kết quả nhiệm vụ" in inbox
    post_form(clerk, f"/tasks/{step.id}/claim")
    done = post_form(clerk, f"/tasks/{step.id}", {
        "field_results": "Tổ chức 2 hội nghị", "field_figures": "",
        "field_assessment": "rated_good"}, follow_redirects=True)
    assert "Đã hoàn thành: Báo cáo kết quả nhiệm vụ." in done.get_data(as_text=True)
    assert trainee.get("/tasks?status=open").get_data(as_text=True).count(
        "list-group-item-action") == 0


def lead_approval() -> str:
    """Start → 'Soạn báo cáo' (the agency's staff and leads) → 'Phê duyệt báo cáo' (its lead
    only) → end."""
    body = ('<bpmn:startEvent id="start" />'
            '<bpmn:userTask id="draft" name="Soạn báo cáo" camunda:candidateGroups="${agency}" />'
            '<bpmn:userTask id="approve" name="Phê duyệt báo cáo" '
            'camunda:candidateGroups="${agency}:agency_lead" />'
            '<bpmn:endEvent id="end" />'
            + flows(("start", "draft"), ("draft", "approve"), ("approve", "end")))
    return process("lead_approval", body, name="Báo cáo có lãnh đạo duyệt")


def test_a_step_that_needs_the_agency_lead_waits_for_the_lead_only(
        app, deploy, agencies, api, token_for):
    deploy(lead_approval())
    staff = factories.make_user("cv.sct", agency_code="SCT", full_name="Phạm Thị Huyền")
    lead = factories.make_user("ld.sct", roles=["agency_lead"], agency_code="SCT",
                               full_name="Nguyễn Văn Lãnh")
    other_lead = factories.make_user("ld.snv", roles=["agency_lead"], agency_code="SNV")
    workflow.start_process("lead_approval", subject="Báo cáo quý II", data={"agency": "SCT"})
    workflow.complete(open_step("draft").id, staff, {})
    approve = open_step("approve")
    assert (approve.agency.code, approve.required_role) == ("SCT", "agency_lead")
    dispatch.announce_new_steps()
    assert told(lead) == ["Phê duyệt báo cáo: Báo cáo quý II"]
    assert not told(staff) and not told(other_lead)

    staff_client = signed_in(app, staff)
    assert "Phê duyệt báo cáo" not in staff_client.get("/tasks?status=open").get_data(
        as_text=True)
    assert staff_client.get(f"/tasks/{approve.id}").status_code == 403
    assert api("POST", f"/api/v1/work-items/{approve.id}/claim", token_for(staff))[0] == 403
    assert api("POST", f"/api/v1/work-items/{approve.id}/claim", token_for(other_lead))[0] == 403

    lead_client = signed_in(app, lead)
    page = lead_client.get(f"/tasks/{approve.id}").get_data(as_text=True)
    assert "Sở Công Thương (Lãnh đạo đơn vị)" in page
    status, listing = api("GET", "/api/v1/work-items?status=unclaimed", token_for(lead))
    assert [(i["id"], i["required_role"]) for i in listing["items"]] == \
        [(approve.id, "agency_lead")]
    post_form(lead_client, f"/tasks/{approve.id}", {})
    db.session.expire_all()
    assert open_step("approve") is None


@pytest.mark.parametrize(("lane", "verdict"), [
    ("SCT:agency_lead", "OK"),
    ("UBND cấp huyện:agency_staff", "OK"),
    ("coordinator:agency_lead", "giao cho vai trò 'coordinator', nên không thể đòi thêm vai "
                                "trò 'agency_lead' (phần tử sign, dòng 5)"),
    ("Không có:agency_lead", "giao cho 'Không có', không phải cơ quan, nhóm hay vai trò nào"),
])
def test_a_diagram_names_the_role_after_the_agency(agencies, lane, verdict):
    body = ('<bpmn:startEvent id="start" /><bpmn:userTask id="sign" name="Ký duyệt" />'
            '<bpmn:endEvent id="end" />' + flows(("start", "sign"), ("sign", "end")))
    result = workflow.validate(process("signing", body, lanes={lane: ["sign"]}), "signing.bpmn")
    assert verdict in result.reason
