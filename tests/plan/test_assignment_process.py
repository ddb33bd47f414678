"""task_assignment.bpmn: an item launched for a year, carried out by its lead agency with
input from cooperating agencies, reviewed by the coordinator, reminded and escalated."""

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.notifications import dispatch
from app.notifications.models import Notification
from app.plan.assignments import launch_item, launch_year
from app.plan.models import Assignment, Outcome
from app.workflow.models import ProcessInstance, WorkItem
from tests import factories
from tests.conftest import login, post_form

SHIPPED = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "task_assignment.bpmn"


@pytest.fixture
def process(agencies):
    workflow.add_version(SHIPPED.read_bytes(), SHIPPED.name, publish=True)


@pytest.fixture
def staff(agencies):
    return {
        "stttt": factories.make_user("cv.stttt", agency_code="STTTT", full_name="Ngô Thị Lan"),
        "snv": factories.make_user("cv.snv", agency_code="SNV", full_name="Võ Minh Phê"),
        "lead": factories.make_user("ld.stttt", roles=["agency_lead"], agency_code="STTTT",
                                    full_name="Huỳnh Văn Lãnh"),
        "coordinator": factories.make_user("dieu.phoi", roles=["coordinator"],
                                           agency_code="STTTT", full_name="Trần Thị Điều"),
    }


def open_item(task_name, instance_id=None) -> WorkItem:
    query = select(WorkItem).where(WorkItem.task_name == task_name, WorkItem.status == "open")
    if instance_id is not None:
        query = query.where(WorkItem.instance_id == instance_id)
    [item] = db.session.scalars(query).all()
    return item


def notices(user, kind):
    return db.session.scalars(select(Notification.text).where(
        Notification.user_id == user.id, Notification.kind == kind)).all()


REPORT = {"action": "send_report", "progress": "completed",
          "what_done": "Tổ chức 3 hội nghị tập huấn", "outputs": "120 lượt cán bộ"}


def test_each_lead_agency_gets_its_step_once(plan, items, process, staff):
    added = launch_item(items["3.7"], 2025, date(2025, 11, 30), staff["coordinator"])
    assert [a.agency.code for a in added] == ["SCT", "SNGV", "SKHDT", "SVHTTDL"]
    steps = db.session.scalars(select(WorkItem).where(WorkItem.task_name == "implement")).all()
    assert sorted(s.agency.code for s in steps) == ["SCT", "SKHDT", "SNGV", "SVHTTDL"]
    assert {s.due_at for s in steps} == {datetime(2025, 11, 30, 16, 59, 59)}  # 23:59:59 +07
    assert launch_item(items["3.7"], 2025, date(2025, 11, 30)) == []  # twice adds nothing
    instance = db.session.get(ProcessInstance, added[0].instance_id)
    assert instance.business_key == "2025-3.7-SCT"
    assert instance.started_by_id == staff["coordinator"].id


def test_launching_a_year_takes_every_item_due_in_it(plan, process, agencies):
    added = launch_year(plan, 2026, date(2026, 11, 30))
    assert {a.item.code for a in added} == {
        "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
        "3.9", "4.1", "4.3", "5.2", "5.3", "5.4"}  # 1.1 and 5.1 were 2024's, 4.2 ends in 2025
    assert all(a.instance_id for a in added)


def test_nobody_starts_it_by_hand(plan, process, staff):
    assert "task_assignment" not in {v.definition.key
                                      for v in workflow.startable_by(staff["coordinator"])}


def test_a_cooperating_agency_that_does_not_answer_in_time_counts_as_agreeing(
        plan, items, process, staff, clock):
    from app.workflow.cli import _run_once

    sct = factories.make_user("cv.sct", agency_code="SCT", full_name="Phạm Thị Huyền")
    [assignment] = launch_item(items["3.4"], 2025, date(2025, 11, 28))
    lead = assignment.agency.code
    clerk = factories.make_user("cv.lead", agency_code=lead)
    clock.current = datetime(2025, 9, 1, 2, 0)  # Monday 09:00 in Quảng Ngãi
    workflow.complete(open_item("implement").id, clerk, {
        "action": "ask_input", "consult_question": "Đề nghị cho ý kiến về nội dung tuyên truyền"})
    questions = db.session.scalars(select(WorkItem).where(
        WorkItem.task_name == "give_input", WorkItem.status == "open")).all()
    asked = {question.agency.code: question for question in questions}
    assert "SCT" in asked and len(asked) > 1
    # Five working days from Monday 01/9/2025, across the 2/9 holidays (1/9 and 2/9 off).
    assert {question.due_at for question in questions} == {datetime(2025, 9, 9, 16, 59, 59)}
    assert workflow.data_of(asked["SCT"])["consult_until_text"].startswith("09/09/2025")
    workflow.complete(asked["SCT"].id, sct, {"input_text": "Thống nhất nội dung"})

    clock.current = datetime(2025, 9, 9, 10, 0)  # the last day: the others may still answer
    _run_once()
    assert db.session.scalars(select(WorkItem).where(
        WorkItem.task_name == "implement", WorkItem.status == "open")).all() == []

    clock.current = datetime(2025, 9, 10, 1, 30)  # 08:30 the morning after
    _run_once()
    answers = workflow.data_of(open_item("implement", assignment.instance_id))[
        "cooperating_answers"]
    assert "Sở Công Thương: Thống nhất nội dung" in answers
    assert answers.count("Không có ý kiến trong hạn (09/09/2025), coi như thống nhất.") == \
        len(asked) - 1
    db.session.expire_all()
    assert {q.status for code, q in asked.items() if code != "SCT"} == {"cancelled"}


def test_an_item_from_launch_to_acceptance(plan, items, process, staff, clock, app):
    [assignment] = launch_item(items["5.4"], 2025, date(2025, 11, 28), staff["coordinator"])
    step = open_item("implement")
    assert step.agency.code == "STTTT"

    # The lead asks its cooperating agency (Sở Nội vụ) for input first.
    workflow.complete(step.id, staff["stttt"], {
        "action": "ask_input", "consult_question": "Đề nghị cho ý kiến về danh sách khen thưởng"})
    question = open_item("give_input")
    assert question.agency.code == "SNV"
    assert workflow.data_of(question)["consult_question"].startswith("Đề nghị cho ý kiến")
    workflow.complete(question.id, staff["snv"], {"input_text": "Thống nhất danh sách"})

    step = open_item("implement")
    assert workflow.data_of(step)["cooperating_answers"] == "Sở Nội vụ: Thống nhất danh sách"
    workflow.complete(step.id, staff["stttt"], REPORT)
    assert db.session.get(Assignment, assignment.id).progress == "completed"

    # The coordinator sends it back; the lead is told, sees why, and reports again.
    review = open_item("review")
    assert review.role == "coordinator"
    workflow.complete(review.id, staff["coordinator"],
                      {"decision": "send_back", "review_comment": "Bổ sung số liệu"})
    assert notices(staff["stttt"], "returned")
    step = open_item("implement")
    assert workflow.data_of(step)["review_comment"] == "Bổ sung số liệu"
    clock.advance(days=3)
    workflow.complete(step.id, staff["stttt"], {**REPORT, "what_done": "Đã bổ sung số liệu"})
    workflow.complete(open_item("review").id, staff["coordinator"], {"decision": "accept"})

    done = db.session.get(Assignment, assignment.id)
    assert done.outcome == Outcome.DONE_ON_TIME.value
    assert db.session.get(ProcessInstance, done.instance_id).status == "completed"


def test_asking_for_input_tells_the_lead_where_the_task_went(plan, items, process, staff, app):
    launch_item(items["5.4"], 2025, date(2025, 11, 28))
    client = app.test_client()
    login(client, "cv.stttt", factories.PASSWORD)

    response = post_form(client, f"/tasks/{open_item('implement').id}", {
        "field_action": "ask_input", "field_consult_question": "Đề nghị cho ý kiến"},
        follow_redirects=True)

    assert "Bước tiếp theo: Cho ý kiến phối hợp (Sở Nội vụ)." in response.get_data(as_text=True)


def test_the_step_page_shows_the_task_and_asks_what_is_next(plan, items, process, staff, app):
    launch_item(items["5.4"], 2025, date(2025, 11, 28))
    client = app.test_client()
    assert login(client, "cv.stttt", factories.PASSWORD).status_code == 302
    step = open_item("implement")
    page = client.get(f"/tasks/{step.id}").get_data(as_text=True)
    assert "5.4. Tổ chức khen thưởng trong công tác thông tin đối ngoại. (năm 2025)" in page
    assert "Xin ý kiến cơ quan phối hợp" in page
    response = post_form(client, f"/tasks/{step.id}", {"field_action": "send_report"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and page.count("Trường này là bắt buộc.") == 2
    assert db.session.get(WorkItem, step.id).status == "open"


def test_reminded_before_the_deadline_and_escalated_after_it(plan, items, process, staff,
                                                            clock):
    # Due Tuesday 10/06/2025; three working days before is Thursday 05/06.
    [assignment] = launch_item(items["5.4"], 2025, date(2025, 6, 10))
    clock.current = datetime(2025, 6, 5, 0, 30)  # 07:30 in Quảng Ngãi: not yet
    workflow_tick()
    assert not notices(staff["stttt"], "due_soon")
    clock.current = datetime(2025, 6, 5, 1, 30)  # 08:30
    workflow_tick()
    assert len(notices(staff["stttt"], "due_soon")) == 1

    clock.current = datetime(2025, 6, 11, 1, 30)  # the day after the deadline, 08:30
    workflow_tick()
    assert notices(staff["stttt"], "overdue") and notices(staff["lead"], "escalated")
    assert not notices(staff["stttt"], "escalated")  # the escalation goes to the lead
    assert db.session.get(Assignment, assignment.id).status_on(date(2025, 6, 11)) == \
        Outcome.OVERDUE

    workflow.complete(open_item("implement").id, staff["stttt"], REPORT)
    workflow.complete(open_item("review").id, staff["coordinator"], {"decision": "accept"})
    assert db.session.get(Assignment, assignment.id).outcome == Outcome.DONE_LATE.value


def workflow_tick():
    from app.workflow.timers import tick

    tick()


def test_new_steps_are_announced_once_to_those_who_may_take_them(plan, items, process, staff):
    launch_item(items["5.4"], 2025, date(2025, 11, 28))
    assert dispatch.announce_new_steps() == 1
    assert notices(staff["stttt"], "new_step") == [
        "Thực hiện và báo cáo: 5.4 · Sở Thông tin và Truyền thông · 2025"]
    assert notices(staff["lead"], "new_step") and not notices(staff["snv"], "new_step")
    assert dispatch.announce_new_steps() == 0


def test_the_coordinator_launches_from_the_plan_pages(plan, items, process, staff, app):
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    assert "Giao tất cả nhiệm vụ của một năm" in client.get("/plan/").get_data(as_text=True)

    item = items["3.7"]
    response = post_form(client, f"/plan/items/{item.id}/launch",
                         {"year": "2025", "due_on": "30/11/2025"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Đã giao 4 nhiệm vụ cho các cơ quan chủ trì." in page
    assert page.count("Đang thực hiện trong hạn") == 4 and "30/11/2025" in page

    response = post_form(client, f"/plan/items/{item.id}/launch",
                         {"year": "2025", "due_on": "30/11/2024"}, follow_redirects=True)
    assert "Thời hạn rơi vào trước năm được giao." in response.get_data(as_text=True)
    response = post_form(client, f"/plan/items/{items['1.1'].id}/launch",
                         {"year": "2026", "due_on": "30/11/2026"}, follow_redirects=True)
    assert "Nhiệm vụ 1.1 không có việc trong năm 2026." in response.get_data(as_text=True)


def test_a_launch_with_a_wrong_date_keeps_what_was_typed_and_says_why(plan, items, process,
                                                                      staff, app):
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)

    response = post_form(client, "/plan/launch", {"year": "2027", "due_on": "31/02/2027"})

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="2027"' in page and 'value="31/02/2027"' in page
    assert "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy" in page
    assert db.session.scalar(select(db.func.count(Assignment.id))) == 0


def test_correcting_the_lead_agency_moves_the_assignment_with_the_step(plan, items, process,
                                                                       staff, agencies):
    [assignment] = launch_item(items["5.4"], 2025, date(2025, 11, 28))

    workflow.change_data(assignment.instance_id, staff["coordinator"],
                         {"lead_agency": "SNV"}, "Giao nhầm cơ quan")

    db.session.expire_all()
    assert db.session.get(Assignment, assignment.id).agency_id == agencies["SNV"].id
    assert open_item("implement").agency_id == agencies["SNV"].id


def test_staff_cannot_launch(plan, items, process, staff, app):
    client = app.test_client()
    login(client, "cv.stttt", factories.PASSWORD)
    response = post_form(client, "/plan/launch", {"year": "2025", "due_on": "30/11/2025"})
    assert response.status_code == 403
    assert db.session.scalar(select(db.func.count(Assignment.id))) == 0


def test_without_the_diagram_a_launch_says_why_and_saves_nothing(plan, items, staff):
    from app.plan.assignments import LaunchError

    with pytest.raises(LaunchError, match="task_assignment"):
        launch_item(items["5.4"], 2025, date(2025, 11, 28))
    assert db.session.scalar(select(db.func.count(Assignment.id))) == 0


def test_a_launch_racing_another_adds_each_assignment_once(plan, items, process, staff,
                                                          monkeypatch):
    launch_item(items["3.7"], 2025, date(2025, 11, 30))
    # This launch read "nothing launched yet" just before the other one committed.
    monkeypatch.setattr("app.plan.assignments.select", lambda *a: select(Assignment.id).where(
        Assignment.id < 0))
    assert launch_item(items["3.7"], 2025, date(2025, 11, 30)) == []
    monkeypatch.undo()
    assert db.session.scalar(select(db.func.count(Assignment.id))) == 4


def test_asking_input_with_nobody_to_ask_comes_back_with_a_word(plan, items, process, staff):
    [assignment] = launch_item(items["1.2"], 2025, date(2025, 11, 28))  # no cooperating agency
    workflow.complete(open_item("implement").id, staff["stttt"],
                      {"action": "ask_input", "consult_question": "Ai cho ý kiến?"})
    step = open_item("implement")
    assert "không có cơ quan phối hợp" in workflow.data_of(step)["cooperating_answers"]
    assert db.session.get(Assignment, assignment.id).submitted_at is None


def test_accepted_progress_keeps_the_task_open_until_it_is_done(plan, items, process, staff,
                                                               clock):
    [assignment] = launch_item(items["5.4"], 2025, date(2025, 6, 10))
    workflow.complete(open_item("implement").id, staff["stttt"],
                      {**REPORT, "progress": "ongoing"})
    workflow.complete(open_item("review").id, staff["coordinator"], {"decision": "accept"})
    step = open_item("implement")  # the lead carries on
    assert "Đã ghi nhận tiến độ" in workflow.data_of(step)["review_comment"]
    assert db.session.get(Assignment, assignment.id).status_on(date(2025, 6, 11)) == \
        Outcome.OVERDUE  # not frozen "in progress": it follows the deadline

    clock.current = datetime(2025, 6, 12, 3, 0)
    workflow.complete(step.id, staff["stttt"], REPORT)
    workflow.complete(open_item("review").id, staff["coordinator"], {"decision": "accept"})
    assert db.session.get(Assignment, assignment.id).outcome == Outcome.DONE_LATE.value


def test_a_report_sent_back_after_the_deadline_is_not_reminded_again(plan, items, process,
                                                                    staff, clock):
    launch_item(items["5.4"], 2025, date(2025, 6, 10))
    clock.current = datetime(2025, 6, 11, 2, 0)
    workflow_tick()  # the reminder and the escalation, once
    before = db.session.scalar(select(db.func.count(Notification.id)))
    for _ in range(2):
        workflow.complete(open_item("implement").id, staff["stttt"], REPORT)
        workflow.complete(open_item("review").id, staff["coordinator"],
                          {"decision": "send_back", "review_comment": "Bổ sung"})
        clock.advance(hours=1)
        workflow_tick()
    returned = db.session.scalar(select(db.func.count(Notification.id)).where(
        Notification.kind == "returned"))
    assert db.session.scalar(select(db.func.count(Notification.id))) == before + returned
