"""Whatever a step's data holds (a script, an admin's correction or an older diagram may have
written a value of another type), its page shows what it can and never answers 500."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import complete, start_process
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import login
from tests.workflow import diagrams

FIELDS = [("title", "string"), ("count", "long"), ("urgent", "boolean"), ("due", "date"),
          ("kind", "enum"), ("paper", "file")]


def _form(readonly: bool) -> str:
    rule = ('<camunda:validation><camunda:constraint name="readonly" /></camunda:validation>'
            if readonly else "")
    fields = "".join(
        f'<camunda:formField id="{field_id}" label="Ô {field_id}" type="{kind}">'
        + ('<camunda:value id="regular" name="Thường xuyên" />' if kind == "enum" else "")
        + rule + "</camunda:formField>"
        for field_id, kind in FIELDS)
    return f"<bpmn:extensionElements><camunda:formData>{fields}</camunda:formData>" \
           "</bpmn:extensionElements>"


ODD = {"title": {"nested": ["x"]}, "count": "mười", "urgent": "có lẽ", "due": 20251215,
       "kind": ["regular"], "paper": "không phải tệp"}
ALSO_ODD = {"title": 12, "count": 3.5, "urgent": 1, "due": "15/12/2025", "kind": {"a": 1},
            "paper": {"attachment_id": "7", "name": "x.pdf"}}


@pytest.fixture
def clerk(app, people):
    client = app.test_client()
    login(client, "clerk.sct", factories.PASSWORD)
    return client


@pytest.mark.parametrize("readonly", [False, True], ids=["editable", "readonly"])
@pytest.mark.parametrize("stored", [ODD, ALSO_ODD], ids=["odd", "also-odd"])
def test_a_step_page_shows_data_of_an_unexpected_type_without_failing(deploy, clerk, people,
                                                                        readonly, stored):
    key = f"odd_{int(readonly)}"
    deploy(diagrams.two_steps(form=_form(readonly), key=key))
    start_process(key, subject="Dữ liệu lạ", data=stored)
    item = db.session.scalar(select(WorkItem).where(WorkItem.title == "Báo cáo"))

    page = clerk.get(f"/tasks/{item.id}")
    assert page.status_code == 200

    if readonly:  # once done, the page lists the values as they were kept
        complete(item.id, people["sct"], {})
        done = clerk.get(f"/tasks/{item.id}")
        assert done.status_code == 200
        text = done.get_data(as_text=True)
        assert ("15/12/2025" in text) == (stored is ALSO_ODD)
