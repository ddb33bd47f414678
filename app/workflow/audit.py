"""The audit trail: every start, claim, completion, timer, message, error and admin action."""

from app.clock import utcnow
from app.extensions import db
from app.workflow.models import AuditEvent


def record(instance, kind: str, actor=None, task_name: str | None = None, **details) -> None:
    db.session.add(AuditEvent(
        instance_id=instance.id, at=utcnow(), actor_id=getattr(actor, "id", None),
        kind=kind, task_name=task_name, details=details,
    ))
