"""A thrown message continues or starts another instance in the same transaction; one that
nobody waits for is kept and delivered later, never dropped."""

from sqlalchemy import select

from app.extensions import db
from app.workflow import complete, runtime, start_process
from app.workflow.models import PendingMessage, ProcessInstance, WorkItem
from tests.workflow import diagrams


def _open(instance):
    return db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")).all()


def _data(instance):
    db.session.refresh(instance)
    workflow = runtime.load(instance)
    return workflow.get_tasks(state=runtime.TaskState.READY, manual=True)[0].data


def test_a_message_continues_the_instance_waiting_for_it(deploy, people):
    deploy(diagrams.sender())
    deploy(diagrams.receiver())
    waiting = start_process("receiver", business_key="QN-2025-01")
    other = start_process("receiver", business_key="QN-2025-02")
    sending = start_process("sender", business_key="QN-2025-01")
    assert _open(waiting) == []

    complete(_open(sending)[0].id, people["sct"], {"result": "Đã tổ chức 5 sự kiện"})

    assert [i.title for i in _open(waiting)] == ["Tổng hợp"]
    assert _data(waiting)["received"] == "Đã tổ chức 5 sự kiện"
    assert _open(other) == []  # another business key: not for it
    assert db.session.scalar(select(PendingMessage)) is None


def test_a_message_starts_a_process_that_begins_with_it(deploy, people):
    deploy(diagrams.sender(key="opener", message="msg_open"))
    deploy(diagrams.message_started())
    sending = start_process("opener", business_key="HS-7")

    complete(_open(sending)[0].id, people["sct"], {"result": "hồ sơ 7"})

    started = db.session.scalar(select(ProcessInstance).where(
        ProcessInstance.business_key == "HS-7", ProcessInstance.id != sending.id))
    assert started.version.definition.key == "opened_by_message"
    assert [i.title for i in _open(started)] == ["Xử lý hồ sơ"]


def test_a_message_nobody_waits_for_is_kept_then_delivered(deploy, people):
    deploy(diagrams.sender())
    deploy(diagrams.receiver())
    sending = start_process("sender", business_key="QN-9")
    complete(_open(sending)[0].id, people["sct"], {"result": "sớm"})

    kept = db.session.scalar(select(PendingMessage))
    assert kept.name == "bao_cao_da_nop" and kept.correlation_key == "QN-9"
    assert kept.delivered_at is None

    late = start_process("receiver", business_key="QN-9")

    assert [i.title for i in _open(late)] == ["Tổng hợp"]
    db.session.refresh(kept)
    assert kept.delivered_at is not None
    assert _data(late)["received"] == "sớm"
