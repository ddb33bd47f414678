"""What a diagram's form may say about defaults and conditions, checked when it is loaded."""

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import BpmnError, start_process
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import login
from tests.workflow import diagrams


def _form(fields: str) -> str:
    return f"<bpmn:extensionElements><camunda:formData>{fields}</camunda:formData>" \
           "</bpmn:extensionElements>"


def _conditional(field_id: str, depends_on: str) -> str:
    return (f'<camunda:formField id="{field_id}" label="{field_id}" type="string">'
            f'<camunda:properties><camunda:property id="requiredWhen" value="{depends_on}=x" />'
            "</camunda:properties></camunda:formField>")


CHOICE = ('<camunda:formField id="verdict" label="Kết luận" type="enum"{default}>'
          '<camunda:value id="accept" name="Chấp nhận" />'
          '<camunda:value id="send_back" name="Trả lại" /></camunda:formField>')


@pytest.mark.parametrize("fields, reason", [
    (_conditional("a", "b") + _conditional("b", "a"), "phụ thuộc vòng tròn"),
    (_conditional("a", "a"), "phụ thuộc vòng tròn"),
    (CHOICE.format(default=' defaultValue="maybe"'), "không thuộc các lựa chọn"),
    ('<camunda:formField id="who" label="Ai" type="string"><camunda:properties>'
     '<camunda:property id="names" value="robot" /></camunda:properties></camunda:formField>',
     "names phải là 'person' hoặc 'agency'"),
], ids=["two-in-a-circle", "itself", "default-not-a-value", "names-nothing-known"])
def test_a_form_that_cannot_work_is_refused_when_loaded(deploy, fields, reason):
    with pytest.raises(BpmnError, match=reason):
        deploy(diagrams.two_steps(form=_form(fields), key="broken_form"))


@pytest.mark.parametrize("default, selected", [
    ("", None),
    (' defaultValue="send_back"', '<option selected value="send_back">Trả lại</option>'),
], ids=["no-default", "default"])
def test_a_choice_starts_on_choose_unless_the_diagram_names_a_default(deploy, people, app,
                                                                       default, selected):
    deploy(diagrams.two_steps(form=_form(CHOICE.format(default=default)), key="choice"))
    start_process("choice", subject="Chọn kết luận")
    item = db.session.scalar(select(WorkItem).where(WorkItem.title == "Báo cáo"))
    client = app.test_client()
    login(client, "clerk.sct", factories.PASSWORD)

    page = client.get(f"/tasks/{item.id}").get_data(as_text=True)

    options = re.search(r'<select[^>]*name="field_verdict"[^>]*>(.*?)</select>', page, re.S)[1]
    assert options.strip().startswith('<option value="">— Chọn —</option>')
    if selected is None:  # the browser shows the first option: "— Chọn —"
        assert " selected" not in options
    else:
        assert selected in options and options.count(" selected") == 1
