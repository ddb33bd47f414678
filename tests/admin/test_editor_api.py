"""The editor's JSON endpoints, as the browser calls them: the session's CSRF token in the
X-CSRFToken header, admins only, every refusal a JSON answer with the reason."""

import io

from app import workflow
from app.extensions import db
from tests import factories
from tests.conftest import csrf_token, login
from tests.workflow import diagrams

API = "/admin/api/processes"


def _post(client, url, body=None, **kwargs):
    return client.post(url, json=body, headers={"X-CSRFToken": csrf_token(client)}, **kwargs)


def test_an_admin_saves_a_draft_with_a_problem_fixes_it_and_publishes(admin_client, people):
    saved = _post(admin_client, f"{API}/drafts",
                  {"xml": diagrams.two_steps(first="Sở Không Tồn Tại")})
    assert saved.status_code == 200
    draft = saved.json
    assert (draft["key"], draft["revision"], draft["saved_by"]) == ("two_steps", 1, "Admin.Test")
    assert [p["element_id"] for p in draft["problems"]] == ["report"]

    refused = _post(admin_client, f"{API}/drafts/{draft['id']}/publish", {"reason": "Thử"})
    assert refused.status_code == 400
    assert refused.json["problems"][0]["element_id"] == "report"

    db.session.expire_all()
    opened = admin_client.get(f"{API}/drafts/{draft['id']}").json
    assert "Sở Không Tồn Tại" in opened["xml"] and opened["problems"]
    fixed = _post(admin_client, f"{API}/drafts", {
        "xml": diagrams.two_steps(first="STTTT"), "key": "two_steps",
        "based_on_draft_revision": opened["revision"]})
    assert fixed.status_code == 200 and fixed.json["problems"] == []

    published = _post(admin_client, f"{API}/drafts/{draft['id']}/publish",
                      {"reason": "Sở TT&TT làm báo cáo", "based_on_draft_revision": 2})
    assert published.status_code == 200 and published.json["number"] == 1
    history = admin_client.get(f"{API}/two_steps/amendments").json["amendments"]
    assert [(a["number"], a["reason"], a["by"]) for a in history] == [
        (1, "Sở TT&TT làm báo cáo", "Admin.Test")]
    xml = admin_client.get(f"{API}/versions/{published.json['version_id']}/xml").json["xml"]
    assert 'name="STTTT"' in xml
    instance = workflow.start_process("two_steps", user=people["coordinator"])
    assert factories.open_step(instance.id, "report").agency.code == "STTTT"


def test_a_stale_save_answers_409_with_who_saved_and_when(app, admin_client, agencies):
    other = app.test_client()
    factories.make_user("admin.binh", roles=["admin"], full_name="Lê Thị Bình")
    login(other, "admin.binh", factories.PASSWORD)
    first = _post(admin_client, f"{API}/drafts", {"xml": diagrams.two_steps()}).json
    _post(other, f"{API}/drafts", {"xml": diagrams.two_steps(second="STTTT"),
                                   "key": "two_steps", "based_on_draft_revision": 1})

    stale = _post(admin_client, f"{API}/drafts", {"xml": diagrams.two_steps(second="SCT"),
                                                  "key": "two_steps",
                                                  "based_on_draft_revision": first["revision"]})

    assert stale.status_code == 409
    assert (stale.json["saved_by"], stale.json["revision"]) == ("Lê Thị Bình", 2)
    assert "Lê Thị Bình" in stale.json["error"]


def test_import_asks_for_the_key_when_the_file_does_not_say(admin_client, agencies):
    two = (diagrams.HEADER.format(id="x")
           + '<bpmn:process id="one" isExecutable="true"><bpmn:startEvent id="a"/></bpmn:process>'
           + '<bpmn:process id="two" isExecutable="true"><bpmn:startEvent id="b"/></bpmn:process>'
           + "</bpmn:definitions>")

    def upload(**form):
        return admin_client.post(f"{API}/import", headers={"X-CSRFToken": csrf_token(
            admin_client)}, data={"file": (io.BytesIO(two.encode()), "pools.bpmn"), **form},
            content_type="multipart/form-data")

    asked = upload()
    assert asked.status_code == 400 and asked.json["candidates"] == ["one", "two"]
    chosen = upload(key="two")
    assert chosen.status_code == 200 and chosen.json["key"] == "two"
    assert chosen.json["filename"] == "pools.bpmn"
    assert [p["element_id"] for p in chosen.json["problems"]] == ["one"]  # also executable
    not_bpmn = admin_client.post(f"{API}/import", headers={"X-CSRFToken": csrf_token(
        admin_client)}, data={"file": (io.BytesIO(b"<html/>"), "page.bpmn")},
        content_type="multipart/form-data")
    assert not_bpmn.status_code == 400 and "BPMN" in not_bpmn.json["error"]


def test_problems_and_compare_answer_without_saving(admin_client, deploy):
    first = deploy(diagrams.two_steps())
    second = deploy(diagrams.two_steps(second="STTTT").replace('name="Duyệt"',
                                                                'name="Phê duyệt"'))

    problems = _post(admin_client, f"{API}/problems", {"xml": "<a>"}).json["problems"]
    assert problems[0]["element_id"] is None and "XML" in problems[0]["message"]
    compared = admin_client.get(f"{API}/compare?a={first.id}&b={second.id}").json
    changed = {c["id"]: c for c in compared["changed"]}
    assert changed["approve"]["name"] == "Phê duyệt" and "name" in changed["approve"]["what"]
    assert {"lane_1"} <= changed.keys() and compared["added"] == compared["removed"] == []


def test_without_the_csrf_token_a_post_is_refused_in_json(admin_client):
    refused = admin_client.post(f"{API}/drafts", json={"xml": diagrams.two_steps()})

    assert refused.status_code == 400 and "error" in refused.json
    assert workflow.drafts("two_steps") == []


def test_non_admins_are_refused_every_endpoint(staff_client, deploy):
    version = deploy(diagrams.two_steps())
    posts = ["drafts", "import", "problems", "drafts/1/publish", "drafts/1/discard"]
    for path in posts:
        assert _post(staff_client, f"{API}/{path}", {"xml": "x"}).status_code == 403, path
    for path in ["drafts/1", "two_steps/drafts", "two_steps/amendments",
                 f"versions/{version.id}/xml", f"compare?a={version.id}&b={version.id}"]:
        assert staff_client.get(f"{API}/{path}").status_code == 403, path
