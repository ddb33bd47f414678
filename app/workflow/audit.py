"""The audit trail: every start, claim, completion, timer, message, error and admin action."""

from sqlalchemy import insert

from app.clock import utcnow
from app.extensions import db
from app.workflow.models import AuditEvent

_INSERT = insert(AuditEvent.__table__)


def record(instance, kind: str, actor=None, task_name: str | None = None, **details) -> None:
    """Written at once, in the caller's transaction: a plain insert (no ORM object to track
    and flush) on the hot path of every step. An instance whose `unwritten_audit` is a list
    keeps its events there until write_unwritten: a new instance not yet written (it runs to
    its first wait before its row is inserted, see operations.start_process), or one whose
    step is being completed (its events go in one statement)."""
    row = {"instance_id": instance.id, "at": utcnow(), "actor_id": getattr(actor, "id", None),
           "kind": kind, "task_name": task_name, "details": details}
    if instance.unwritten_audit is not None:
        instance.unwritten_audit.append(row)
        return
    db.session.execute(_INSERT, row)


def write_unwritten(instance) -> None:
    """Write the events an instance kept (a new one's once it has its id), in one statement."""
    rows, instance.unwritten_audit = instance.unwritten_audit, None
    for row in rows:
        row["instance_id"] = instance.id
    if rows:
        db.session.execute(_INSERT, rows)
