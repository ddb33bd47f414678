"""Completing a step: the one write that people race on. Of two people on one step, one
wins and the other is told who; two steps of one instance completed at once both land."""

from functools import cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, func, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.attributes import set_committed_value

from app.clock import utcnow
from app.extensions import db
from app.races import commit_unless_raced, lost_a_lock
from app.workflow import attachments, audit, runtime
from app.workflow.errors import Conflict, InvalidInput
from app.workflow.labels import INSTANCE_STATUS
from app.workflow.models import InstanceStatus, ProcessInstance, WorkItem, WorkItemStatus
from app.workflow.operations import check_may_act, item_or_404, refuse_if_closed
from app.workflow.serializer import to_plain

ATTEMPTS = 5  # another step of the same process landing first is retried this often


class _OtherStepFirst(Exception):  # noqa: N818 - a signal within this module, not an error
    """Another step of the same instance was saved while this one ran: run it again on top."""


def complete(item_id: int, user, values: dict, files: dict | None = None) -> ProcessInstance:
    """Complete a step with its form's (already validated, typed) values and evidence files
    ({field id: (file name, bytes)}), and run the process on to its next wait. Of two people
    completing one step, one wins; the other gets AlreadyCompleted naming the winner, and
    nothing of theirs is saved. Two steps of one instance completed at once (two agencies
    answering) both land: the second runs again on top of the first."""
    for _ in range(ATTEMPTS):
        try:
            return _complete_once(item_id, user, values, files)
        except _OtherStepFirst:
            continue
        except OperationalError as error:
            # A helper of the diagram waited for rows another request held, and the database
            # broke the wait (a deadlock): nothing of ours was kept, so run it again.
            db.session.rollback()
            if not lost_a_lock(error):
                raise
    raise Conflict(_l("Someone else changed this process at the same moment. "
                      "Reload the page and try again."))


def _complete_once(item_id: int, user, values: dict, files: dict | None) -> ProcessInstance:
    item = item_or_404(item_id)
    refuse_if_closed(item)
    check_may_act(user, item)
    instance = item.instance
    if instance.status != InstanceStatus.RUNNING.value:
        raise Conflict(_l("The process is %(status)s; steps cannot be completed now.",
                          status=INSTANCE_STATUS[instance.status][0]))
    workflow = runtime.load(instance)
    task = runtime.find_task(workflow, item.task_id)
    if task is None or not task.has_state(runtime.TaskState.READY):
        _lost_race(item_id)  # the instance moved on between our reading the step and its state

    if not _take(item, user):
        _lost_race(item_id)

    values = dict(values)
    problems = {}
    for field_id, (filename, content) in (files or {}).items():
        try:
            stored = attachments.store(filename, content, instance=instance, work_item=item,
                                       field_id=field_id, user=user)
        except attachments.AttachmentError as error:
            problems[field_id] = [str(error)]
        else:
            values[field_id] = stored.describe()
    if problems:
        db.session.rollback()
        raise InvalidInput(problems)

    # Usually this step is the only one open: a running instance has an open item for
    # each ready user task and no other, so then no other item needs loading.
    others_open = len(workflow.get_tasks(state=runtime.TaskState.READY, manual=True)) > 1
    task.data.update(values)
    task.run()
    # The step's events (completed, and finished, a timer, a step cancelled...) are written
    # together, in one statement, once it has run.
    instance.unwritten_audit = []
    try:
        audit.record(instance, "completed", user, item.task_name, title=item.title,
                     values=to_plain(values))
        runtime.advance(instance, workflow, user)
        runtime.save(instance, workflow, user, known_open=None if others_open else {})
        audit.write_unwritten(instance)
    finally:
        instance.unwritten_audit = None
    if not commit_unless_raced():
        _lost_race(item_id)
    return instance


def _lost_race(item_id: int) -> None:
    """After losing a race: say who won if this step is done; run again if it is still open
    (another step of the instance came first); otherwise a plain conflict."""
    db.session.rollback()
    item = item_or_404(item_id)
    refuse_if_closed(item)
    raise _OtherStepFirst




@cache
def _take_statement():
    # Built once, as the hot path's other statements are.
    table = WorkItem.__table__
    return (update(table)
            .where(table.c.id == bindparam("item_id"),
                   table.c.status == WorkItemStatus.OPEN.value,
                   table.c.lock_version == bindparam("seen"))
            .values(status=WorkItemStatus.COMPLETED.value, completed_by_id=bindparam("user_id"),
                    completed_at=bindparam("at"),
                    claimed_by_id=func.coalesce(table.c.claimed_by_id, bindparam("user_id")),
                    lock_version=table.c.lock_version + 1))


def _take(item: WorkItem, user) -> bool:
    """Mark the step done by `user` at once, if it is still open as we read it: of two people
    on one step, the second stops here (on PostgreSQL, once the first commits) before
    running anything. False when someone else changed it first."""
    at = utcnow()
    try:
        taken = db.session.execute(_take_statement(), {
            "item_id": item.id, "seen": item.lock_version, "user_id": user.id, "at": at,
        }).rowcount == 1
    except OperationalError as error:
        if "locked" not in str(error.orig):
            raise  # a broken database is no race
        taken = False
    if taken:  # what the row now says, without the ORM writing it again
        for name, value in (("status", WorkItemStatus.COMPLETED.value),
                            ("completed_by_id", user.id), ("completed_at", at),
                            ("claimed_by_id", item.claimed_by_id or user.id),
                            ("lock_version", item.lock_version + 1)):
            set_committed_value(item, name, value)
    return taken
