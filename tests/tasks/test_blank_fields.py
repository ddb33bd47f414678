"""Optional fields left blank, of every type, as a browser and an API client send them: the
step completes and each blank field is stored as nothing, never refused as a bad value."""

import io

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import data_of, start_process
from app.workflow.models import Attachment, WorkItem
from tests import factories
from tests.conftest import csrf_token, login
from tests.workflow import diagrams

EVERY_TYPE = """<bpmn:extensionElements><camunda:formData>
  <camunda:formField id="title" label="Tiêu đề" type="string" />
  <camunda:formField id="notes" label="Ghi chú" type="string">
    <camunda:properties><camunda:property id="multiline" value="true" /></camunda:properties>
  </camunda:formField>
  <camunda:formField id="count" label="Số lượng" type="long" />
  <camunda:formField id="urgent" label="Khẩn" type="boolean" />
  <camunda:formField id="due" label="Hạn" type="date" />
  <camunda:formField id="kind" label="Loại" type="enum">
    <camunda:value id="regular" name="Thường xuyên" /><camunda:value id="once" name="Đột xuất" />
  </camunda:formField>
  <camunda:formField id="paper" label="Tài liệu" type="file" />
</camunda:formData></bpmn:extensionElements>"""

# What a browser sends for that form untouched: every text box empty, the select on its
# placeholder, no checkbox, and an empty file part.
BROWSER_BLANK = {"field_title": "", "field_notes": "", "field_count": "", "field_due": "",
                 "field_kind": ""}
STORED_BLANK = {"title": "", "notes": "", "count": None, "urgent": False, "due": None,
                "kind": None}


@pytest.fixture
def blank_form(deploy, people):
    deploy(diagrams.two_steps(form=EVERY_TYPE, key="every_type"))
    return start_process("every_type", subject="Biểu mẫu để trống")


def _open(title):
    return db.session.scalar(select(WorkItem).where(WorkItem.title == title,
                                                    WorkItem.status == "open"))


def _stored(instance_id):
    db.session.expire_all()
    approve = _open("Duyệt")
    assert approve is not None and approve.instance_id == instance_id
    data = data_of(approve)
    return {key: data[key] for key in STORED_BLANK}


def test_a_browser_sending_every_optional_field_blank_completes_the_step(blank_form, app):
    clerk = app.test_client()
    login(clerk, "clerk.sct", factories.PASSWORD)
    item = _open("Báo cáo")

    response = clerk.post(f"/tasks/{item.id}", data={
        **BROWSER_BLANK, "csrf_token": csrf_token(clerk),
        "field_paper": (io.BytesIO(b""), ""),
    }, content_type="multipart/form-data")

    assert response.status_code == 302, response.get_data(as_text=True)
    assert _stored(blank_form.id) == STORED_BLANK
    assert db.session.scalar(select(Attachment)) is None


def test_blank_boxes_of_only_spaces_are_blank_too(blank_form, app):
    clerk = app.test_client()
    login(clerk, "clerk.sct", factories.PASSWORD)

    response = clerk.post(f"/tasks/{_open('Báo cáo').id}", data={
        "field_title": "  ", "field_notes": "\r\n", "field_count": "", "field_due": "   ",
        "field_kind": "", "csrf_token": csrf_token(clerk)})

    assert response.status_code == 302, response.get_data(as_text=True)
    assert _stored(blank_form.id) == STORED_BLANK


@pytest.mark.parametrize("blank", [
    {},
    {"title": None, "notes": None, "count": None, "urgent": None, "due": None, "kind": None,
     "paper": None},
    {"title": "", "notes": "", "count": "", "due": "", "kind": ""},
], ids=["absent", "null", "empty-text"])
def test_the_api_takes_every_optional_field_blank(blank_form, api, token_for, people, blank):
    token = token_for(people["sct"])

    status, body = api("POST", f"/api/v1/work-items/{_open('Báo cáo').id}/complete", token,
                       {"values": blank})

    assert status == 200, body
    assert _stored(blank_form.id) == STORED_BLANK


@pytest.fixture
def token_for(app):
    from app.api import tokens

    return lambda user: tokens.create(user, "test")[1]


@pytest.fixture
def api(app):
    client = app.test_client()

    def call(method, url, token, json):
        response = client.open(url, method=method, json=json,
                               headers={"Authorization": f"Bearer {token}"})
        return response.status_code, response.get_json()

    return call
