"""What fuzzing the API from its own OpenAPI document found: every answer is one the
document lists, refusals say why, filters that do not exist are refused, not guessed."""

import pytest

from app.extensions import db
from app.workflow.models import ProcessInstance


@pytest.fixture
def tokens(people, token_for):
    return {key: token_for(user) for key, user in people.items()}


@pytest.fixture
def document(api):
    return api("GET", "/api/v1/openapi.json")[1]


def test_a_person_who_may_not_start_a_process_gets_the_documented_403(
        api, deploy, tokens, document):
    from tests.workflow import diagrams

    xml = diagrams.two_steps(key="coordinators_only").replace(
        "<bpmn:process ", '<bpmn:process camunda:candidateStarterGroups="STTTT" ', 1)
    deploy(xml)

    status, body = api("POST", "/api/v1/instances", tokens["sct"],
                       {"process": "coordinators_only"})

    assert status == 403 and body["error"]
    assert "403" in document["paths"]["/instances"]["post"]["responses"]


@pytest.mark.parametrize("query", ["status=bogus", "sort=sideways",
                                   "instance=abc", "instance=0",
                                   "instance=99999999999999999999"])
def test_a_filter_that_does_not_exist_is_refused_with_the_choices(api, two_steps, tokens,
                                                                   query):
    status, body = api("GET", f"/api/v1/work-items?{query}", tokens["sct"])

    assert status == 400
    name = query.split("=")[0]
    assert f"'{name}'" in body["error"]
    if name == "status":
        assert "mine, unclaimed, open, due_soon, overdue, done" in body["error"]


def test_the_work_items_list_filters_by_instance_and_sorts(api, two_steps, tokens, clock,
                                                           document):
    first = api("POST", "/api/v1/instances", tokens["sct"], {"process": "two_steps",
                                                             "subject": "Tháng 6"})[1]
    clock.advance(minutes=5)
    second = api("POST", "/api/v1/instances", tokens["sct"], {"process": "two_steps",
                                                              "subject": "Tháng 7"})[1]

    status, only = api("GET", f"/api/v1/work-items?instance={second['id']}", tokens["sct"])
    assert status == 200 and [i["instance_id"] for i in only["items"]] == [second["id"]]
    assert only["total"] == 1
    newest = api("GET", "/api/v1/work-items?sort=newest", tokens["sct"])[1]
    oldest = api("GET", "/api/v1/work-items?sort=oldest", tokens["sct"])[1]
    assert [i["subject"] for i in newest["items"]] == ["Tháng 7", "Tháng 6"]
    assert [i["subject"] for i in oldest["items"]] == ["Tháng 6", "Tháng 7"]
    # Someone else's case is not revealed by asking for it: the list is just empty.
    assert api("GET", f"/api/v1/work-items?instance={first['id']}",
               tokens["snv"])[1]["items"] == []

    names = {p["name"]: p for p in document["paths"]["/work-items"]["get"]["parameters"]}
    assert names["sort"]["schema"]["enum"] == ["due", "newest", "oldest"]
    assert names["instance"]["schema"]["type"] == "integer"


def test_values_may_be_left_out_of_a_completion_as_documented(api, two_steps, tokens,
                                                              document):
    started = api("POST", "/api/v1/instances", tokens["sct"], {"process": "two_steps"})[1]
    first = started["open_steps"][0]["id"]
    api("POST", f"/api/v1/work-items/{first}/complete", tokens["sct"],
        {"values": {"result": "Xong"}})
    review = api("GET", "/api/v1/work-items", tokens["snv"])[1]["items"][0]["id"]

    # "Duyệt" has no required field: no body at all, or a body without values, completes it.
    status, body = api("POST", f"/api/v1/work-items/{review}/complete", tokens["snv"])

    assert status == 200 and body["status"] == "completed"
    operation = document["paths"]["/work-items/{item_id}/complete"]["post"]
    assert operation["requestBody"]["required"] is False


def test_a_method_not_allowed_names_those_that_are(app, tokens, two_steps):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {tokens['sct']}"}

    for url, allowed in [("/api/v1/work-items", {"GET", "HEAD", "OPTIONS"}),
                         ("/api/v1/instances", {"POST", "OPTIONS"}),
                         ("/tasks", {"GET", "HEAD", "OPTIONS"})]:
        response = client.delete(url, headers=headers)
        assert response.status_code == 405
        assert set(response.headers["Allow"].split(", ")) == allowed


@pytest.mark.parametrize("name", ["subject", "business_key"])
def test_control_characters_are_not_kept_in_a_subject_or_case_number(api, two_steps, tokens,
                                                                     name):
    status, started = api("POST", "/api/v1/instances", tokens["sct"],
                          {"process": "two_steps", name: "Báo\x85cáo\x01 tháng\t6\n"})

    assert status == 201
    db.session.expire_all()
    instance = db.session.get(ProcessInstance, started["id"])
    assert getattr(instance, name) == "Báo cáo tháng 6"


def test_a_nul_in_a_subject_is_refused_naming_the_field(api, two_steps, tokens):
    status, body = api("POST", "/api/v1/instances", tokens["sct"],
                       {"process": "two_steps", "subject": "Báo cáo\x00"})

    assert status == 400 and "subject" in body["fields"]
    assert db.session.query(ProcessInstance).count() == 0


@pytest.mark.parametrize("url", ["/api/v1/work-items/9223372036854775808",
                                 "/api/v1/work-items/9223372036854775807/claim",
                                 "/api/v1/work-items/18446744073709551616/complete"])
def test_ids_beyond_the_databases_integers_are_not_found(api, tokens, url):
    method = "GET" if url.endswith(("8", "7")) and "/claim" not in url else "POST"
    assert api(method, url, tokens["sct"], {})[0] == 404


def test_a_page_beyond_64_bits_is_an_empty_page(api, two_steps, tokens):
    status, body = api("GET", "/api/v1/work-items?page=99999999999999999999999",
                       tokens["sct"])
    assert status == 200 and body["items"] == []
