"""The instance whose scripts run now, so that a helper a script calls can ask about it: a
reminder reaches the people who hold the instance's open steps, not only their agency."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.extensions import db
from app.workflow.models import WorkItem, WorkItemStatus

_RUNNING: ContextVar = ContextVar("running_instance", default=None)
_SCRIPT_DATA: ContextVar = ContextVar("running_script_data", default=None)


@contextmanager
def running(instance):
    token = _RUNNING.set(instance)
    try:
        yield
    finally:
        _RUNNING.reset(token)


def waiting_steps(agency_id: int | None = None) -> list[WorkItem]:
    """The open steps of the instance whose script runs now (those of one agency, if given);
    none outside a script."""
    instance = _RUNNING.get()
    if instance is None or instance.id is None:
        return []
    query = select(WorkItem).where(WorkItem.instance_id == instance.id,
                                   WorkItem.status == WorkItemStatus.OPEN.value)
    if agency_id is not None:
        query = query.where(WorkItem.agency_id == agency_id)
    return list(db.session.scalars(query.order_by(WorkItem.id)))


@dataclass(frozen=True)
class Completion:
    user_id: int
    at: datetime  # naive UTC


def last_completion(task_name: str) -> Completion | None:
    """Who last completed the step `task_name` (its BPMN id) of the instance whose script
    runs now, and when: the lead who decided, for the helper that records the decision.
    None outside a script, or when nobody completed it."""
    instance = _RUNNING.get()
    if instance is None or instance.id is None:
        return None
    item = db.session.scalar(
        select(WorkItem).where(WorkItem.instance_id == instance.id,
                               WorkItem.task_name == task_name,
                               WorkItem.status == WorkItemStatus.COMPLETED.value)
        .order_by(WorkItem.completed_at.desc(), WorkItem.id.desc()).limit(1))
    if item is None or item.completed_by_id is None:
        return None
    return Completion(item.completed_by_id, item.completed_at)


@contextmanager
def script_data(data: dict):
    """The data of the script that runs now, for the helpers it calls."""
    token = _SCRIPT_DATA.set(data)
    try:
        yield
    finally:
        _SCRIPT_DATA.reset(token)


def running_work():
    """What the script that runs now is part of (its process, its plan item), so that a
    helper naming an ended agency reaches whoever holds that work now; ANY_WORK outside."""
    from app.auth.successions import ANY_WORK, Work

    instance, data = _RUNNING.get(), _SCRIPT_DATA.get() or {}
    if instance is None:
        return ANY_WORK
    item = data.get("item_code")
    return Work(item=str(item) if item else None, process=instance.version.definition.key)
