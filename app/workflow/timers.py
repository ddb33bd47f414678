"""Timers fire from a worker. Each instance records when its next timer is due, so a tick
looks only at what is due. On PostgreSQL each due instance is locked with
FOR UPDATE SKIP LOCKED while it runs, so several workers never fire one timer twice; on SQLite
(one writer at a time) the version counter turns a second firing into a harmless conflict."""

import logging

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError

from app.clock import utcnow
from app.extensions import db
from app.workflow import runtime
from app.workflow.models import InstanceStatus, ProcessInstance

log = logging.getLogger(__name__)


def _next_due(now, skip: set[int]):
    return db.session.scalar(
        select(ProcessInstance)
        .where(ProcessInstance.status == InstanceStatus.RUNNING.value,
               ProcessInstance.next_timer_at < now,  # SpiffWorkflow fires once it has passed
               ProcessInstance.id.not_in(skip) if skip else True)
        .order_by(ProcessInstance.next_timer_at)
        .limit(1)
        .with_for_update(skip_locked=True)
    )


def tick(limit: int = 500) -> int:
    """Fire the timers that are due; return how many instances moved."""
    now, moved, seen = utcnow(), 0, set()
    while moved < limit:
        instance = _next_due(now, seen)
        if instance is None:
            db.session.rollback()
            break
        seen.add(instance.id)
        try:
            workflow = runtime.load(instance)
            runtime.advance(instance, workflow)
            runtime.save(instance, workflow)
            db.session.commit()
            moved += 1
        except (StaleDataError, OperationalError):
            db.session.rollback()  # another worker or a person got there first
        except Exception as error:  # one broken instance must not stop the others' timers
            db.session.rollback()
            log.exception("timer of instance %s failed", instance.id)
            _set_aside(instance.id, error)
    return moved


def _set_aside(instance_id: int, error: Exception) -> None:
    """Mark an instance whose timer could not run as failed, so the admin sees why and the
    next tick, or a restarted worker, does not pick it first again."""
    try:
        instance = db.session.get(ProcessInstance, instance_id)
        runtime.fail(instance, runtime.describe(error))
        instance.next_timer_at = None
        db.session.commit()
    except Exception:  # the database itself is failing: the next tick tries again
        db.session.rollback()
        log.exception("instance %s could not be marked failed", instance_id)
