"""Moving running instances to a new version with SpiffWorkflow's diff: a preview says which
can move and why not; a moved instance carries on (its steps, timers and messages) and ends on
the new version, through the pages, with a fresh load between steps."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.workflow.models import AuditEvent, ProcessInstance
from app.workflow.timers import tick
from tests import factories
from tests.conftest import csrf_token, post_form
from tests.workflow import diagrams


def _fresh(instance_id):
    db.session.expire_all()
    return db.session.get(ProcessInstance, instance_id)


def _json_post(client, url, body):
    return client.post(url, json=body, headers={"X-CSRFToken": csrf_token(client)})


def _clients(app, people):
    clients = {}
    for key in ("sct", "stttt"):
        client = app.test_client()
        post_form(client, "/login", {"username": people[key].username,
                                     "password": factories.PASSWORD})
        clients[key] = client
    return clients


def test_an_instance_moves_mid_flight_and_finishes_on_the_new_version(
        app, admin_client, deploy, people, agencies):
    first = deploy(diagrams.two_steps())
    instance = workflow.start_process("two_steps", user=people["sct"], subject="Báo cáo quý II")
    report = factories.open_step(instance.id, "report")
    second = deploy(diagrams.two_steps(second="STTTT"))  # approval moves to STTTT

    preview = _json_post(admin_client, "/admin/api/processes/migration/preview",
                         {"key": "two_steps", "to_version": second.id})
    assert preview.status_code == 200
    assert preview.json["instances"] == [{
        "instance_id": instance.id, "subject": "Báo cáo quý II", "from_version": 1,
        "to_version": 2, "can_move": True, "reasons": []}]

    moved = _json_post(admin_client, f"/admin/api/processes/instances/{instance.id}/migrate",
                       {"to_version": second.id})
    assert moved.status_code == 200 and moved.json["number"] == 2

    assert _fresh(instance.id).version_id == second.id
    still = factories.open_step(instance.id, "report")
    assert (still.id, still.task_id) == (report.id, report.task_id)  # the same work item
    people["stttt"] = factories.make_user("clerk.stttt", agency_code="STTTT")
    clients = _clients(app, people)
    done = post_form(clients["sct"], f"/tasks/{still.id}", {"field_result": "Đã tổ chức"})
    assert done.status_code == 302

    approve = factories.open_step(instance.id, "approve")
    assert approve.agency.code == "STTTT"  # the new version's lane
    assert post_form(clients["stttt"], f"/tasks/{approve.id}", {}).status_code == 302

    finished = _fresh(instance.id)
    assert (finished.status, finished.version_id) == ("completed", second.id)
    [event] = db.session.scalars(select(AuditEvent).where(
        AuditEvent.instance_id == instance.id, AuditEvent.kind == "migrated")).all()
    assert event.details["from_version"] == 1 and event.details["to_version"] == 2
    assert event.actor.username == "admin.test"
    assert first.id != second.id


def test_an_instance_whose_done_step_changed_cannot_move_and_says_why(deploy, people):
    deploy(diagrams.two_steps())
    done = workflow.start_process("two_steps", user=people["sct"], subject="Đã báo cáo")
    workflow.complete(factories.open_step(done.id, "report").id, people["sct"],
                      {"result": "Xong"})
    waiting = workflow.start_process("two_steps", user=people["sct"], subject="Chưa báo cáo")
    second = deploy(diagrams.two_steps(first="STTTT"))  # the report step goes elsewhere

    checks = {c.instance_id: c for c in workflow.migration_preview("two_steps", second.id)}

    assert not checks[done.id].can_move
    assert checks[done.id].reasons == ["bước 'Báo cáo' (đã làm) đã thay đổi ở phiên bản mới"]
    assert not checks[waiting.id].can_move  # its open step changed too
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.migrate(done.id, second.id, people["coordinator"])
    assert "Báo cáo" in str(refused.value)
    assert _fresh(done.id).version.number == 1


def test_a_waiting_timer_and_message_follow_a_moved_instance(deploy, people, clock):
    deploy(diagrams.race())
    waiting = workflow.start_process("race", business_key="BC-1", subject="Chờ báo cáo")
    timed = workflow.start_process("race", business_key="BC-2", subject="Chờ hạn")
    timer_at = _fresh(timed.id).next_timer_at
    second = deploy(diagrams.race().replace('candidateGroups="SNV"', 'candidateGroups="STTTT"')
                    .replace('candidateGroups="SCT"', 'candidateGroups="SNV"'))

    for instance in (waiting, timed):
        workflow.migrate(instance.id, second.id, people["coordinator"])
    assert _fresh(timed.id).next_timer_at == timer_at  # the same moment, not restarted

    assert workflow.send_message("bao_cao_da_nop", "BC-1") == 1
    db.session.commit()
    assert factories.open_step(waiting.id, "merge").agency.code == "STTTT"
    clock.current = timer_at + timedelta(minutes=1)
    tick()
    assert factories.open_step(timed.id, "chase").agency.code == "SNV"


def test_non_admins_cannot_preview_or_move(staff_client, deploy, people):
    version = deploy(diagrams.two_steps())
    instance = workflow.start_process("two_steps", user=people["sct"])

    for url, body in (("/admin/api/processes/migration/preview",
                       {"key": "two_steps", "to_version": version.id}),
                      (f"/admin/api/processes/instances/{instance.id}/migrate",
                       {"to_version": version.id})):
        assert _json_post(staff_client, url, body).status_code == 403
