"""The audit trail: every start, claim, completion, timer, message, error and admin action."""

from sqlalchemy import insert

from app.clock import utcnow
from app.extensions import db
from app.workflow.models import AuditEvent

_INSERT = insert(AuditEvent.__table__)


def record(instance, kind: str, actor=None, task_name: str | None = None, **details) -> None:
    """Written at once, in the caller's transaction: a plain insert (no ORM object to track
    and flush) on the hot path of every step."""
    db.session.execute(_INSERT, {
        "instance_id": instance.id, "at": utcnow(), "actor_id": getattr(actor, "id", None),
        "kind": kind, "task_name": task_name, "details": details,
    })
