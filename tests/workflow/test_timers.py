"""Timers fire from the worker, by the clock the tests control."""

import threading
from pathlib import Path

from sqlalchemy import func, select

from app.extensions import db
from app.workflow import add_version, complete, start_process
from app.workflow.models import AuditEvent, ProcessInstance, WorkItem
from app.workflow.timers import tick

DEMO = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "demo_report.bpmn"


def _reminders(instance_id=None):
    query = select(func.count(AuditEvent.id)).where(AuditEvent.kind == "timer")
    if instance_id:
        query = query.where(AuditEvent.instance_id == instance_id)
    return db.session.scalar(query)


def _to_implementation(people, agencies):
    from tests import factories

    stttt = factories.make_user(f"giao{db.session.scalar(select(func.count(WorkItem.id)))}",
                                agency_code="STTTT")
    instance = start_process("demo_report", subject="Hội chợ OCOP")
    assign = db.session.scalar(select(WorkItem).where(WorkItem.instance_id == instance.id))
    complete(assign.id, stttt, {"noi_dung": "Tổ chức hội chợ OCOP", "loai": "thuong_xuyen",
                                "khan": False, "can_phoi_hop": False})
    return instance


def test_the_reminder_fires_when_its_time_comes(agencies, people, clock):
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    instance = _to_implementation(people, agencies)
    db.session.refresh(instance)
    assert instance.next_timer_at is not None

    clock.advance(minutes=1, seconds=59)
    assert tick() == 0
    clock.advance(seconds=2)
    assert tick() == 1

    assert _reminders(instance.id) == 1
    db.session.refresh(instance)
    assert instance.status == "running" and instance.next_timer_at is None
    open_titles = db.session.scalars(select(WorkItem.title).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")).all()
    assert open_titles == ["Thực hiện và báo cáo"]  # a reminder does not take the step away
    assert tick() == 0


def test_a_tick_looks_only_at_what_is_due(agencies, people, clock):
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    first = _to_implementation(people, agencies)
    clock.advance(minutes=1)
    _to_implementation(people, agencies)
    clock.advance(minutes=1, seconds=1)

    assert tick() == 1
    assert _reminders(first.id) == 1 and _reminders() == 1


def test_two_workers_never_fire_one_timer_twice(app, agencies, people, clock):
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    instances = [_to_implementation(people, agencies).id for _ in range(6)]
    clock.advance(minutes=3)
    db.session.commit()
    barrier = threading.Barrier(2, timeout=30)
    moved = []

    def worker():
        with app.app_context():
            barrier.wait()
            moved.append(tick())
            db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sum(moved) == len(instances)
    assert all(_reminders(i) == 1 for i in instances)
    assert db.session.scalar(select(func.count(ProcessInstance.id)).where(
        ProcessInstance.next_timer_at.is_not(None))) == 0


def test_a_timer_after_an_event_based_gateway_is_in_the_audit_trail_once(agencies, clock):
    from tests.workflow import diagrams

    add_version(diagrams.race(at="2025-06-09T08:00:00"), "race.bpmn", publish=True)
    instance = start_process("race", subject="Nhắc nộp báo cáo")
    clock.advance(days=7)
    assert tick() == 1
    assert tick() == 0
    assert _reminders(instance.id) == 1
