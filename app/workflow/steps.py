"""Reading one step for its page or the API: its form and the data it sees."""

from functools import cache

from flask_babel import lazy_gettext as _l
from SpiffWorkflow.camunda.specs.user_task import UserTask
from sqlalchemy import bindparam, select
from sqlalchemy.orm import contains_eager

from app.auth.roles import Role
from app.extensions import db
from app.workflow import runtime
from app.workflow.assignment import may_take
from app.workflow.errors import Forbidden, NotFound
from app.workflow.formschema import FieldSchema, form_fields
from app.workflow.models import ProcessInstance, WorkItem
from app.workflow.serializer import to_plain
from app.workflow.specs import diagram_for


def _user_task_spec(item: WorkItem):
    diagram = diagram_for(item.instance.version)
    for spec in [diagram.spec, *diagram.subprocess_specs.values()]:
        for task_spec in spec.task_specs.values():
            if isinstance(task_spec, UserTask) and task_spec.bpmn_id == item.task_name:
                return task_spec
    raise NotFound(_l("This step's definition is missing."))


def fields_of(item: WorkItem) -> list[FieldSchema]:
    return form_fields(_user_task_spec(item))


def documentation_of(item: WorkItem) -> str | None:
    return _user_task_spec(item).documentation


def may_see(user, item: WorkItem) -> bool:
    return (may_take(user, item) or item.completed_by_id == user.id
            or item.claimed_by_id == user.id or user.has_any_role(Role.ADMIN))


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
    if not may_see(user, item):
        raise Forbidden(_l("This step is not assigned to you or your agency."))
    return item


def data_of(item: WorkItem) -> dict:
    """The data the step sees now (or saw, once it is done), as plain JSON values."""
    workflow = runtime.load(item.instance)
    task = runtime.find_task(workflow, item.task_id)
    return to_plain(task.data) if task is not None else {}

