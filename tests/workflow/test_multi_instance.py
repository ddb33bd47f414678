"""Multi-instance activities, run as production runs them: every step after a fresh load,
with the spec cache emptied (conftest.cold_specs), so no in-memory wiring can carry a parent
from one step to the next. Before specs were settled when parsed, a parent never heard that
its children finished in another process, and the instance stalled."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import complete, retry, start_process
from app.workflow.models import AuditEvent, ProcessInstance, WorkItem
from app.workflow.timers import tick
from tests.workflow import diagrams

SHAPES = ["task", "subprocess", "call", "nested"]
ENTRIES = [{"agency": "SCT", "answer": ""}, {"agency": "SNV", "answer": ""}]


def _open(instance_id):
    return db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance_id, WorkItem.status == "open")
        .order_by(WorkItem.id)).all()


def _answer_all(instance_id, people, *, sequential: bool) -> list[str]:
    """Each agency answers its own step; returns the agencies in the order they were asked."""
    clerks = {"SCT": people["sct"], "SNV": people["snv"]}
    asked = []
    for _ in ENTRIES:
        open_now = _open(instance_id)
        assert len(open_now) == (1 if sequential else len(ENTRIES) - len(asked))
        step = open_now[0]
        asked.append(step.agency.code)
        complete(step.id, clerks[step.agency.code], {"answer": f"{step.agency.code} đồng ý"})
        db.session.expire_all()
    return asked


@pytest.mark.parametrize("sequential", [True, False], ids=["sequential", "parallel"])
@pytest.mark.parametrize("shape", SHAPES)
def test_a_loop_goes_on_when_its_children_finish_in_other_processes(deploy, people, shape,
                                                                    sequential):
    deploy(diagrams.multi_instance(shape, sequential=sequential))
    instance_id = start_process("asking", data={"entries": ENTRIES}).id

    assert _answer_all(instance_id, people, sequential=sequential) == ["SCT", "SNV"]

    [review] = _open(instance_id)
    assert (review.task_name, review.role) == ("review", "coordinator")
    if shape != "task":  # a child that rewrites its entry keeps the answer in place
        from app.workflow import data_of

        assert data_of(review)["entries"] == [{"agency": "SCT", "answer": "SCT đồng ý"},
                                              {"agency": "SNV", "answer": "SNV đồng ý"}]
    complete(review.id, people["coordinator"], {})
    assert db.session.get(ProcessInstance, instance_id).status == "completed"


@pytest.mark.parametrize("shape", ["subprocess", "nested"])
def test_a_timer_on_the_loop_waits_for_its_children_or_ends_them(deploy, people, clock, shape):
    deploy(diagrams.multi_instance(shape, sequential=False, deadline="2025-06-10T08:00:00"))
    answered = start_process("asking", data={"entries": ENTRIES}).id
    late = start_process("asking", data={"entries": ENTRIES}).id

    _answer_all(answered, people, sequential=False)
    assert [item.task_name for item in _open(answered)] == ["review"]

    sct_step = next(item for item in _open(late) if item.agency.code == "SCT")
    complete(sct_step.id, people["sct"], {"answer": "kịp"})
    clock.advance(days=8)
    assert tick() == 1  # only the instance still waiting has a timer left

    db.session.expire_all()
    assert [item.task_name for item in _open(late)] == ["late"]
    assert db.session.get(ProcessInstance, answered).next_timer_at is None


@pytest.mark.stalls
def test_a_stalled_instance_is_an_error_the_monitor_shows_and_retry_repairs(
        deploy, people, monkeypatch, admin_client):
    """An instance that stalled under the old, unsettled specs: its children finished, its
    parent never heard. It is marked failed with a reason, listed for the admin, and a retry
    hands the parent its finished children."""
    from app.workflow import bpmn

    settle = bpmn.settle
    deploy(diagrams.multi_instance("subprocess", sequential=False))
    monkeypatch.setattr(bpmn, "settle", lambda spec: None)  # as the engine was before
    instance_id = start_process("asking", data={"entries": ENTRIES}).id
    for step in _open(instance_id):
        clerk = people["sct"] if step.agency.code == "SCT" else people["snv"]
        complete(step.id, clerk, {"answer": "đồng ý"})
        db.session.expire_all()

    stalled = db.session.get(ProcessInstance, instance_id)
    assert stalled.status == "error" and "không có bước nào đang mở" in stalled.error_message
    assert db.session.scalar(select(AuditEvent).where(
        AuditEvent.instance_id == instance_id, AuditEvent.kind == "error")).details["stalled"]
    listed = admin_client.get("/admin/instances?status=error").get_data(as_text=True)
    assert stalled.subject in listed

    monkeypatch.setattr(bpmn, "settle", settle)
    retry(instance_id, admin_client.user)

    db.session.expire_all()
    assert db.session.get(ProcessInstance, instance_id).status == "running"
    [review] = _open(instance_id)
    assert review.task_name == "review"


def test_a_cardinality_that_is_no_number_is_refused_with_its_reason():
    from app.workflow import BpmnError
    from app.workflow.bpmn import parse_diagram

    loop = ('<bpmn:multiInstanceLoopCharacteristics camunda:collection="entries" '
            'camunda:elementVariable="entry" isSequential="true" />')
    counted = ('<bpmn:multiInstanceLoopCharacteristics isSequential="true">'
               "<bpmn:loopCardinality>${n}</bpmn:loopCardinality>"
               "</bpmn:multiInstanceLoopCharacteristics>")
    xml = diagrams.multi_instance("subprocess", sequential=True)
    assert loop in xml
    with pytest.raises(BpmnError, match="loopCardinality must be a whole number"):
        parse_diagram(xml.replace(loop, counted))
