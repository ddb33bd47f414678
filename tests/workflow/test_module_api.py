"""What the engine offers modules beyond starting and completing (app.workflow's public API):
a message kept until its instance waits for it, ending an instance whose purpose is over,
a signal when an admin terminates one, and a helper's lost lock wait run again rather than
failing the instance. The training module stands on these (its registrations)."""

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from app import workflow
from app.extensions import db
from app.workflow.models import AuditEvent, PendingMessage, WorkItem
from tests.workflow import diagrams


def _open(instance):
    return db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")).all()


def test_a_kept_message_reaches_a_suspended_instance_once_it_runs_again(deploy, people):
    deploy(diagrams.receiver())
    waiting = workflow.start_process("receiver", business_key="DKH-1")
    workflow.suspend(waiting.id, people["coordinator"])

    assert workflow.send_message("bao_cao_da_nop", "DKH-1") == 0
    assert db.session.scalar(select(PendingMessage)) is None  # not kept unless asked
    assert workflow.send_message("bao_cao_da_nop", "DKH-1", keep=True) == 0
    db.session.commit()
    assert _open(waiting) == []

    workflow.resume(waiting.id, people["coordinator"])
    assert [item.title for item in _open(waiting)] == ["Tổng hợp"]
    assert db.session.scalar(select(PendingMessage)).delivered_at is not None


def test_a_module_ends_an_instance_in_its_own_transaction_without_the_admins_signal(
        deploy, people, two_steps):
    told = []

    def heard(instance, **_):
        told.append(instance)

    workflow.instance_terminated.connect(heard)
    try:
        instance = workflow.start_process("two_steps")
        assert workflow.cancel_instance(instance.id, people["sct"], "rút đăng ký") is True
        db.session.commit()
        assert instance.status == "terminated" and _open(instance) == []
        event = db.session.scalar(select(AuditEvent).where(
            AuditEvent.instance_id == instance.id, AuditEvent.kind == "cancelled_by_module"))
        assert event.details["reason"] == "rút đăng ký"
        assert workflow.cancel_instance(instance.id, people["sct"], "lần nữa") is False
        assert told == []

        other = workflow.start_process("two_steps")
        workflow.terminate(other.id, people["coordinator"])
        assert told == [other]
    finally:
        workflow.instance_terminated.disconnect(heard)


def test_a_helper_that_lost_a_lock_wait_runs_again_and_the_instance_goes_on(deploy, people):
    calls = []

    def seat(value):
        calls.append(value)
        if len(calls) == 1:  # the database broke a wait on rows another request held
            raise OperationalError("UPDATE training_classes", {},
                                   Exception("database is locked"))
        return "confirmed"

    workflow.register_helper("take_seat_for_test", seat)
    body = ('<bpmn:startEvent id="start" />'
            '<bpmn:userTask id="ask" name="Đăng ký" camunda:candidateGroups="SCT" />'
            '<bpmn:scriptTask id="take" name="Xếp chỗ" scriptFormat="python"><bpmn:script>'
            'seat = take_seat_for_test(1)</bpmn:script></bpmn:scriptTask>'
            '<bpmn:userTask id="look" name="Xem chỗ" camunda:candidateGroups="SCT" />'
            '<bpmn:endEvent id="end" />'
            + diagrams.flows(("start", "ask"), ("ask", "take"), ("take", "look"),
                             ("look", "end")))
    deploy(diagrams.process("seating", body))
    instance = workflow.start_process("seating")

    workflow.complete(_open(instance)[0].id, people["sct"], {})

    db.session.refresh(instance)
    assert instance.status == "running" and calls == [1, 1]
    assert [item.title for item in _open(instance)] == ["Xem chỗ"]
