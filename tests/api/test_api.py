"""The JSON API: start, list, read with form schema, complete; errors as JSON, never 500."""

import base64

import pytest

from app.extensions import db
from tests import factories


@pytest.fixture
def tokens(people, token_for):
    return {key: token_for(user) for key, user in people.items()}


def test_a_process_runs_end_to_end_through_the_api(api, two_steps, tokens):
    status, started = api("POST", "/api/v1/instances", tokens["sct"],
                          {"process": "two_steps", "subject": "Báo cáo tháng 6"})
    assert status == 201 and started["status"] == "running"
    [step] = started["open_steps"]

    status, listing = api("GET", "/api/v1/work-items", tokens["sct"])
    assert status == 200 and [i["id"] for i in listing["items"]] == [step["id"]]

    status, item = api("GET", f"/api/v1/work-items/{step['id']}", tokens["sct"])
    assert item["form"] == [{"id": "result", "label": "Kết quả", "type": "string",
                             "required": True}]

    status, done = api("POST", f"/api/v1/work-items/{step['id']}/complete", tokens["sct"],
                       {"values": {"result": "Đã hoàn thành"}})
    assert status == 200 and [s["title"] for s in done["open_steps"]] == ["Duyệt"]

    status, done = api("POST", f"/api/v1/work-items/{done['open_steps'][0]['id']}/complete",
                       tokens["snv"], {"values": {}})
    assert status == 200 and done["status"] == "completed"


def test_invalid_values_get_400_with_each_fields_errors(api, two_steps, tokens):
    _, started = api("POST", "/api/v1/instances", tokens["sct"], {"process": "two_steps"})
    item_id = started["open_steps"][0]["id"]

    status, body = api("POST", f"/api/v1/work-items/{item_id}/complete", tokens["sct"],
                       {"values": {"result": "", "colour": "red"}})

    assert status == 400
    assert set(body["fields"]) == {"colour"}
    status, body = api("POST", f"/api/v1/work-items/{item_id}/complete", tokens["sct"],
                       {"values": {}})
    assert status == 400 and "result" in body["fields"]


def test_the_second_completion_gets_409_naming_the_first(api, two_steps, tokens):
    _, started = api("POST", "/api/v1/instances", tokens["sct"], {"process": "two_steps"})
    url = f"/api/v1/work-items/{started['open_steps'][0]['id']}/complete"
    api("POST", url, tokens["sct"], {"values": {"result": "một"}})

    status, body = api("POST", url, tokens["sct2"], {"values": {"result": "hai"}})

    assert status == 409
    assert body["completed_by"] == "Phạm Thị Huyền" and body["completed_at"].endswith("Z")


@pytest.mark.parametrize("method, url, payload", [
    ("POST", "/api/v1/instances", "not json"),
    ("POST", "/api/v1/instances", ["a", "list"]),
    ("POST", "/api/v1/instances", {"process": 42}),
    ("POST", "/api/v1/instances", {"process": "two_steps", "data": "x"}),
    ("POST", "/api/v1/instances", {"process": "two_steps", "subject": ["x"]}),
    ("POST", "/api/v1/work-items/1/complete", {"values": "x"}),
    # Numbers JSON does not have, which PostgreSQL's JSON columns would refuse deep in a write.
    ("POST", "/api/v1/instances", {"process": "two_steps", "data": {"x": float("nan")}}),
    ("POST", "/api/v1/instances", {"process": "two_steps", "data": {"x": float("inf")}}),
])
def test_malformed_requests_get_400(api, two_steps, tokens, method, url, payload):
    api("POST", "/api/v1/instances", tokens["sct"], {"process": "two_steps"})

    status, body = api(method, url, tokens["sct"], payload)

    assert status == 400 and body["error"]


def test_statuses_for_strangers_and_missing_things(api, two_steps, tokens):
    _, started = api("POST", "/api/v1/instances", tokens["sct"], {"process": "two_steps"})
    item_id = started["open_steps"][0]["id"]

    assert api("GET", "/api/v1/work-items", None)[0] == 401
    assert api("GET", "/api/v1/work-items", "ttdn_wrong")[0] == 401
    assert api("GET", f"/api/v1/work-items/{item_id}", tokens["snv"])[0] == 403
    assert api("POST", f"/api/v1/work-items/{item_id}/complete", tokens["snv"],
               {"values": {"result": "x"}})[0] == 403
    assert api("GET", "/api/v1/work-items/999999", tokens["sct"])[0] == 404
    assert api("POST", "/api/v1/instances", tokens["sct"], {"process": "nope"})[0] == 404
    assert api("GET", "/api/v1/no-such-route", tokens["sct"])[0] == 404
    assert api("DELETE", "/api/v1/work-items", tokens["sct"])[0] == 405


def test_a_revoked_token_is_refused(api, people, two_steps, app):
    from app.api import tokens as token_service

    token, plain = token_service.create(people["sct"], "script")
    assert api("GET", "/api/v1/work-items", plain)[0] == 200

    token_service.revoke(people["sct"], token.id)

    assert api("GET", "/api/v1/work-items", plain)[0] == 401


def test_files_travel_as_base64(api, deploy, tokens):
    from tests.workflow import diagrams

    form = """<bpmn:extensionElements><camunda:formData>
      <camunda:formField id="evidence" label="Minh chứng" type="file" /></camunda:formData>
      </bpmn:extensionElements>"""
    deploy(diagrams.two_steps(form=form, key="with_file"))
    _, started = api("POST", "/api/v1/instances", tokens["sct"], {"process": "with_file"})
    url = f"/api/v1/work-items/{started['open_steps'][0]['id']}/complete"

    bad = {"name": "x.pdf", "content_base64": base64.b64encode(b"MZ...").decode()}
    assert api("POST", url, tokens["sct"], {"values": {"evidence": bad}})[0] == 400
    good = {"name": "x.pdf", "content_base64": base64.b64encode(b"%PDF-1.7 ok").decode()}
    assert api("POST", url, tokens["sct"], {"values": {"evidence": good}})[0] == 200


def test_the_openapi_document_matches_the_routes(app, api):
    status, document = api("GET", "/api/v1/openapi.json")
    assert status == 200

    documented = {(path, method.upper()) for path, ops in document["paths"].items()
                  for method in ops}
    served = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1"):
            path = rule.rule[len("/api/v1"):].replace("<int:item_id>", "{item_id}")
            served |= {(path, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert documented == served


def test_tokens_are_made_and_revoked_on_the_profile_page(app, people):
    from tests.conftest import login, post_form

    client = app.test_client()
    login(client, "clerk.sct", factories.PASSWORD)
    page = post_form(client, "/account/tokens", {"name": "Excel"}).get_data(as_text=True)
    assert 'id="api-token">ttdn_' in page

    from app.api.models import ApiToken
    token = db.session.scalar(db.select(ApiToken))
    post_form(client, f"/account/tokens/{token.id}/revoke")
    db.session.refresh(token)
    assert token.revoked_at is not None


REQUIRED_WHEN_FORM = """<bpmn:extensionElements><camunda:formData>
  <camunda:formField id="action" label="Việc tiếp theo" type="enum">
    <camunda:value id="send" name="Gửi báo cáo" /><camunda:value id="ask" name="Xin ý kiến" />
    <camunda:validation><camunda:constraint name="required" /></camunda:validation>
  </camunda:formField>
  <camunda:formField id="what_done" label="Kết quả" type="string">
    <camunda:properties>
      <camunda:property id="requiredWhen" value="action=send" />
    </camunda:properties>
  </camunda:formField></camunda:formData></bpmn:extensionElements>"""


def test_a_field_can_be_required_only_when_another_has_a_value(api, deploy, tokens):
    from tests.workflow import diagrams

    deploy(diagrams.two_steps(form=REQUIRED_WHEN_FORM, key="conditional"))
    _, started = api("POST", "/api/v1/instances", tokens["sct"], {"process": "conditional"})
    url = f"/api/v1/work-items/{started['open_steps'][0]['id']}/complete"

    status, body = api("POST", url, tokens["sct"], {"values": {"action": "send"}})
    assert (status, list(body["fields"])) == (400, ["what_done"])
    status, body = api("POST", url, tokens["sct"], {"values": {"action": "ask"}})
    assert status == 200 and body["open_steps"][0]["title"] == "Duyệt"


def test_required_when_must_name_a_field_of_the_form(deploy):
    from app.workflow import BpmnError
    from tests.workflow import diagrams

    broken = REQUIRED_WHEN_FORM.replace("action=send", "nothing=send")
    with pytest.raises(BpmnError, match="biểu mẫu không có trường đó"):
        deploy(diagrams.two_steps(form=broken, key="broken_condition"))


def test_the_api_answers_in_its_callers_language(api, token_for, people, two_steps):
    """A program acting for a person speaks that person's language, Vietnamese first."""
    token = token_for(people["sct"])
    status, body = api("POST", "/api/v1/instances", token, json={"process": 7})
    assert status == 400 and body["error"].startswith("cần 'process' (văn bản)")

    people["sct"].locale = "en"
    db.session.commit()
    status, body = api("POST", "/api/v1/instances", token, json={"process": 7})
    assert status == 400 and body["error"].startswith("'process' (text) is required")
