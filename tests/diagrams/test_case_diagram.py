"""The case on its diagram, as the viewer receives it: each element's state, who did a step
and when, the path taken; readers who are not admins get no script and no expression; a
stranger gets nothing."""

from app import workflow
from app.extensions import db
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import _logged_in
from tests.workflow import diagrams


def _gated_case(deploy, people):
    deploy(diagrams.gateway("amount > 10"))
    return workflow.start_process("gated", subject="Hồ sơ rẽ nhánh", data={"amount": 50})


def test_a_step_page_reader_sees_the_state_the_path_and_no_expression(app, deploy, people):
    instance = _gated_case(deploy, people)
    item = factories.open_step(instance.id, "yes")
    clerk = _logged_in(app, people["sct"])

    response = clerk.get(f"/cases/{instance.id}/diagram.json?step={item.id}")

    body = response.get_json()
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "start" in body["completed"] and "gw" in body["completed"]
    assert body["active"]["yes"]["who"] == "Sở Công Thương"
    assert body["here"] == "yes"
    assert sorted(body["taken"]) == ["f_gw_yes", "f_start_gw"]
    assert "amount" not in body["xml"] and "conditionExpression" not in body["xml"]
    assert 'id="yes"' in body["xml"] and 'name="Nhánh có"' in body["xml"]


def test_the_admin_gets_the_whole_diagram_and_who_completed_a_step(app, admin_client, deploy,
                                                                    people):
    instance = _gated_case(deploy, people)
    item = factories.open_step(instance.id, "yes")
    workflow.complete(item.id, people["sct"], {})

    db.session.expire_all()
    body = admin_client.get(f"/cases/{instance.id}/diagram.json").get_json()

    assert "amount &gt; 10" in body["xml"] or "amount > 10" in body["xml"]
    assert body["completed"]["yes"]["who"] == "Phạm Thị Huyền"
    assert body["completed"]["yes"]["when"].endswith("Z")
    assert "end_yes" in body["completed"] and body["active"] == {}
    assert "f_yes_end_yes" in body["taken"] and "f_gw_no" not in body["taken"]


def test_a_failed_script_is_marked_failed_with_its_reason(admin_client, deploy, people):
    deploy(diagrams.script_then_step("x = 1 / 0"))
    instance = workflow.start_process("scripted", subject="Kịch bản lỗi")

    db.session.expire_all()
    body = admin_client.get(f"/cases/{instance.id}/diagram.json").get_json()

    assert list(body["failed"]) == ["compute"]
    assert body["failed"]["compute"]["reason"]
    assert "look" not in body["active"]


def test_a_stranger_and_an_unknown_case_get_nothing(app, deploy, people):
    instance = _gated_case(deploy, people)
    stranger = _logged_in(app, people["snv"])

    assert stranger.get(f"/cases/{instance.id}/diagram.json").status_code == 403
    assert stranger.get("/cases/999999/diagram.json").status_code == 404
    assert app.test_client().get(f"/cases/{instance.id}/diagram.json").status_code in (302, 401)


def test_scripts_and_camunda_attributes_are_stripped_for_readers():
    xml = diagrams.script_then_step("secret = 42")

    stripped = workflow.without_expressions(xml)

    assert "secret" not in stripped and "candidateGroups" not in stripped
    assert 'name="Tính toán"' in stripped


def test_a_step_asked_of_several_agencies_names_them_all(admin_client, deploy, people):
    deploy(diagrams.multi_instance("task", sequential=False))
    instance = workflow.start_process("asking", data={"entries": [{"agency": "SCT"},
                                                                  {"agency": "SNV"}]})

    db.session.expire_all()
    body = admin_client.get(f"/cases/{instance.id}/diagram.json").get_json()

    assert body["active"]["ask"]["who"] == "Sở Công Thương; Sở Nội vụ"

    db.session.expire_all()
    sct = next(item for item in db.session.scalars(db.select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open"))
        if item.agency.code == "SCT")
    workflow.complete(sct.id, people["sct"], {"answer": "Đồng ý"})
    db.session.expire_all()
    body = admin_client.get(f"/cases/{instance.id}/diagram.json").get_json()
    assert body["active"]["ask"]["who"] == "Sở Nội vụ"
