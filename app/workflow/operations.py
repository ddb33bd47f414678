"""The writes of the engine: start, claim, hand over, and the admin's actions (completing a
step is completing.py). Each runs in one transaction and commits; a lost race raises
Conflict and leaves nothing behind."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from app.auth.models import User
from app.auth.roles import Role
from app.clock import utcnow
from app.extensions import db
from app.races import commit_unless_raced
from app.workflow import audit, corrections, runtime
from app.workflow.assignment import may_hold, may_take
from app.workflow.definitions import published_version
from app.workflow.errors import (
    AlreadyCompleted,
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    WorkflowError,
)
from app.workflow.labels import INSTANCE_STATUS
from app.workflow.models import InstanceStatus, ProcessInstance, WorkItem, WorkItemStatus
from app.workflow.serializer import to_plain
from app.workflow.signals import data_changed, instance_terminated
from app.workflow.specs import diagram_for
from app.workflow.starting import may_start


def _commit_or_conflict(after_conflict=None) -> None:
    """Commit; if another request changed the instance first, undo everything of ours."""
    if commit_unless_raced():
        return
    if after_conflict is not None:
        after_conflict()
    raise Conflict(_l("Someone else changed this process at the same moment. "
                      "Reload the page and try again."))


def start_process(key: str, *, user=None, business_key=None, subject=None, data=None,
                  on_behalf_of=None, commit: bool = True):
    """Start the newest published version of `key`. With a user, only if they may start it
    (camunda:candidateStarterGroups); without one, as the system (seeding, messages), or on
    behalf of the person a module acted for (a coordinator's launch page), who is recorded
    as the starter without being checked against the starters. With commit=False the
    caller commits: a module that starts several as one whole (a report round) does."""
    version = published_version(key)
    if version is None:
        raise NotFound(_l("No published process '%(key)s'.", key=key))
    if user is not None and not may_start(user, version):
        raise Forbidden(_l("You may not start this process."))
    user = user or on_behalf_of
    workflow = runtime.new_workflow(version)
    for task in workflow.get_tasks(state=runtime.TaskState.READY):
        task.data.update(data or {})
    instance = ProcessInstance(
        version_id=version.id, business_key=business_key, started_by_id=getattr(user, "id", None),
        subject=str(subject or (data or {}).get("subject") or business_key
                    or version.definition.name)[:500],
        state="{}", started_at=utcnow(), status=InstanceStatus.RUNNING.value,
    )
    set_committed_value(instance, "version", version)
    # Run to the first wait, then insert the row with its state: one statement, not an
    # INSERT and an UPDATE. A process with messages is written first: they name their
    # sender by its id.
    written_first = diagram_for(version).uses_messages
    if written_first:
        db.session.add(instance)
        db.session.flush()
    else:
        instance.unwritten_audit = []
    audit.record(instance, "started", user, version=version.number, data=to_plain(data or {}))
    runtime.advance(instance, workflow, user)
    runtime.save(instance, workflow, user, known_open={})  # a new instance has none
    if not written_first:
        _write_new(instance)
    if commit:
        db.session.commit()
    else:
        db.session.flush()
    return instance


def _write_new(instance: ProcessInstance) -> None:
    """Insert a new instance that ran to its first wait, then what it recorded meanwhile:
    its audit events and its open steps, which need its id."""
    db.session.add(instance)
    db.session.flush()
    audit.write_unwritten(instance)
    for item in instance.saved_open_items or []:
        item.instance_id = instance.id
    db.session.add_all(instance.saved_open_items or [])


def item_or_404(item_id: int) -> WorkItem:
    item = db.session.get(WorkItem, item_id)
    if item is None:
        raise NotFound(_l("This step does not exist."))
    return item


def refuse_if_closed(item: WorkItem) -> None:
    if item.status == WorkItemStatus.COMPLETED.value:
        who = item.completed_by.full_name if item.completed_by else None
        raise AlreadyCompleted(who, item.completed_at)
    if item.status != WorkItemStatus.OPEN.value:
        raise Conflict(_l("This step is no longer open: the process moved on without it."))


def check_may_act(user, item: WorkItem) -> None:
    if not may_take(user, item):
        raise Forbidden(_l("This step is not assigned to you or your agency."))
    if item.claimed_by_id not in (None, user.id):
        raise Forbidden(_l("%(name)s has claimed this step.", name=item.claimed_by.full_name))


def claim(item_id: int, user) -> WorkItem:
    item = item_or_404(item_id)
    refuse_if_closed(item)
    check_may_act(user, item)
    if item.claimed_by_id != user.id:
        item.claimed_by_id = user.id
        audit.record(item.instance, "claimed", user, item.task_name, title=item.title)
        _commit_or_conflict()
        _holder_changed(item)
    return item


def _holder_changed(item: WorkItem) -> None:
    """Read who holds the step anew: its read-only relationships do not follow their ids,
    and the session keeps what it loaded across commits."""
    db.session.expire(item, ["claimed_by", "assigned_to"])


def unclaim(item_id: int, user) -> WorkItem:
    """Give a claimed step back to its agency. A step given to its holder by name stays
    theirs: they hand it to a colleague (hand_over), or an admin or the coordinator frees it
    (release)."""
    item = item_or_404(item_id)
    refuse_if_closed(item)
    if item.claimed_by_id != user.id:
        raise Forbidden(_l("Only the person who claimed a step can release it."))
    if item.assigned_to_id is not None:
        raise Forbidden(_l("This step was given to you by name: hand it to a colleague, or "
                           "ask the coordinator to release it to your agency."))
    item.claimed_by_id = None
    audit.record(item.instance, "unclaimed", user, item.task_name, title=item.title)
    _commit_or_conflict()
    _holder_changed(item)
    return item


def may_release(user) -> bool:
    return user.has_any_role(Role.ADMIN, Role.COORDINATOR)


def release(item_id: int, actor) -> WorkItem:
    """An admin or the coordinator frees a step someone holds (a person who left, a case
    given to someone who is away): it goes back to its agency, group or role for anyone
    there to take, even a step given to that person by name."""
    if not may_release(actor):
        raise Forbidden(_l("Only an administrator or the coordinator can release a step."))
    item = item_or_404(item_id)
    refuse_if_closed(item)
    if item.claimed_by_id is None:
        return item
    holder = item.claimed_by.full_name
    item.claimed_by_id = item.assigned_to_id = None
    item.announced_at = None  # its agency is told of it anew
    audit.record(item.instance, "released", actor, item.task_name, title=item.title,
                 held_by=holder)
    _commit_or_conflict()
    _holder_changed(item)
    return item


def colleagues_for(item: WorkItem, user) -> list:
    """Whom the holder of a step may hand it to: the active people of the holder's agency,
    other than the holder, who may take such a step."""
    holder = item.claimed_by or user
    people = db.session.scalars(select(User).where(
        User.agency_id == holder.agency_id, User.active.is_(True), User.id != holder.id)
        .order_by(User.full_name))
    return [person for person in people if may_hold(person, item)]


def hand_over(item_id: int, user, colleague_id: int, reason: str) -> WorkItem:
    """The holder of a step (or an admin or the coordinator for them) hands it to a named
    colleague of the same agency, with a reason (leave, a busy week): it is the colleague's
    now, given by name if it was, and they are told."""
    reason = " ".join((reason or "").split())
    item = item_or_404(item_id)
    refuse_if_closed(item)
    if item.claimed_by_id is None:
        raise Conflict(_l("Nobody holds this step: claim it first."))
    if item.claimed_by_id != user.id and not may_release(user):
        raise Forbidden(_l("Only the person who holds a step can hand it over."))
    problems = {}
    colleague = next((person for person in colleagues_for(item, user)
                      if person.id == colleague_id), None)
    if colleague is None:
        problems["colleague"] = [str(_l("Choose a colleague of the same agency who may "
                                        "take this step."))]
    if not reason:
        problems["reason"] = [str(_l("Say why the step is handed over."))]
    elif len(reason) > 500:
        problems["reason"] = [str(_l("At most %(n)d characters.", n=500))]
    if problems:
        raise InvalidInput(problems)
    holder = item.claimed_by.full_name
    item.claimed_by_id = colleague.id
    if item.assigned_to_id is not None:
        item.assigned_to_id = colleague.id
    item.announced_at = None  # the worker tells the colleague
    audit.record(item.instance, "handed_over", user, item.task_name, title=item.title,
                 held_by=holder, to=colleague.full_name, reason=reason)
    _commit_or_conflict()
    _holder_changed(item)
    return item


def instance_or_404(instance_id: int) -> ProcessInstance:
    instance = db.session.get(ProcessInstance, instance_id)
    if instance is None:
        raise NotFound(_l("This process instance does not exist."))
    return instance


def _set_status(instance_id: int, user, allowed: set[str], status: str, kind: str):
    instance = instance_or_404(instance_id)
    if instance.status not in allowed:
        raise WorkflowError(_l("Not possible while the process is %(status)s.",
                               status=INSTANCE_STATUS[instance.status][0]))
    instance.status = status
    audit.record(instance, kind, user)
    if status == InstanceStatus.RUNNING.value:
        # Resumed: it runs on at once, as if it had never stopped: timers that came due
        # fire, messages kept for it arrive, and it waits again for those it waits for.
        workflow = runtime.load(instance)
        runtime.advance(instance, workflow, user)
        runtime.save(instance, workflow, user)
    if status == InstanceStatus.TERMINATED.value:
        instance.ended_at, instance.next_timer_at = utcnow(), None
        for item in db.session.scalars(select(WorkItem).where(
                WorkItem.instance_id == instance.id,
                WorkItem.status == WorkItemStatus.OPEN.value)):
            item.status = WorkItemStatus.CANCELLED.value
        instance_terminated.send(instance, actor=user)
    _commit_or_conflict()
    return instance


def suspend(instance_id: int, user):
    return _set_status(instance_id, user, {InstanceStatus.RUNNING.value},
                       InstanceStatus.SUSPENDED.value, "suspended")


def resume(instance_id: int, user):
    return _set_status(instance_id, user, {InstanceStatus.SUSPENDED.value},
                       InstanceStatus.RUNNING.value, "resumed")


def terminate(instance_id: int, user):
    open_states = {InstanceStatus.RUNNING.value, InstanceStatus.SUSPENDED.value,
                   InstanceStatus.ERROR.value}
    return _set_status(instance_id, user, open_states, InstanceStatus.TERMINATED.value,
                       "terminated")


def cancel(instance_id: int, actor, reason: str) -> bool:
    """End an open instance because what it was for is over (a registration withdrawn, a
    class cancelled), in the caller's transaction: its open steps are cancelled and the
    reason is in its timeline. False when it had ended already. Unlike terminate (an
    admin's act), no signal is sent: the module calling it has done its part."""
    instance = instance_or_404(instance_id)
    open_states = {InstanceStatus.RUNNING.value, InstanceStatus.SUSPENDED.value,
                   InstanceStatus.ERROR.value}
    if instance.status not in open_states:
        return False
    instance.status = InstanceStatus.TERMINATED.value
    instance.ended_at, instance.next_timer_at = utcnow(), None
    audit.record(instance, "cancelled_by_module", actor, reason=reason)
    for item in db.session.scalars(select(WorkItem).where(
            WorkItem.instance_id == instance.id, WorkItem.status == WorkItemStatus.OPEN.value)):
        item.status = WorkItemStatus.CANCELLED.value
        item.completed_at = utcnow()
    db.session.flush()
    return True


def retry(instance_id: int, user, data: dict | None = None):
    """Fix a failed instance: optionally replace the failed step's data, then run it again."""
    instance = instance_or_404(instance_id)
    if instance.status != InstanceStatus.ERROR.value:
        raise WorkflowError(_l("Only a failed process can be retried."))
    workflow = runtime.load(instance)
    runtime.merge_finished_children(workflow)
    failed = runtime.failed_tasks(workflow)
    for task in failed:
        task._set_state(runtime.TaskState.READY)
        if data is not None:
            task.data = dict(data)
    instance.status = InstanceStatus.RUNNING.value
    instance.error_message = None
    audit.record(instance, "retried", user, data_changed=data is not None)
    runtime.advance(instance, workflow, user)
    runtime.save(instance, workflow, user)
    _commit_or_conflict()
    return instance


def change_data(instance_id: int, user, values: dict, reason: str) -> ProcessInstance:
    """Correct the data of a running or suspended instance (the caller checks who may); see
    corrections.py. Refused, with nothing written, when the new data names nobody."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput({"reason": [str(_l("Say why the data is changed."))]})
    instance = instance_or_404(instance_id)
    if instance.status not in (InstanceStatus.RUNNING.value, InstanceStatus.SUSPENDED.value):
        raise WorkflowError(_l("Not possible while the process is %(status)s.",
                               status=INSTANCE_STATUS[instance.status][0]))
    workflow = runtime.load(instance)
    try:
        with db.session.no_autoflush:
            corrections.change(instance, workflow, values, reason, user)
    except Exception as error:  # the new data names no one, or no date: change nothing
        db.session.rollback()
        raise InvalidInput({"values": [runtime.describe(error)]}) from None
    data_changed.send(instance, values=values, actor=user)
    if instance.status == InstanceStatus.RUNNING.value:
        runtime.advance(instance, workflow, user)  # re-reads its timers; a moment past fires
    runtime.save(instance, workflow, user)
    _commit_or_conflict()
    return instance


def move_open_work(old_agency, *, successor, **_) -> None:
    """An agency was merged: its open steps go to the agency that carries its work now."""
    items = db.session.scalars(select(WorkItem).where(
        WorkItem.agency_id == old_agency.id, WorkItem.status == WorkItemStatus.OPEN.value))
    for item in items:
        item.agency_id = successor.id
        audit.record(item.instance, "reassigned", None, item.task_name, title=item.title,
                     from_agency=old_agency.code, to_agency=successor.code)
