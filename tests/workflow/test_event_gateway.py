"""An event-based gateway waits for whichever comes first, a message or a moment: both must
reach the engine (SpiffWorkflow lists the gateway as one unnamed "multiple" event; the
subscriptions and the timer worker look inside it)."""

from datetime import datetime

from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.workflow.models import ProcessInstance, WorkItem
from app.workflow.timers import tick
from tests.workflow import diagrams


def _open_titles(instance) -> list[str]:
    return list(db.session.scalars(select(WorkItem.title).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")))


def test_the_message_wins_when_it_comes_first(deploy, people, clock):
    deploy(diagrams.race())
    instance = workflow.start_process("race", business_key="BC-1")
    db.session.commit()
    assert instance.next_timer_at == datetime(2025, 6, 9, 1, 0)  # 08:00 in Quảng Ngãi
    assert workflow.send_message("bao_cao_da_nop", "BC-1") == 1
    db.session.commit()
    assert _open_titles(instance) == ["Tổng hợp"]
    clock.current = datetime(2025, 6, 9, 1, 1)
    assert tick() == 0  # the timer left with the gateway


def test_the_moment_wins_when_no_message_comes(deploy, people, clock):
    deploy(diagrams.race())
    instance = workflow.start_process("race", business_key="BC-2")
    db.session.commit()
    clock.current = datetime(2025, 6, 9, 1, 1)
    assert tick() == 1
    instance = db.session.get(ProcessInstance, instance.id)
    db.session.refresh(instance)
    assert _open_titles(instance) == ["Nhắc nộp"]
    assert workflow.send_message("bao_cao_da_nop", "BC-2") == 0
