"""Correcting the data of an instance that is running or suspended: the new values reach
every task not done yet; the open steps whose assignee or deadline reads differently now
are given anew, and the waiting timers whose moment reads differently are set again.
Whatever the data did not change stays as it is: a claim, a release, a timer's moment."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from SpiffWorkflow.bpmn.specs.event_definitions.timer import (
    DurationTimerEventDefinition,
    TimerEventDefinition,
)
from SpiffWorkflow.util.task import TaskState

from app.workflow import audit
from app.workflow.assignment import assignee_for, assignee_name
from app.workflow.datafields import ISO_DAY, ISO_MOMENT, declared_fields, typed
from app.workflow.formschema import FieldSchema
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


# What an admin's correction form offers -----------------------------------------------------

@dataclass(frozen=True)
class Correctable:
    """One value of an instance's data an admin may correct: labelled and typed as the
    diagram declares it (or, for a variable no form declares, as its value reads), with how
    the data keeps it: "value" as it is typed, "iso" a day or a moment written as text."""

    field: FieldSchema  # type string/long/boolean/date/enum, or "moment" (a day and a time)
    value: object  # the current value, typed for the form
    stored: str = "value"

    @property
    def key(self) -> str:
        return self.field.id


def _fits(schema: FieldSchema, raw) -> bool:
    """Whether the value is of the type its field declares (a script may set another)."""
    if raw is None:
        return True
    if schema.type == "long":
        return isinstance(raw, int) and not isinstance(raw, bool)
    if schema.type == "boolean":
        return isinstance(raw, bool)
    if schema.type == "date":
        return isinstance(raw, date) and not isinstance(raw, datetime) or \
            isinstance(raw, str) and bool(ISO_DAY.match(raw))
    return isinstance(raw, str)


def _read(key: str, raw, schema: FieldSchema | None) -> Correctable | None:
    if schema is not None and schema.type == "file":
        return None
    if schema is not None and _fits(schema, raw):
        if schema.type == "date" and isinstance(raw, str):
            return Correctable(schema, typed(schema, raw), "iso")
        return Correctable(schema, typed(schema, raw))
    if schema is not None:  # typed as the value reads, labelled as declared
        found = _read(key, raw, None)
        return found and Correctable(replace(found.field, label=schema.label), found.value,
                                     found.stored)
    kind, stored, value = None, "value", raw
    if isinstance(raw, bool):
        kind = "boolean"
    elif isinstance(raw, int):
        kind = "long"
    elif isinstance(raw, datetime):
        return None  # the data keeps none; were one there, it is read only
    elif isinstance(raw, date):
        kind = "date"
    elif isinstance(raw, str) and ISO_DAY.match(raw):
        kind, stored, value = "date", "iso", date.fromisoformat(raw)
    elif isinstance(raw, str) and ISO_MOMENT.match(raw):
        kind, stored, value = "moment", "iso", datetime.fromisoformat(raw)
    elif isinstance(raw, str):
        kind = "string"
    if kind is None:
        return None  # lists, records, nothing yet: shown, not corrected here
    multiline = kind == "string" and ("\n" in raw or len(raw) > 80)
    return Correctable(FieldSchema(id=key, label=key, type=kind, multiline=multiline), value,
                       stored)


def correctable(instance, data: dict) -> list[Correctable]:
    """The values of `data` (the instance's, as its page shows them) an admin may correct:
    those its diagram declares first, in their order, then its other variables."""
    declared = declared_fields(instance.version)
    found = [_read(key, data[key], schema) for key, schema in declared.items() if key in data]
    found += [_read(key, value, None) for key, value in data.items() if key not in declared]
    return [item for item in found if item is not None]


def stored_value(item: Correctable, value):
    """A value from the form, kept as the data keeps this one."""
    if value is None or item.stored != "iso":
        return value
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) \
        else value.isoformat()
