"""A step given to a person by name stays theirs: they hand it to a named colleague of their
agency with a reason (for leave), and only an admin or the coordinator releases it to the
whole agency. A step one merely claimed can still be given back."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.notifications import dispatch
from app.notifications.models import Notification
from app.plan.violations import service
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import post_form
from tests.people.conftest import open_step, signed_in
from tests.workflow import diagrams


@pytest.fixture
def stttt(shipped, clock):
    clock.current = datetime(2026, 3, 2, 2, 0)  # Monday 02/03/2026, 09:00 in Quảng Ngãi
    return {
        "inspector": factories.make_user("thanh.tra", agency_code="STTTT",
                                         full_name="Lý Thanh Tra"),
        "colleague": factories.make_user("tt.dong", agency_code="STTTT",
                                         full_name="Đỗ Thị Đồng"),
        "trainee": factories.make_user("hv.stttt", roles=["trainee"], agency_code="STTTT",
                                       full_name="Hồ Học Việc"),
        "outsider": factories.make_user("cv.sct", agency_code="SCT", full_name="Phạm Huyền"),
        "coordinator": factories.make_user("dieu.phoi", roles=["coordinator"],
                                           agency_code="STTTT", full_name="Trần Thị Điều"),
    }


@pytest.fixture
def verify(stttt) -> WorkItem:
    case = service.open_case(
        source="monitoring", received_on=date(2026, 3, 2), subject="Trang tin điện tử X",
        channel="https://vi-du.example/bai-viet", inspector=stttt["inspector"],
        description="Đăng tải thông tin sai lệch", actor=stttt["coordinator"])
    step = open_step("verify", instance_id=case.instance_id)
    assert step.assigned_to_id == step.claimed_by_id == stttt["inspector"].id
    return step


def test_a_step_given_by_name_is_handed_to_a_colleague_with_a_reason(app, stttt, verify):
    inspector = signed_in(app, stttt["inspector"])
    page = inspector.get(f"/tasks/{verify.id}").get_data(as_text=True)
    assert "Lý Thanh Tra (Sở Thông tin và Truyền thông)" in page  # whom it was given to
    assert "Trả lại cho đơn vị" not in page and "Chuyển cho đồng nghiệp" in page
    assert "Đỗ Thị Đồng" in page and "Hồ Học Việc" not in page  # only who may take it
    assert "Phạm Huyền" not in page

    refused = post_form(inspector, f"/tasks/{verify.id}/unclaim", follow_redirects=True)
    assert "Bước này được giao đích danh cho bạn" in refused.get_data(as_text=True)
    assert db.session.get(WorkItem, verify.id).claimed_by_id == stttt["inspector"].id

    no_reason = post_form(inspector, f"/tasks/{verify.id}/hand-over",
                          {"colleague": str(stttt["colleague"].id), "reason": "  "})
    assert no_reason.status_code == 400 and "Hãy nêu lý do." in no_reason.get_data(as_text=True)
    for wrong in (stttt["trainee"].id, stttt["outsider"].id, 0):
        refused = post_form(inspector, f"/tasks/{verify.id}/hand-over",
                            {"colleague": str(wrong), "reason": "Nghỉ phép"})
        assert refused.status_code == 400 and "is-invalid" in refused.get_data(as_text=True)

    moved = post_form(inspector, f"/tasks/{verify.id}/hand-over",
                      {"colleague": str(stttt["colleague"].id),
                       "reason": "Nghỉ phép năm từ 03/3 đến 10/3"}, follow_redirects=True)
    assert "đã chuyển cho Đỗ Thị Đồng" in moved.get_data(as_text=True)
    db.session.expire_all()
    step = db.session.get(WorkItem, verify.id)
    assert step.claimed_by_id == step.assigned_to_id == stttt["colleague"].id
    dispatch.announce_new_steps()
    assert db.session.scalars(select(Notification.link).where(
        Notification.user_id == stttt["colleague"].id)).all() == [f"/tasks/{verify.id}"]

    colleague = signed_in(app, stttt["colleague"])
    page = colleague.get(f"/tasks/{verify.id}").get_data(as_text=True)
    assert "Chuyển cho đồng nghiệp" in page and "Lý do: Nghỉ phép năm từ 03/3 đến 10/3" in page
    # No longer theirs to do: they read it, as their notice and inbox still link it.
    read_only = inspector.get(f"/tasks/{verify.id}").get_data(as_text=True)
    assert "Đỗ Thị Đồng đã nhận xử lý bước này." in read_only
    assert "Hoàn thành bước này" not in read_only
    assert f'action="/tasks/{verify.id}/hand-over"' not in read_only
    post_form(colleague, f"/tasks/{verify.id}", {
        "field_finding": "finding_none", "field_findings_text": "Không có vi phạm"})
    db.session.expire_all()
    assert db.session.get(WorkItem, verify.id).completed_by_id == stttt["colleague"].id
    [handed] = [e for e in workflow.timeline_of(verify.instance_id) if e.kind == "handed_over"]
    assert handed.actor_id == stttt["inspector"].id
    assert handed.details["reason"] == "Nghỉ phép năm từ 03/3 đến 10/3"


def test_the_api_hands_over_and_refuses_to_give_back_a_named_step(stttt, verify, api,
                                                                  token_for):
    token = token_for(stttt["inspector"])
    status, body = api("POST", f"/api/v1/work-items/{verify.id}/unclaim", token)
    assert status == 403 and "giao đích danh" in body["error"]
    status, body = api("POST", f"/api/v1/work-items/{verify.id}/hand-over", token,
                       {"to": "cv.sct", "reason": "Nghỉ phép"})
    assert status == 400 and list(body["fields"]) == ["colleague"]
    status, body = api("POST", f"/api/v1/work-items/{verify.id}/hand-over", token,
                       {"to": "tt.dong"})
    assert status == 400
    status, body = api("POST", f"/api/v1/work-items/{verify.id}/hand-over", token,
                       {"to": "tt.dong", "reason": "Đi công tác"})
    assert status == 200
    assert (body["claimed_by"], body["assigned_to"]) == ("tt.dong", "tt.dong")
    assert api("POST", f"/api/v1/work-items/{verify.id}/hand-over", token,
               {"to": "thanh.tra", "reason": "Lấy lại"})[0] == 403  # not theirs any more


def test_only_an_admin_or_the_coordinator_releases_a_named_step_to_the_agency(
        app, stttt, verify, api, token_for):
    assert api("POST", f"/api/v1/work-items/{verify.id}/release",
               token_for(stttt["inspector"]))[0] == 403
    assert post_form(signed_in(app, stttt["colleague"]),
                     f"/tasks/{verify.id}/release").status_code == 403

    status, body = api("POST", f"/api/v1/work-items/{verify.id}/release",
                       token_for(stttt["coordinator"]))
    assert status == 200 and body["claimed_by"] is None and body["assigned_to"] is None
    [released] = [e for e in workflow.timeline_of(verify.instance_id) if e.kind == "released"]
    assert released.details["held_by"] == "Lý Thanh Tra"

    # Now it is the agency's: its staff may take it, its trainee may not.
    colleague = signed_in(app, stttt["colleague"])
    assert "Xác minh vụ việc" in colleague.get("/tasks?status=unclaimed").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(WorkItem, verify.id).assigned_to_id is None
    with pytest.raises(workflow.Forbidden):
        workflow.claim(verify.id, stttt["trainee"])
    post_form(colleague, f"/tasks/{verify.id}/claim")
    db.session.expire_all()
    assert db.session.get(WorkItem, verify.id).claimed_by_id == stttt["colleague"].id
    page = colleague.get(f"/tasks/{verify.id}").get_data(as_text=True)
    assert "Trả lại cho đơn vị" in page  # a claim, not a naming: it can be given back


def test_an_admin_releases_a_claim_from_the_step_page(app, deploy, people):
    deploy(diagrams.two_steps())
    instance = workflow.start_process("two_steps", subject="Báo cáo tháng 6")
    step = open_step("report", instance_id=instance.id)
    workflow.claim(step.id, people["sct"])
    admin = factories.make_user("quan.tri", roles=["admin"], agency_code="STTTT")
    client = signed_in(app, admin)
    page = client.get(f"/tasks/{step.id}").get_data(as_text=True)
    assert "Thu hồi việc của Phạm Thị Huyền" in page
    post_form(client, f"/tasks/{step.id}/release")
    db.session.expire_all()
    assert db.session.get(WorkItem, step.id).claimed_by_id is None


def test_the_coordinator_releases_a_cases_step_from_the_case_page(app, stttt, verify):
    from app.plan.violations.models import ViolationCase

    case = db.session.scalar(select(ViolationCase).where(
        ViolationCase.instance_id == verify.instance_id))
    coordinator = signed_in(app, stttt["coordinator"])
    page = coordinator.get(f"/plan/violations/{case.id}").get_data(as_text=True)
    assert "Thu hồi việc của Lý Thanh Tra" in page
    response = post_form(coordinator, f"/tasks/{verify.id}/release",
                         {"next": f"/plan/violations/{case.id}"})
    assert response.headers["Location"] == f"/plan/violations/{case.id}"
    db.session.expire_all()
    assert db.session.get(WorkItem, verify.id).claimed_by_id is None
    # Away from the site, "next" leads nowhere but back to the step.
    again = post_form(coordinator, f"/tasks/{verify.id}/release",
                      {"next": "//evil.example/"})
    assert again.headers["Location"] == f"/tasks/{verify.id}"


def test_the_agencys_steps_named_to_a_colleague_open_read_only_from_the_inbox(app, stttt,
                                                                                verify):
    """The inbox lists the agency's open and done steps, those named to a colleague too:
    each opens, says who holds it, and offers nothing to do; outside the agency's staff,
    nobody reads it."""
    colleague = signed_in(app, stttt["colleague"])
    listed = colleague.get("/tasks?status=open").get_data(as_text=True)
    assert f'href="/tasks/{verify.id}"' in listed
    page = colleague.get(f"/tasks/{verify.id}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Lý Thanh Tra đã nhận xử lý bước này." in text
    assert "Hoàn thành bước này" not in text and "Nhận xử lý" not in text
    refused = post_form(colleague, f"/tasks/{verify.id}", {
        "field_finding": "finding_none", "field_findings_text": "Không có vi phạm"})
    assert refused.status_code == 403
    db.session.expire_all()
    assert db.session.get(WorkItem, verify.id).status == "open"

    workflow.complete(verify.id, stttt["inspector"],
                      {"finding": "finding_none", "findings_text": "Không có vi phạm"})
    done = colleague.get("/tasks?status=done").get_data(as_text=True)
    assert f'href="/tasks/{verify.id}"' in done
    assert colleague.get(f"/tasks/{verify.id}").status_code == 200
    for stranger in (stttt["trainee"], stttt["outsider"]):
        assert signed_in(app, stranger).get(f"/tasks/{verify.id}").status_code == 403
