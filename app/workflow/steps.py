"""Reading one step for its page or the API: its form, the data it sees, and what the
earlier steps of its case said.

Which earlier answers a step shows is its diagram's choice, an extension property of the
user task (Camunda Modeler: "Extension properties"):

    <camunda:properties><camunda:property name="shows" value="start.item_summary,
        implement.what_done, give_input.*, review_comment" /></camunda:properties>

Each entry names a field: `step.field` (that step's answer), `field` (from whichever step
asked it), `step.*` (every field that step asked). A step's read-only fields are shown only
when named. Without the property a step shows every answer of the earlier steps of its case
but its own. The start event counts as a step: its form (camunda:formData on the start
event) declares the data a process starts with, and who started it gave those values.
The latest answer of each step counts (each agency's answer to a multi-instance step, each
item of a loop, separately); a step returned and done again shows what it says now.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from flask_babel import lazy_gettext as _l
from SpiffWorkflow.camunda.specs.user_task import UserTask
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import bindparam, select
from sqlalchemy.orm import contains_eager, selectinload

from app.auth.roles import Role
from app.extensions import db
from app.workflow import runtime
from app.workflow.assignment import may_hold, may_take
from app.workflow.bpmn import problem
from app.workflow.datafields import (
    Answer,
    answers,
    fields_or_none,
    start_events,
    start_form,
    user_tasks,
)
from app.workflow.errors import Forbidden, NotFound
from app.workflow.formschema import FieldSchema, form_fields
from app.workflow.models import ProcessInstance, WorkItem, WorkItemStatus
from app.workflow.serializer import to_plain
from app.workflow.specs import diagram_for


def _user_task_spec(item: WorkItem):
    task_spec = user_tasks(diagram_for(item.instance.version)).get(item.task_name)
    if not isinstance(task_spec, UserTask):
        raise NotFound(_l("This step's definition is missing."))
    return task_spec


def fields_of(item: WorkItem) -> list[FieldSchema]:
    return form_fields(_user_task_spec(item))


def documentation_of(item: WorkItem) -> str | None:
    return _user_task_spec(item).documentation


def took_part(user, item: WorkItem) -> bool:
    """Whether the step is, or was, this person's to do."""
    return may_take(user, item) or item.completed_by_id == user.id or \
        item.claimed_by_id == user.id


def may_see(user, item: WorkItem) -> bool:
    """Whether the person may read the step's page: who took part in it; an admin; and the
    coordinator, who oversees every process of the plan and is warned when its steps run
    late (reading is not acting: completing is for who may take it)."""
    return took_part(user, item) or user.has_any_role(Role.ADMIN, Role.COORDINATOR)


def may_read(user, item: WorkItem) -> bool:
    """Whether `user` may open the step's page: as may_see, or as a colleague who could hold
    it (their inbox lists their agency's steps, those named to a colleague too, and a step
    they handed over keeps its notice): they read it, and it says who holds it."""
    return may_see(user, item) or may_hold(user, item)


@cache
def _step_query():
    # One query for the item, its instance and version: reading the form and the data then
    # needs no other. Built once, as building it costs more than running it.
    return (select(WorkItem).join(WorkItem.instance).join(ProcessInstance.version)
            .options(contains_eager(WorkItem.instance).contains_eager(ProcessInstance.version))
            .where(WorkItem.id == bindparam("item_id")))


def step(item_id: int, user) -> WorkItem:
    item = db.session.scalar(_step_query(), {"item_id": item_id})
    if item is None:
        raise NotFound(_l("This step does not exist."))
    if not may_read(user, item):
        raise Forbidden(_l("This step is not assigned to you or your agency."))
    return item


def _workflow_of(instance: ProcessInstance):
    """The instance's workflow, loaded once per request for the page that reads it twice
    (its data and its case)."""
    loaded = getattr(instance, "_loaded_workflow", None)
    if loaded is None or loaded[0] != instance.lock_version:
        loaded = (instance.lock_version, runtime.load(instance))
        instance._loaded_workflow = loaded
    return loaded[1]


def data_of(item: WorkItem) -> dict:
    """The data the step sees now (or saw, once it is done), as plain JSON values."""
    task = runtime.find_task(_workflow_of(item.instance), item.task_id)
    return to_plain(task.data) if task is not None else {}


# What the earlier steps said ---------------------------------------------------------------

class ShowsError(ValueError):
    pass


@dataclass(frozen=True)
class Wanted:
    step: str | None  # None: whichever step asked the field
    field: str  # "*": every field the step asked


def shows_of(task_spec) -> list[Wanted] | None:
    """The step's `shows` selection; None when it has none (it shows every answer)."""
    raw = (getattr(task_spec, "extensions", None) or {}).get("shows")
    if raw is None:
        return None
    wanted = []
    for entry in (part.strip() for part in str(raw).split(",")):
        if not entry:
            continue
        step, dot, name = entry.rpartition(".")
        if (dot and not step.isidentifier()) or not (name == "*" and dot or name.isidentifier()):
            raise ShowsError(str(_l("shows: '%(entry)s' is not 'step.field', 'field' or 'step.*'",
                                    entry=entry)))
        wanted.append(Wanted(step or None, name))
    return wanted


def shows_problems(diagram) -> list:
    """Why the diagram's `shows` properties cannot be followed (empty when they can)."""
    tasks = user_tasks(diagram)
    steps = {**{event.get("id"): start_form(diagram) for event in start_events(diagram)},
             **{name: form_fields(spec) for name, spec in tasks.items()}}
    known = {schema.id for fields in steps.values() for schema in fields}
    problems = []
    for name, spec in tasks.items():
        where = spec.bpmn_name or name
        try:
            wanted = shows_of(spec) or []
        except ShowsError as error:
            problems.append(problem(_l("step '%(name)s': %(reason)s", name=where,
                                       reason=error), diagram.tree, name))
            continue
        for entry in wanted:
            if entry.step is not None and entry.step not in steps:
                reason = _l("step '%(name)s' shows '%(step)s.%(field)s', but the diagram has "
                            "no user task or start event '%(step)s'", name=where,
                            step=entry.step, field=entry.field)
            elif entry.field != "*" and entry.field not in (
                    {s.id for s in steps[entry.step]} if entry.step else known):
                reason = _l("step '%(name)s' shows '%(field)s', which no form of %(step)s has",
                            name=where, field=entry.field,
                            step=entry.step or _l("the diagram"))
            else:
                continue
            problems.append(problem(reason, diagram.tree, name))
    return problems


def _picker(wanted: list[Wanted] | None, step: str):
    if wanted is None:
        return lambda schema: not schema.readonly
    chosen = [entry for entry in wanted if entry.step in (None, step)]
    return lambda schema: any(entry.field == schema.id or (entry.field == "*" and not
                                                          schema.readonly) for entry in chosen)


@dataclass
class EarlierStep:
    """A step of the case as the next person reads it: who did it, when, what it said."""

    step: str  # its bpmn id
    title: str
    by: object | None  # the User
    at: datetime | None
    answers: list[Answer] = field(default_factory=list)
    item_id: int | None = None

    def as_json(self) -> dict:
        return {"step": self.step, "title": self.title,
                "by": self.by.username if self.by else None,
                "agency": self.by.agency.code if self.by and self.by.agency else None,
                "at": self.at.isoformat() + "Z" if self.at else None,
                "values": [answer.as_json() for answer in self.answers]}


def _iteration(workflow, task) -> tuple:
    """Which loop iterations the task ran in (an agency of a multi-instance step, an item of
    a loop): the answers of different iterations are different answers."""
    path, current = [], task
    while current is not None:
        index = current.internal_data.get("key_or_index")
        if index is not None:
            path.append(str(index))
        parent_id = getattr(current.workflow, "parent_task_id", None)
        current = runtime.find_task(workflow, str(parent_id)) if parent_id else None
    return tuple(reversed(path))


def _completions(instance: ProcessInstance, workflow) -> list[tuple]:
    """(task, work item) of every user task done in the instance, in the order done."""
    items = {item.task_id: item for item in db.session.scalars(
        select(WorkItem).options(selectinload(WorkItem.completed_by))
        .where(WorkItem.instance_id == instance.id,
               WorkItem.status == WorkItemStatus.COMPLETED.value))}
    done = [(task, items[str(task.id)])
            for task in workflow.get_tasks(state=TaskState.COMPLETED, manual=True)
            if str(task.id) in items]
    return sorted(done, key=lambda pair: (pair[1].completed_at, pair[1].id))


def _start_step(instance: ProcessInstance, diagram, workflow, wanted) -> EarlierStep | None:
    fields = fields_or_none(start_form, diagram)
    for event in start_events(diagram) if fields else []:
        task = next(iter(workflow.get_tasks(spec_name=event.get("id"))), None)
        if task is None:
            continue
        shown = answers(fields, task.data, _picker(wanted, event.get("id")))
        return EarlierStep(event.get("id"), event.get("name") or str(_l("Started")),
                           instance.started_by, instance.started_at, shown) if shown else None
    return None


def case_of(item: WorkItem) -> list[EarlierStep]:
    """What the earlier steps of the item's case said, as the item's step shows them
    (its `shows` property); for a step that is done, what was said before it."""
    instance = item.instance
    diagram = diagram_for(instance.version)
    try:
        wanted = shows_of(_user_task_spec(item))
    except ShowsError:  # a version published before `shows` was checked: show everything
        wanted = None
    workflow = _workflow_of(instance)
    tasks = user_tasks(diagram)
    latest: dict[tuple, EarlierStep] = {}
    for task, done in _completions(instance, workflow):
        if item.completed_at is not None and (done.completed_at, done.id) >= \
                (item.completed_at, item.id):
            break
        name = task.task_spec.bpmn_id
        if wanted is None and name == item.task_name:
            continue  # its own earlier answers are in its form already
        key = (name, _iteration(workflow, task))
        latest.pop(key, None)  # the latest answer counts, in the order it came
        shown = answers(fields_or_none(form_fields, tasks.get(name)), task.data,
                        _picker(wanted, name))
        latest[key] = EarlierStep(name, done.title, done.completed_by, done.completed_at,
                                  shown, done.id)
    start = _start_step(instance, diagram, workflow, wanted)
    return ([start] if start else []) + [step for step in latest.values() if step.answers]
