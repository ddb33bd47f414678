"""The API takes what each field means and nothing that would break a page or the database:
a yes/no is a JSON boolean, text is Unicode PostgreSQL can keep, nesting has a limit, dates
lie between 1900 and 2100. Each refusal is a 400 naming the field. Text is kept NFC, and a
text of only invisible characters is no text, on the API and the pages alike."""

import json
import unicodedata

import pytest
from sqlalchemy import select

from app.api.body import MAX_DEPTH
from app.extensions import db
from app.workflow import data_of
from app.workflow.models import ProcessInstance, WorkItem
from tests import factories
from tests.conftest import login, post_form
from tests.workflow import diagrams

FORM = """<bpmn:extensionElements><camunda:formData>
  <camunda:formField id="title" label="Tiêu đề" type="string">
    <camunda:validation><camunda:constraint name="required" /></camunda:validation>
  </camunda:formField>
  <camunda:formField id="count" label="Số lượng" type="long" />
  <camunda:formField id="urgent" label="Khẩn" type="boolean" />
  <camunda:formField id="due" label="Hạn" type="date" />
  <camunda:formField id="kind" label="Loại" type="enum">
    <camunda:value id="regular" name="Thường xuyên" />
  </camunda:formField>
</camunda:formData></bpmn:extensionElements>"""
GOOD = {"title": "Báo cáo quý", "count": 3, "urgent": True, "due": "2025-12-15",
        "kind": "regular"}
DECOMPOSED = unicodedata.normalize("NFD", "Lễ hội Cầu Ngư ở Lý Sơn")


@pytest.fixture
def step(deploy, people, api, token_for):
    deploy(diagrams.two_steps(form=FORM, key="strict"))
    token = token_for(people["sct"])
    _, started = api("POST", "/api/v1/instances", token,
                     {"process": "strict", "subject": "Thử giá trị"})
    url = f"/api/v1/work-items/{started['open_steps'][0]['id']}/complete"
    return lambda values: api("POST", url, token, {"values": {**GOOD, **values}})


def _deep(levels: int):
    value = "đáy"
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("field, value", [
    ("urgent", "yes"), ("urgent", 1), ("urgent", "true"), ("urgent", ""),
    ("count", "12"), ("count", 2.5), ("count", True),
    ("title", 12), ("title", ["a"]), ("kind", {"id": "regular"}),
    ("title", "a\u0000b"), ("title", "nửa ký tự \ud800"),
    ("due", "1899-12-31"), ("due", "2101-01-01"), ("due", "01/01/0025"),
    ("title", _deep(MAX_DEPTH + 2)),
])
def test_a_value_that_is_not_what_its_field_takes_is_a_400_naming_the_field(step, field,
                                                                            value):
    status, body = step({field: value})

    assert status == 400, body
    assert list(body["fields"]) == [field]
    assert db.session.scalar(select(WorkItem).where(WorkItem.title == "Duyệt")) is None


def test_good_values_of_every_type_pass(step):
    status, body = step({})
    assert status == 200, body


def test_text_is_kept_composed_and_invisible_text_is_no_text(step):
    status, body = step({"title": "\u200b\u2060\u00a0\u3164"})
    assert status == 400 and list(body["fields"]) == ["title"]

    status, body = step({"title": DECOMPOSED})
    assert status == 200, body
    kept = data_of(db.session.scalar(select(WorkItem).where(WorkItem.title == "Duyệt")))
    assert kept["title"] == unicodedata.normalize("NFC", DECOMPOSED) != DECOMPOSED


def test_what_a_process_starts_with_is_checked_the_same_way(api, deploy, people, token_for):
    deploy(diagrams.two_steps(form=FORM, key="strict"))
    token = token_for(people["sct"])

    for data, where in [({"note": "a\u0000"}, "data.note"),
                        ({"list": [1, {"x": "\udfff"}]}, "data.list[1].x"),
                        ({"deep": _deep(MAX_DEPTH)}, "data.deep[0][0]")]:
        status, body = api("POST", "/api/v1/instances", token,
                           {"process": "strict", "data": data})
        [path] = body["fields"]
        assert status == 400 and path.startswith(where), body
    status, body = api("POST", "/api/v1/instances", token,
                       {"process": "strict", "subject": "\u200b", "data": {"n": DECOMPOSED}})
    assert status == 201
    instance = db.session.get(ProcessInstance, body["id"])
    assert instance.subject == "Báo cáo hai bước"  # an invisible subject is none: the name
    assert data_of(db.session.get(WorkItem, body["open_steps"][0]["id"]))["n"] == \
        unicodedata.normalize("NFC", DECOMPOSED)


def test_json_nested_beyond_what_python_reads_is_a_400_not_a_500(app, people, token_for):
    token = token_for(people["sct"])
    body = '{"process": "strict", "data": ' + "[" * 100_000 + "]" * 100_000 + "}"

    response = app.test_client().post("/api/v1/instances", data=body,
                                      content_type="application/json",
                                      headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 400
    assert "lồng tối đa 16 cấp" in response.get_json()["error"]


def test_pages_keep_text_composed_and_refuse_an_invisible_subject_or_required_text(
        deploy, people, app):
    deploy(diagrams.two_steps(form=FORM, key="strict"))
    client = app.test_client()
    login(client, "clerk.sct", factories.PASSWORD)

    post_form(client, "/processes/strict/start", {"subject": "\u200b\u200b "})
    assert db.session.scalar(select(ProcessInstance)) is None

    post_form(client, "/processes/strict/start", {"subject": DECOMPOSED})
    instance = db.session.scalar(select(ProcessInstance))
    assert instance.subject == unicodedata.normalize("NFC", DECOMPOSED)
    item = db.session.scalar(select(WorkItem).where(WorkItem.title == "Báo cáo"))

    blank = post_form(client, f"/tasks/{item.id}", {"field_title": "\u200b\ufeff",
                                                    "field_count": ""})
    assert blank.status_code == 400 and "Trường này là bắt buộc." in blank.get_data(as_text=True)
    done = post_form(client, f"/tasks/{item.id}", {"field_title": "a\u0000" + DECOMPOSED})
    assert done.status_code == 302
    db.session.expire_all()
    kept = data_of(db.session.scalar(select(WorkItem).where(WorkItem.title == "Duyệt")))
    assert kept["title"] == "a" + unicodedata.normalize("NFC", DECOMPOSED)
    assert json.dumps(kept, ensure_ascii=False)  # nothing PostgreSQL would refuse
