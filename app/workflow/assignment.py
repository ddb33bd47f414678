"""Who a user task goes to: the agency, group or role its lane names, or its
camunda:candidateGroups, which may be an expression over task data ("${agency}")."""

from dataclasses import dataclass
from functools import cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, or_, select, union_all

from app.auth.models import Agency, AgencyGroup, User, agency_group_members
from app.auth.roles import Role
from app.extensions import db
from app.workflow import sandbox
from app.workflow.expressions import expression_of


class AssignmentError(ValueError):
    """Said to admins (an instance's error, a refused correction), so in their language."""

    def __init__(self, message):
        super().__init__(str(message))


@dataclass(frozen=True)
class Assignee:
    agency: Agency | None = None
    group: AgencyGroup | None = None
    role: str | None = None
    person: User | None = None  # camunda:assignee: the step is theirs (claimed for them)

    @property
    def agency_id(self) -> int | None:
        return self.agency.id if self.agency else None

    @property
    def group_id(self) -> int | None:
        return self.group.id if self.group else None


def raw_assignee(task_spec) -> str | None:
    return (task_spec.extensions or {}).get("candidateGroups") or task_spec.lane


def resolve_name(name: str) -> Assignee | None:
    """An agency (by code or Vietnamese name; a merged one by its successor), a group, or a
    role; None when the name means nothing here."""
    name = str(name).strip()
    if name in {role.value for role in Role}:
        return Assignee(role=name)
    names = {"code": name.upper(), "name": name}
    agency = db.session.scalar(_named_query(Agency), names)
    if agency is not None:
        return Assignee(agency=agency.current_holder())
    group = db.session.scalar(_named_query(AgencyGroup), names)
    return Assignee(group=group) if group is not None else None


@cache
def _named_query(model):
    # Built once: every new step looks its assignee up, and building the statement cost
    # more than running it.
    return select(model).where(or_(model.code == bindparam("code"),
                                   model.name_vi == bindparam("name")))


def assignee_name(task_spec, data: dict) -> str:
    """What a user task's assignment says, evaluated over its data but not yet looked up: a
    person's user name (camunda:assignee), or an agency, group or role."""
    raw = (task_spec.extensions or {}).get("assignee") or raw_assignee(task_spec)
    if not raw:
        raise AssignmentError(_l("%(task)s has no lane and no candidateGroups.",
                                 task=task_spec.bpmn_id))
    expression = expression_of(raw)
    return str(sandbox.evaluate(expression, data) if expression else raw).strip()


def assignee_for(task_spec, data: dict) -> Assignee:
    """Who a ready user task goes to: a named person (camunda:assignee, a user name), else
    the agency, group or role of its candidateGroups or lane."""
    name = assignee_name(task_spec, data)
    if (task_spec.extensions or {}).get("assignee"):
        person = db.session.scalar(select(User).where(User.username == name,
                                                      User.active.is_(True)))
        if person is None:
            raise AssignmentError(_l("%(task)s: '%(name)s' is no active person.",
                                     task=task_spec.bpmn_id, name=name))
        return Assignee(agency=person.agency, person=person)
    assignee = resolve_name(name)
    if assignee is None:
        raise AssignmentError(_l("%(task)s: '%(name)s' is no agency, group or role.",
                                 task=task_spec.bpmn_id, name=name))
    return assignee


def visible_to(user: User, status: str):
    """A condition on WorkItem: the items in `status` that this user's agency, groups or
    roles may take, or that they claimed. Written as a union of four narrow lookups, each
    served by its own index, because one OR over the columns makes databases scan every
    work item."""
    from app.workflow.models import WorkItem

    my_groups = select(agency_group_members.c.group_id).where(
        agency_group_members.c.agency_id == user.agency_id
    )
    open_ = WorkItem.status == status
    audiences = [
        select(WorkItem.id).where(open_, WorkItem.agency_id == user.agency_id),
        select(WorkItem.id).where(open_, WorkItem.group_id.in_(my_groups)),
        select(WorkItem.id).where(open_, WorkItem.claimed_by_id == user.id),
    ]
    roles = [role.value for role in user.roles]
    if roles:
        audiences.append(select(WorkItem.id).where(open_, WorkItem.role.in_(roles)))
    return WorkItem.id.in_(union_all(*audiences))


def matches(user: User, assignee) -> bool:
    """Whether `user` belongs to the agency, group or role (an Assignee or a WorkItem)."""
    if assignee.agency_id is not None and assignee.agency_id == user.agency_id:
        return True
    if assignee.role is not None and assignee.role in {role.value for role in user.roles}:
        return True
    if assignee.group_id is not None:
        return any(group.id == assignee.group_id for group in user.agency.groups)
    return False


may_take = matches
