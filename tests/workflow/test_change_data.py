"""Correcting a running instance's data: the waiting steps see the new values, an open step
goes to whoever the new data names, and a change that names nobody is refused whole."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import (
    Forbidden,
    InvalidInput,
    WorkflowError,
    change_data,
    complete,
    data_of,
    start_process,
    terminate,
    timeline_of,
)
from app.workflow.models import ProcessInstance, WorkItem
from tests.workflow import diagrams

# 'Xác minh' goes to the person the data names, 'Ra quyết định' to the agency it names.
BY_DATA = diagrams.process("by_data", (
    '<bpmn:startEvent id="start" />'
    '<bpmn:userTask id="verify" name="Xác minh" camunda:assignee="${inspector}"'
    ' camunda:dueDate="${verify_due}" />'
    '<bpmn:userTask id="decide" name="Ra quyết định" camunda:candidateGroups="${agency}" />'
    '<bpmn:endEvent id="end" />'
    + diagrams.flows(("start", "verify"), ("verify", "decide"), ("decide", "end"))))


@pytest.fixture
def case(deploy, people):
    deploy(BY_DATA)
    return start_process("by_data", subject="Vụ việc 1", data={
        "inspector": people["sct"].username, "agency": "SCT", "verify_due": "2025-06-10"})


def _open_step(instance) -> WorkItem:
    [item] = db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")).all()
    return item


def test_the_open_step_and_the_later_ones_follow_the_new_data(case, people, agencies):
    change_data(case.id, people["coordinator"], {
        "inspector": people["snv"].username, "agency": "SNV", "verify_due": "2025-06-20"},
        "Thanh tra viên chuyển công tác")

    verify = _open_step(case)
    assert verify.claimed_by_id == people["snv"].id
    assert verify.agency_id == agencies["SNV"].id
    assert verify.due_at.date().isoformat() == "2025-06-20"
    assert verify.announced_at is None  # the new holder is told by the worker
    with pytest.raises(Forbidden):
        complete(verify.id, people["sct"], {})
    complete(verify.id, people["snv"], {})
    assert _open_step(case).agency_id == agencies["SNV"].id  # 'decide' read the new agency

    changed, reassigned = [e for e in timeline_of(case.id)
                           if e.kind in ("data_changed", "step_reassigned")]
    assert changed.details["reason"] == "Thanh tra viên chuyển công tác"
    assert changed.details["before"]["inspector"] == people["sct"].username
    assert changed.details["values"]["inspector"] == people["snv"].username
    assert reassigned.details["to"] == "Võ Minh Phê"


def test_data_that_names_nobody_is_refused_and_changes_nothing(case, people):
    state_before = db.session.get(ProcessInstance, case.id).state

    with pytest.raises(InvalidInput) as refused:
        change_data(case.id, people["coordinator"], {"inspector": "nobody"}, "Nhầm người")

    assert "'nobody' is no active person" in refused.value.errors["values"][0]
    db.session.expire_all()
    assert db.session.get(ProcessInstance, case.id).state == state_before
    assert data_of(_open_step(case))["inspector"] == people["sct"].username
    assert _open_step(case).claimed_by_id == people["sct"].id
    assert "data_changed" not in {e.kind for e in timeline_of(case.id)}


def test_a_reason_is_required_and_an_ended_instance_is_not_changed(case, people):
    with pytest.raises(InvalidInput):
        change_data(case.id, people["coordinator"], {"agency": "SNV"}, "   ")
    terminate(case.id, people["coordinator"])
    with pytest.raises(WorkflowError):
        change_data(case.id, people["coordinator"], {"agency": "SNV"}, "Sửa")


def test_an_admin_changes_the_data_on_the_instance_page(case, people, admin_client):
    from tests.conftest import post_form

    page = admin_client.get(f"/admin/instances/{case.id}").get_data(as_text=True)
    assert "Sửa dữ liệu" in page

    bad = post_form(admin_client, f"/admin/instances/{case.id}/data",
                    {"values": "{not json", "reason": "Sửa"})
    assert bad.status_code == 400 and "không phải là JSON hợp lệ" in bad.get_data(as_text=True)
    nobody = post_form(admin_client, f"/admin/instances/{case.id}/data",
                       {"values": '{"inspector": "nobody"}', "reason": "Sửa"})
    assert nobody.status_code == 400 and "nobody" in nobody.get_data(as_text=True)

    done = post_form(admin_client, f"/admin/instances/{case.id}/data",
                     {"values": f'{{"inspector": "{people["snv"].username}"}}',
                      "reason": "Giao lại"}, follow_redirects=True)
    assert "Đã sửa dữ liệu: inspector." in done.get_data(as_text=True)
    db.session.expire_all()
    assert _open_step(case).claimed_by_id == people["snv"].id


# Two agencies give their opinion in parallel; then the inspector decides.
PARALLEL = diagrams.process("parallel_then_person", (
    '<bpmn:startEvent id="start" />'
    '<bpmn:userTask id="opinion" name="Cho ý kiến" camunda:candidateGroups="${agency}">'
    '<bpmn:multiInstanceLoopCharacteristics camunda:collection="agencies"'
    ' camunda:elementVariable="agency" /></bpmn:userTask>'
    '<bpmn:userTask id="decide" name="Kết luận" camunda:assignee="${inspector}" />'
    '<bpmn:endEvent id="end" />'
    + diagrams.flows(("start", "opinion"), ("opinion", "decide"), ("decide", "end"))))


def test_a_change_made_during_parallel_steps_reaches_the_step_after_them(deploy, people):
    deploy(PARALLEL)
    instance = start_process("parallel_then_person", subject="Vụ việc 2", data={
        "agencies": ["SCT", "SNV"], "inspector": people["sct"].username})

    change_data(instance.id, people["coordinator"], {"inspector": people["snv"].username},
                "Giao lại")
    for item in db.session.scalars(select(WorkItem).where(
            WorkItem.instance_id == instance.id, WorkItem.status == "open")).all():
        complete(item.id, people["sct"] if item.agency.code == "SCT" else people["snv"], {})

    assert _open_step(instance).claimed_by_id == people["snv"].id
