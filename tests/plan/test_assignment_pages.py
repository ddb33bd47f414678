"""A task of the plan walked through the pages by its people: the lead agency reads the
coordinator's instructions, the cooperating agency the lead's question and draft, the
coordinator the result and the opinions; a report returned with a comment comes back to the
lead as it left it."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.plan.assignments import launch_item
from app.plan.models import Assignment
from app.workflow.models import Attachment, ProcessInstance, WorkItem
from tests import factories
from tests.conftest import csrf_token, login, post_form
from tests.pages import form_values
from tests.tasks.test_case_so_far import case_panel

SHIPPED = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "task_assignment.bpmn"
PDF = b"%PDF-1.4\n% danh sach\n"


@pytest.fixture
def people(app, agencies):
    workflow.add_version(SHIPPED.read_bytes(), SHIPPED.name, publish=True)
    found = {}
    for key, (username, agency, roles, name) in {
            "lead": ("cv.stttt", "STTTT", ["agency_staff"], "Ngô Thị Lan"),
            "snv": ("cv.snv", "SNV", ["agency_staff"], "Võ Minh Phê"),
            "coordinator": ("dieu.phoi", "STTTT", ["coordinator"], "Trần Thị Điều")}.items():
        user = factories.make_user(username, roles=roles, agency_code=agency, full_name=name)
        found[key] = app.test_client()
        login(found[key], username, factories.PASSWORD)
        found[key].user = user
    return found


def open_step(task_name) -> WorkItem:
    db.session.expire_all()
    return db.session.scalar(select(WorkItem).where(WorkItem.task_name == task_name,
                                                    WorkItem.status == "open"))


def page_of(client, item) -> str:
    return client.get(f"/tasks/{item.id}").get_data(as_text=True)


def test_a_task_from_instructions_to_acceptance_through_the_pages(plan, items, people):
    [assignment] = launch_item(items["5.4"], 2025, date(2025, 11, 28),
                               people["coordinator"].user)

    # The lead agency reads what it is asked and by when, from whom.
    implement = open_step("implement")
    panel = case_panel(page_of(people["lead"], implement))
    assert "Giao nhiệm vụ Trần Thị Điều (Sở Thông tin và Truyền thông)" in panel
    assert "Nhiệm vụ 5.4. Tổ chức khen thưởng" in panel and "Hạn hoàn thành 28/11/2025" in panel
    assert "2025-11-28" not in panel
    people["lead"].post(f"/tasks/{implement.id}", data={
        "csrf_token": csrf_token(people["lead"]), "field_action": "ask_input",
        "field_consult_question": "Đề nghị cho ý kiến dự thảo danh sách 12 tập thể",
        "field_outputs": "Dự thảo danh sách", "field_evidence": (io.BytesIO(PDF), "du-thao.pdf")},
        content_type="multipart/form-data")
    draft = db.session.scalar(select(Attachment).where(Attachment.field_id == "evidence"))

    # The cooperating agency reads the task, the question and the lead's draft; answers
    # with a file.
    question = open_step("give_input")
    page = page_of(people["snv"], question)
    panel = case_panel(page)
    assert "Nhiệm vụ 5.4. Tổ chức khen thưởng" in panel
    assert "Nội dung xin ý kiến Đề nghị cho ý kiến dự thảo danh sách 12 tập thể" in panel
    assert "Sản phẩm, kết quả cụ thể Dự thảo danh sách" in panel
    assert f'href="/attachments/{draft.id}">du-thao.pdf</a>' in page
    assert "Hạn cho ý kiến" in page  # its own deadline, in its form
    people["snv"].post(f"/tasks/{question.id}", data={
        "csrf_token": csrf_token(people["snv"]), "field_input_text": "Thống nhất danh sách",
        "field_input_file": (io.BytesIO(PDF), "gop-y.pdf")}, content_type="multipart/form-data")
    opinion_file = db.session.scalar(select(Attachment).where(Attachment.field_id ==
                                                              "input_file"))

    # The lead sees the opinion and its file, and reports.
    implement = open_step("implement")
    page = page_of(people["lead"], implement)
    assert "Sở Nội vụ: Thống nhất danh sách" in page
    panel = case_panel(page)
    assert "Cho ý kiến phối hợp Võ Minh Phê (Sở Nội vụ)" in panel
    assert f'href="/attachments/{opinion_file.id}">gop-y.pdf</a>' in page
    answers = form_values(page, f"/tasks/{implement.id}", f"/tasks/{implement.id}")
    # What next is decided again, not left on "ask for input": a lead who only added the
    # result and pressed the button would otherwise ask the agencies a second time.
    assert answers["field_action"] == ""
    assert answers["field_consult_question"] == "Đề nghị cho ý kiến dự thảo danh sách 12 tập thể"
    post_form(people["lead"], f"/tasks/{implement.id}", {
        **answers, "field_action": "send_report", "field_progress": "completed",
        "field_what_done": "Khen thưởng 12 tập thể", "field_outputs": "12 bằng khen"})

    # The coordinator reads the result, by name, and the opinion; returns it with a comment.
    review = open_step("review")
    page = page_of(people["coordinator"], review)
    panel = case_panel(page)
    assert "Tình trạng thực hiện Đã hoàn thành" in panel and "completed" not in panel
    assert "Kết quả đã thực hiện Khen thưởng 12 tập thể" in panel
    assert "Sản phẩm, kết quả cụ thể 12 bằng khen" in panel
    assert "Sở Nội vụ: Thống nhất danh sách" in page
    post_form(people["coordinator"], f"/tasks/{review.id}", {
        "field_decision": "send_back", "field_review_comment": "Bổ sung quyết định khen thưởng"})

    # Back with the lead: the comment, and its answers as it left them.
    implement = open_step("implement")
    page = page_of(people["lead"], implement)
    panel = case_panel(page)
    assert "Kết luận Trả lại để bổ sung" in panel
    assert "Ý kiến Bổ sung quyết định khen thưởng" in panel
    answers = form_values(page, f"/tasks/{implement.id}", f"/tasks/{implement.id}")
    assert answers["field_what_done"] == "Khen thưởng 12 tập thể"
    assert answers["field_progress"] == "completed" and answers["field_action"] == "send_report"
    assert post_form(people["lead"], f"/tasks/{implement.id}", answers).status_code == 302

    review = open_step("review")
    page = page_of(people["coordinator"], review)
    assert re.search(r'<option[^>]*selected[^>]*value="send_back"', page) is None
    post_form(people["coordinator"], f"/tasks/{review.id}", {"field_decision": "accept"})
    db.session.expire_all()
    assert db.session.get(ProcessInstance, assignment.instance_id).status == "completed"
    assert db.session.get(Assignment, assignment.id).outcome == "done_on_time"


def test_steps_ended_together_are_one_entry_of_the_timeline(plan, items, people, clock):
    from datetime import datetime

    from app.workflow.cli import _run_once

    [assignment] = launch_item(items["3.4"], 2025, date(2025, 11, 28))
    lead = factories.make_user("cv.lead", agency_code=assignment.agency.code)
    clock.current = datetime(2025, 9, 1, 2, 0)
    workflow.complete(open_step("implement").id, lead, {
        "action": "ask_input", "consult_question": "Đề nghị cho ý kiến"})
    asked = db.session.scalars(select(WorkItem).where(WorkItem.task_name == "give_input")).all()
    assert len(asked) > 2
    clock.current = datetime(2025, 9, 10, 1, 30)  # nobody answered in time
    _run_once()

    cancelled = [entry for entry in workflow.history_of(assignment.instance_id)
                 if entry.kind == "cancelled"]
    assert [(entry.subject, entry.count) for entry in cancelled] == [
        ("Cho ý kiến phối hợp", len(asked))]
    client = people["lead"].application.test_client()
    login(client, "cv.lead", factories.PASSWORD)
    page = client.get(f"/tasks/{open_step('implement').id}").get_data(as_text=True)
    assert f"Hủy bước xử lý</strong> · Cho ý kiến phối hợp ({len(asked)} bước)" in page
    assert page.count("Hủy bước xử lý") == 1
