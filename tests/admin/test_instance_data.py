"""An admin reads a running instance's data as a labelled table and corrects it with a form of
its fields, each typed as the diagram declares it: a deadline moves the open step's due date,
a moment moves its timer, and nothing is read or typed as JSON or ISO text."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from app import workflow
from app.extensions import db
from app.plan.assignments import launch_item
from app.workflow.models import ProcessInstance, WorkItem
from tests.conftest import post_form
from tests.pages import form_values

SHIPPED = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "task_assignment.bpmn"


@pytest.fixture
def assignment(agencies):
    from app.plan.catalogue import current_plan
    from app.plan.seed import seed_plan

    seed_plan()
    workflow.add_version(SHIPPED.read_bytes(), SHIPPED.name, publish=True)
    item = next(item for item in current_plan().items if item.code == "5.4")
    [launched] = launch_item(item, 2025, date(2025, 11, 28))
    return launched


def main_text(page: str) -> str:
    main = page.split("<main", 1)[1].split("</main>")[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_the_data_reads_as_a_labelled_table_and_is_corrected_with_typed_fields(
        assignment, admin_client):
    url = f"/admin/instances/{assignment.instance_id}"
    page = admin_client.get(url).get_data(as_text=True)
    text = main_text(page)
    assert "Hạn hoàn thành 28/11/2025" in text and "Cơ quan chủ trì (mã) STTTT" in text
    assert "Nhắc trước hạn (ngày làm việc)" in text
    assert "remind_at 25/11/2025 08:00" in text  # a variable no form declares, read all the same
    assert "{" not in text and not re.search(r"\d{4}-\d{2}-\d{2}", text)
    form = form_values(page, f"{url}/data")
    assert form["v_due_date"] == "28/11/2025" and form["v_remind_at"] == "25/11/2025 08:00"
    assert 'name="values"' not in page  # no JSON box

    wrong = post_form(admin_client, f"{url}/data", {**form, "v_remind_at": "25/11/2025 8h",
                                                    "reason": "Lùi hạn"})
    assert wrong.status_code == 400 and 'id="v_remind_at-error"' in wrong.get_data(as_text=True)
    assert 'value="25/11/2025 8h"' in wrong.get_data(as_text=True)  # kept as typed

    nothing = post_form(admin_client, f"{url}/data", {**form, "reason": "Xem lại"},
                        follow_redirects=True)
    assert "Không có gì thay đổi." in nothing.get_data(as_text=True)

    done = post_form(admin_client, f"{url}/data", {
        **form, "v_due_date": "15/12/2025", "v_remind_at": "10/12/2025 08:00",
        "v_escalate_at": "16/12/2025 08:00", "reason": "UBND tỉnh cho lùi hạn"},
        follow_redirects=True)
    text = main_text(done.get_data(as_text=True))
    assert "Đã sửa dữ liệu: Hạn hoàn thành, remind_at, escalate_at." in text
    assert "Hạn hoàn thành: 28/11/2025 → 15/12/2025" in text  # the timeline says what changed
    assert "Lý do: UBND tỉnh cho lùi hạn" in text

    db.session.expire_all()
    [step] = db.session.query(WorkItem).filter_by(instance_id=assignment.instance_id,
                                                  status="open").all()
    assert step.due_at == datetime(2025, 12, 15, 16, 59, 59)  # 23:59:59 in Quảng Ngãi
    data = workflow.data_of(step)
    assert data["due_date"] == "2025-12-15"  # kept as the process keeps it: ISO text
    assert data["remind_at"] == "2025-12-10T08:00:00"
    instance = db.session.get(ProcessInstance, assignment.instance_id)
    assert instance.next_timer_at == datetime(2025, 12, 10, 1, 0)  # 08:00 in Quảng Ngãi


def test_a_value_a_script_set_to_another_type_is_corrected_as_it_reads(deploy, people,
                                                                      admin_client):
    from tests.workflow import diagrams

    form = ('<bpmn:extensionElements><camunda:formData>'
            '<camunda:formField id="count" label="Số lượng" type="long" />'
            '</camunda:formData></bpmn:extensionElements>')
    deploy(diagrams.process("counted", (
        '<bpmn:startEvent id="start" /><bpmn:userTask id="a" name="A" camunda:formKey="a"'
        f' camunda:candidateGroups="SCT">{form}</bpmn:userTask><bpmn:endEvent id="end" />'
        + diagrams.flows(("start", "a"), ("a", "end")))))
    instance = workflow.start_process("counted", data={"count": "mười hai"})  # not a number
    url = f"/admin/instances/{instance.id}"

    values = form_values(admin_client.get(url).get_data(as_text=True), f"{url}/data")
    assert values["v_count"] == "mười hai"
    done = post_form(admin_client, f"{url}/data", {**values, "v_count": "12 (mười hai)",
                                                   "reason": "Ghi rõ"}, follow_redirects=True)
    assert "Đã sửa dữ liệu: Số lượng." in done.get_data(as_text=True)
