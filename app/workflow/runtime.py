"""One step of an instance: load it, run the engine, and write back state, work items, the
next timer and the audit trail, all in the caller's transaction."""

from datetime import UTC, date, datetime, time
from uuid import UUID

from flask_babel import lazy_gettext as _l
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.events.intermediate_event import EventBasedGateway
from SpiffWorkflow.bpmn.specs.mixins.multiinstance_task import LoopTask
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from app.clock import LOCAL_TZ, utcnow
from app.extensions import db
from app.races import database_error
from app.workflow import audit, messages, sandbox, serializer, spiff_clock
from app.workflow.assignment import assignee_for
from app.workflow.expressions import expression_of, literal_timer
from app.workflow.inbox import search_text
from app.workflow.models import InstanceStatus, ProcessInstance, WorkItem, WorkItemStatus
from app.workflow.running import running
from app.workflow.sandbox_limits import ScriptLimitExceeded
from app.workflow.script_engine import SCRIPT_ENGINE
from app.workflow.specs import diagram_for
from app.workflow.spiff_workflow import Workflow
from app.workflow.waiting import waiting_events

spiff_clock.install()


def new_workflow(version) -> Workflow:
    diagram = diagram_for(version)
    return Workflow(diagram.spec, diagram.subprocess_specs, script_engine=SCRIPT_ENGINE)


def load(instance: ProcessInstance) -> Workflow:
    diagram = diagram_for(instance.version)
    return serializer.loads(instance.state, diagram.spec, diagram.subprocess_specs)


def find_task(workflow: Workflow, task_id: str):
    try:
        return workflow.get_task_from_id(UUID(task_id))
    except Exception:  # an unknown or malformed id is simply no task
        return None


def failed_tasks(workflow: Workflow) -> list:
    # Asked for ERROR alone, SpiffWorkflow's iterator does not look under unfinished tasks,
    # where a failed step of a parallel multi-instance activity is.
    return [task for task in workflow.get_tasks(state=TaskState.ERROR | TaskState.DEFINITE_MASK)
            if task.state == TaskState.ERROR]


def shown_task(workflow: Workflow):
    """The task whose data an instance's page shows: the failed one, else the first step
    waiting for people, else the last one that ran."""
    failed = failed_tasks(workflow)
    ready = workflow.get_tasks(state=TaskState.READY, manual=True)
    return (failed or ready or [workflow.last_task or workflow.task_tree])[0]


def merge_finished_children(workflow: Workflow) -> int:
    """Hand each loop the finished children it never heard of (instances that stalled before
    specs were settled when parsed; see settled_specs); return how many. Retry calls it."""
    merged = 0
    for task in workflow.get_tasks(state=TaskState.STARTED):
        spec = task.task_spec
        if not isinstance(spec, LoopTask):
            continue
        for child in list(task.children):
            if (child.task_spec.name == spec.task_spec and child.state == TaskState.COMPLETED
                    and str(child.id) not in task.internal_data.get("merged", [])):
                spec.merge_child(workflow, child)
                merged += 1
    return merged


def describe(error: Exception) -> str:
    task = getattr(error, "task", None)
    where = ""
    if task is not None:
        spec = task.task_spec
        where = f"{getattr(spec, 'bpmn_name', None) or getattr(spec, 'bpmn_id', spec.name)}: "
    cause = error.__cause__ or error.__context__  # what the script itself raised
    if isinstance(cause, sandbox.SandboxError | ScriptLimitExceeded):
        text = str(cause)  # already written for people, without the class name
        line = getattr(error, "line_number", 0)
        if line:
            text = str(_l("%(reason)s (line %(line)s of the script)", reason=text.rstrip("."),
                          line=line))
    else:
        text = " ".join(str(error).split())
    return f"{where}{text}"[:1000]


def advance(instance: ProcessInstance, workflow: Workflow, actor=None,
            depth: int = 0) -> None:
    """Run every engine step that is ready (scripts, gateways, timers that are due, messages
    kept for it), then deliver the messages it threw. A failing script or expression puts the
    instance in error with a readable message."""

    def fired(task):
        for spec, event in _caught(task):
            if isinstance(event, TimerEventDefinition):
                audit.record(instance, "timer", None, spec.bpmn_id,
                             name=spec.bpmn_name or event.name)

    try:
        with running(instance):  # for the helpers its scripts call
            workflow.refresh_timers()
            workflow.do_engine_steps(did_complete_task=fired)
            while messages.deliver_pending(instance, workflow, actor):
                workflow.do_engine_steps(did_complete_task=fired)
        messages.route(instance, workflow, actor, depth)
    except Exception as error:  # whatever a diagram does wrong, the instance fails, not the page
        broken = database_error(error)
        if broken is not None:  # not the diagram's fault: the caller's transaction is lost
            raise broken from error
        fail(instance, describe(error), actor)


def _caught(task) -> list:
    """(spec, event) for what a completed task caught. SpiffWorkflow moves the events after an
    event-based gateway onto the gateway itself: there, the one caught is the path taken."""
    spec = task.task_spec
    if isinstance(spec, EventBasedGateway):
        events = spec.event_definition.event_definitions
        return [(child.task_spec, events[spec.outputs.index(child.task_spec)])
                for child in task.children]
    return [(spec, getattr(spec, "event_definition", None))]


def fail(instance: ProcessInstance, message: str, actor=None, **details) -> None:
    instance.status = InstanceStatus.ERROR.value
    instance.error_message = message
    audit.record(instance, "error", actor, message=message, **details)


STALLED = _l("The process stopped: no step is open and it waits for no timer or message. "
             "Retry it to run it on.")


def _stalled(instance: ProcessInstance, workflow: Workflow) -> bool:
    """Running, yet nothing can ever move it: no open step, no timer, no message awaited."""
    return (instance.status == InstanceStatus.RUNNING.value and not instance.saved_open_items
            and not workflow.is_completed() and not workflow.waiting_events())


def due_at_of(task, data) -> datetime | None:
    raw = (task.task_spec.extensions or {}).get("dueDate")
    if not raw:
        return None
    value = literal_timer(raw) or sandbox.evaluate(expression_of(raw) or raw, data)
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if not isinstance(value, datetime):  # a day: the end of it, in Vietnam
        value = datetime.combine(value, time(23, 59, 59))
    if value.tzinfo is None:
        value = value.replace(tzinfo=LOCAL_TZ)
    return value.astimezone(UTC).replace(tzinfo=None)


def _next_timer(workflow: Workflow) -> datetime | None:
    due = []
    for event in waiting_events(workflow):
        value = event.value
        if "Timer" not in event.event_type and "TimeDate" not in event.event_type:
            continue
        if isinstance(value, dict):
            value = value.get("next")
        if isinstance(value, str):
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=spiff_clock.VIETNAM)
            due.append(moment.astimezone(UTC).replace(tzinfo=None))
    return min(due, default=None)


def open_work_items(instance) -> dict[str, WorkItem]:
    """Open items as this transaction sees them: the query runs without flushing, and an
    item this request has just closed (in memory, not yet flushed) is left out."""
    with db.session.no_autoflush:
        items = db.session.scalars(select(WorkItem).where(
            WorkItem.instance_id == instance.id, WorkItem.status == WorkItemStatus.OPEN.value))
        return {item.task_id: item for item in items
                if item.status == WorkItemStatus.OPEN.value}


def _sync_work_items(instance: ProcessInstance, workflow: Workflow, actor,
                     known_open: dict | None) -> list[WorkItem]:
    """Cancel the items whose task is gone, add one for each new ready user task; return the
    items open now."""
    ready = {str(t.id): t for t in workflow.get_tasks(state=TaskState.READY, manual=True)}
    existing = open_work_items(instance) if known_open is None else known_open
    still_open = []
    for task_id, item in existing.items():
        if task_id in ready:
            still_open.append(item)
            continue
        item.status = WorkItemStatus.CANCELLED.value
        item.completed_at = utcnow()
        audit.record(instance, "cancelled", None, item.task_name, title=item.title)
    added, process_key = [], diagram_for(instance.version).process_id
    for task_id, task in ready.items():
        if task_id in existing or instance.status == InstanceStatus.ERROR.value:
            continue
        try:
            assignee = assignee_for(task.task_spec, task.data)
            due_at = due_at_of(task, task.data)
        except Exception as error:  # a bad candidateGroups or dueDate fails the instance
            # The step is marked failed, so that the admin sees and fixes its data, and a
            # retry gives it (and the others ready with it) to people.
            task._set_state(TaskState.ERROR)
            fail(instance, describe(error), actor)
            return still_open
        spec = task.task_spec
        item = WorkItem(
            instance_id=instance.id, task_id=task_id, task_name=spec.bpmn_id,
            title=spec.bpmn_name or spec.bpmn_id, process_key=process_key,
            subject=instance.subject, due_at=due_at, role=assignee.role,
            agency_id=assignee.agency_id, group_id=assignee.group_id,
            required_role=assignee.required_role,
            claimed_by_id=assignee.person.id if assignee.person else None,
            assigned_to_id=assignee.person.id if assignee.person else None,
            search_text=search_text(spec.bpmn_name or spec.bpmn_id, instance),
        )
        # Whoever shows the new item reads these from here, not from the database.
        for name, value in (("instance", instance), ("agency", assignee.agency),
                            ("group", assignee.group)):
            set_committed_value(item, name, value)
        added.append(item)
    if instance.id is not None:  # else start_process adds them once the instance has its id
        db.session.add_all(added)
    return still_open + added


def save(instance: ProcessInstance, workflow: Workflow, actor=None, *,
         known_open: dict | None = None) -> None:
    """Write the workflow's state and everything derived from it onto the instance.
    `known_open` ({task id: item}) spares the query for its open items when the caller
    knows them. The writes are flushed once, at commit: the lookups here never need them."""
    with db.session.no_autoflush:
        _save(instance, workflow, actor, known_open)


def _save(instance: ProcessInstance, workflow: Workflow, actor,
          known_open: dict | None) -> None:
    if workflow.is_completed() and instance.status == InstanceStatus.RUNNING.value:
        instance.status = InstanceStatus.COMPLETED.value
        instance.ended_at = utcnow()
        audit.record(instance, "finished", None)
    instance.saved_open_items = _sync_work_items(instance, workflow, actor, known_open)
    if _stalled(instance, workflow):
        fail(instance, str(STALLED), actor, stalled=True)
    if diagram_for(instance.version).catches_messages:
        messages.subscribe(instance, workflow)
    instance.state = serializer.dumps(workflow)
    is_running = instance.status == InstanceStatus.RUNNING.value
    instance.next_timer_at = _next_timer(workflow) if is_running else None
