"""Correcting the data of an instance that is running or suspended: the new values reach
every task not done yet; the open steps whose assignee or deadline reads differently now
are given anew, and the waiting timers whose moment reads differently are set again.
Whatever the data did not change stays as it is: a claim, a release, a timer's moment."""

from SpiffWorkflow.bpmn.specs.event_definitions.timer import (
    DurationTimerEventDefinition,
    TimerEventDefinition,
)
from SpiffWorkflow.util.task import TaskState

from app.workflow import audit
from app.workflow.assignment import assignee_for, assignee_name
from app.workflow.runtime import due_at_of, find_task, open_work_items
from app.workflow.serializer import to_plain

# Every task not done: those waiting, and the subprocesses and multi-instance activities
# they run in, whose data the steps after them inherit.
NOT_DONE = TaskState.READY | TaskState.WAITING | TaskState.STARTED


def _quietly(read, *args):
    """The value, or None when the data cannot give one (it is then read again after)."""
    try:
        return read(*args)
    except Exception:
        return None


def _step_reading(task) -> tuple:
    return (_quietly(assignee_name, task.task_spec, task.data),
            _quietly(due_at_of, task, task.data))


def _timer_reading(workflow, task):
    return _quietly(workflow.script_engine.evaluate, task, task.task_spec.event_definition
                    .expression)


def _waiting_timers(workflow) -> list:
    return [task for task in workflow.get_tasks(state=TaskState.WAITING)
            if isinstance(getattr(task.task_spec, "event_definition", None),
                          TimerEventDefinition)]


def change(instance, workflow, values: dict, reason: str, actor) -> None:
    """Put `values` into the instance's data, recorded with the values they replace and the
    reason. Raises when the new data names nobody or no moment: the caller then rolls back."""
    steps = [(item, find_task(workflow, item.task_id))
             for item in open_work_items(instance).values()]
    steps = [(item, task) for item, task in steps if task is not None]
    timers = _waiting_timers(workflow)
    steps_before = {item.id: _step_reading(task) for item, task in steps}
    timers_before = {task.id: _timer_reading(workflow, task) for task in timers}

    replaced, live = {}, workflow.get_tasks(state=NOT_DONE)
    # ...and the tasks these take their data from again whenever the engine looks at them:
    # a boundary timer re-reads its activity's split, and its path runs with that data.
    parents = [task.parent for task in live if task.parent is not None]
    for task in {task.id: task for task in [*live, *parents]}.values():
        for key in values:
            replaced.setdefault(key, task.data.get(key))
        task.data.update(values)
    audit.record(instance, "data_changed", actor, reason=reason, values=to_plain(values),
                 before=to_plain(replaced))

    for item, task in steps:
        name, due_at = _step_reading(task)
        if name != steps_before[item.id][0]:
            _give_anew(instance, item, task, actor)
        elif due_at != steps_before[item.id][1]:
            item.due_at = due_at_of(task, task.data)
    for task in timers:
        reading = _timer_reading(workflow, task)
        if reading != timers_before[task.id]:
            _set_again(task, timers_before[task.id], reading)


def _set_again(task, old_reading, new_reading) -> None:
    """A timer whose expression reads differently now: a date is read again from the data; a
    duration still counts from when the timer began to wait; a repetition starts again."""
    event = task.task_spec.event_definition
    began = _quietly(_began, event, task._get_internal_data("event_value"), old_reading)
    task.internal_data.pop("event_fired", None)
    if began is None:
        # Forgotten: the engine reads it again from the data when it next looks at its
        # timers (at once for a running instance; when a suspended one resumes).
        task.internal_data.pop("event_value", None)
        return
    length = event.get_timedelta_from_start(event.parse_iso_duration(new_reading), began)
    task._set_internal_data(event_value=(began + length).isoformat())


def _began(event, moment, reading):
    """When a duration timer began to wait, from the moment it was due and its duration."""
    if not isinstance(event, DurationTimerEventDefinition) or not isinstance(moment, str):
        return None
    end = event.get_datetime(moment)
    return end - event.get_timedelta_from_end(event.parse_iso_duration(reading), end)


def _give_anew(instance, item, task, actor) -> None:
    """The step goes to whoever the data names now, due when it says; told anew."""
    assignee = assignee_for(task.task_spec, task.data)
    audience = (assignee.agency_id, assignee.group_id, assignee.role, assignee.required_role)
    moved = audience != (item.agency_id, item.group_id, item.role, item.required_role)
    if assignee.person is not None:
        item.claimed_by_id = item.assigned_to_id = assignee.person.id
    elif moved:
        # A claim by someone of the old audience lapses, and so does a naming.
        item.claimed_by_id = item.assigned_to_id = None
    item.agency_id, item.group_id, item.role, item.required_role = audience
    item.due_at, item.announced_at = due_at_of(task, task.data), None
    to = assignee.person or assignee.agency or assignee.group
    audit.record(instance, "step_reassigned", actor, item.task_name, title=item.title,
                 to=to.full_name if assignee.person else (to.name_vi if to else assignee.role),
                 due_at=item.due_at.isoformat() if item.due_at else None)
