"""Notices: read once opened, and a step's notices once the step is done; one notice per
person and step, however many reminders come; every reminder reaches who holds the step; an
agency hears when its report is accepted or returned."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.notifications import dispatch
from app.notifications.models import Notification
from app.notifications.service import notify_agency
from app.plan.assignments import launch_item
from app.plan.catalogue import current_plan, item_by_code
from app.plan.seed import seed_plan
from app.plan.violations import service
from app.workflow.timers import tick
from tests import factories
from tests.conftest import post_form
from tests.people.conftest import open_step, signed_in

BADGE = '<span class="badge text-bg-danger">'


def notices_of(user) -> list[tuple[str, str]]:
    return [(n.kind, n.text) for n in db.session.scalars(
        select(Notification).where(Notification.user_id == user.id).order_by(Notification.id))]


def unread_badge(client) -> str | None:
    page = client.get("/notifications/").get_data(as_text=True)
    start = page.find(BADGE)
    return page[start + len(BADGE):].split("<", 1)[0] if start >= 0 else None


def test_a_notice_is_read_once_opened(app, agencies):
    clerk = factories.make_user("cv.sct", agency_code="SCT")
    other = factories.make_user("cv2.sct", agency_code="SCT")
    notify_agency("SCT", "returned", "Báo cáo nhiệm vụ 5.4 bị trả lại")
    db.session.commit()
    client = signed_in(app, clerk)
    assert unread_badge(client) == "1"
    notice = db.session.scalar(select(Notification).where(Notification.user_id == clerk.id))
    page = client.get("/notifications/").get_data(as_text=True)
    assert f'href="/notifications/{notice.id}"' in page

    opened = client.get(f"/notifications/{notice.id}")
    assert opened.status_code == 302 and opened.headers["Location"] == "/tasks"
    assert unread_badge(client) is None
    theirs = db.session.scalar(select(Notification).where(Notification.user_id == other.id))
    assert client.get(f"/notifications/{theirs.id}").status_code == 404  # not someone else's
    assert unread_badge(signed_in(app, other)) == "1"


def test_a_steps_notices_are_read_once_the_step_is_done(app, two_steps, people):
    workflow.start_process("two_steps", subject="Báo cáo tháng 6")
    dispatch.announce_new_steps()
    me, colleague = signed_in(app, people["sct"]), signed_in(app, people["sct2"])
    assert unread_badge(me) == unread_badge(colleague) == "1"
    post_form(me, f"/tasks/{open_step('report').id}", {"field_result": "Đã gửi"})
    assert unread_badge(me) is None and unread_badge(colleague) is None
    home = colleague.get("/").get_data(as_text=True)
    assert 'href="/notifications/"' in home


def test_a_steps_notices_are_read_for_the_others_once_a_colleague_takes_it(app, two_steps,
                                                                            people):
    workflow.start_process("two_steps", subject="Báo cáo tháng 6")
    dispatch.announce_new_steps()
    me, colleague = signed_in(app, people["sct"]), signed_in(app, people["sct2"])
    post_form(colleague, f"/tasks/{open_step('report').id}/claim")
    assert unread_badge(me) is None and unread_badge(colleague) == "1"


@pytest.fixture
def task_5_4(shipped, clock):
    """Item 5.4 of the plan, due Tuesday 10/06/2025, with Sở Thông tin và Truyền thông's
    clerk, its lead (lead and staff), its trainee and the coordinator."""
    seed_plan()
    people = {
        "clerk": factories.make_user("cv.stttt", agency_code="STTTT", full_name="Ngô Thị Lan"),
        "lead": factories.make_user("ld.stttt", roles=["agency_lead", "agency_staff"],
                                    agency_code="STTTT", full_name="Huỳnh Văn Lãnh"),
        "trainee": factories.make_user("hv.stttt", roles=["trainee"], agency_code="STTTT"),
        "coordinator": factories.make_user("dieu.phoi", roles=["coordinator"],
                                           agency_code="SNV", full_name="Trần Thị Điều"),
    }
    [assignment] = launch_item(item_by_code(current_plan(), "5.4"), 2025, date(2025, 6, 10))
    people["assignment"] = assignment
    return people


def test_one_notice_per_person_and_step_however_many_reminders(task_5_4, clock):
    summary = "5.4. Tổ chức khen thưởng trong công tác thông tin đối ngoại. (năm 2025)"
    dispatch.announce_new_steps()
    clock.current = datetime(2025, 6, 5, 1, 30)  # the reminder, 3 working days before
    tick()
    clock.current = datetime(2025, 6, 11, 1, 30)  # the day after the deadline
    tick()
    step = open_step("implement")
    new = ("new_step", "Thực hiện và báo cáo: 5.4 · Sở Thông tin và Truyền thông · 2025")
    assert notices_of(task_5_4["clerk"]) == [new, ("overdue", summary)]
    assert notices_of(task_5_4["lead"]) == [new, ("escalated", summary)]
    assert notices_of(task_5_4["trainee"]) == []
    links = set(db.session.scalars(select(Notification.link)))
    assert links == {f"/tasks/{step.id}"}  # each leads to the step


def test_a_notice_opened_before_the_next_reminder_is_not_reopened(app, task_5_4, clock):
    clock.current = datetime(2025, 6, 5, 1, 30)
    tick()
    client = signed_in(app, task_5_4["clerk"])
    [reminder] = db.session.scalars(select(Notification).where(
        Notification.user_id == task_5_4["clerk"].id)).all()
    client.get(f"/notifications/{reminder.id}")
    clock.current = datetime(2025, 6, 11, 1, 30)
    tick()
    assert [kind for kind, _ in notices_of(task_5_4["clerk"])] == ["due_soon", "overdue"]
    assert unread_badge(client) == "1"


def test_a_reminder_reaches_the_person_who_holds_the_step(app, shipped, clock):
    clock.current = datetime(2026, 3, 2, 2, 0)  # Monday 09:00 in Quảng Ngãi
    # An admin's correction of the case's data names the department's administrator, who
    # holds no staff role, as its inspector (intake offers only the agency's staff).
    inspector = factories.make_user("quan.tri", roles=["admin"], agency_code="STTTT",
                                    full_name="Nguyễn Văn Quản")
    staff = factories.make_user("tt.stttt", agency_code="STTTT")
    trainee = factories.make_user("hv.stttt", roles=["trainee"], agency_code="STTTT")
    case = service.open_case(
        source="monitoring", received_on=date(2026, 3, 2), subject="Trang tin X", channel=None,
        description="Thông tin sai lệch", inspector=staff, actor=inspector)
    workflow.change_data(case.instance_id, inspector, {"inspector": "quan.tri"},
                         "Người xử lý do quản trị chỉ định")
    verify = open_step("verify", instance_id=case.instance_id)
    assert verify.assigned_to_id == inspector.id
    clock.current = datetime(2026, 3, 17, 1, 30)  # the day after 10 working days
    tick()
    kinds = {(n.user_id, n.kind, n.link) for n in db.session.scalars(select(Notification))}
    assert (inspector.id, "overdue", f"/tasks/{verify.id}") in kinds
    assert (staff.id, "overdue", f"/tasks/{verify.id}") in kinds
    assert not [k for k in kinds if k[0] == trainee.id]


def test_the_agency_hears_when_its_report_is_returned_and_when_it_is_accepted(
        app, task_5_4):
    clerk, coordinator = task_5_4["clerk"], task_5_4["coordinator"]
    report = {"field_action": "send_report", "field_progress": "completed",
              "field_what_done": "Khen thưởng 5 tập thể"}
    post_form(signed_in(app, clerk), f"/tasks/{open_step('implement').id}", report)
    reviewer = signed_in(app, coordinator)
    post_form(reviewer, f"/tasks/{open_step('review').id}", {
        "field_decision": "send_back", "field_review_comment": "Bổ sung danh sách"})
    clerk_client = signed_in(app, clerk)
    [returned] = db.session.scalars(select(Notification).where(
        Notification.user_id == clerk.id, Notification.kind == "returned")).all()
    clerk_client.get(f"/notifications/{returned.id}")  # reads why, then reports again
    post_form(clerk_client, f"/tasks/{open_step('implement').id}", report)
    post_form(reviewer, f"/tasks/{open_step('review').id}", {"field_decision": "accept"})

    summary = "5.4. Tổ chức khen thưởng trong công tác thông tin đối ngoại. (năm 2025)"
    kinds = [(kind, text) for kind, text in notices_of(clerk) if text.startswith(summary)]
    assert kinds == [("returned", summary + " Ý kiến: Bổ sung danh sách"),  # says why
                     ("accepted", summary)]
    page = signed_in(app, clerk).get("/notifications/").get_data(as_text=True)
    assert "Báo cáo được chấp nhận" in page and "Bị trả lại" in page
