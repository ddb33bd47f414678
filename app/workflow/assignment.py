"""Who a user task goes to, and who may take it.

A user task goes to the agency, group or role its lane names, or to its
camunda:candidateGroups, which may be an expression over task data ("${agency}"); or to a
person by name (camunda:assignee). An agency's (or group's) step is done by the people of
that agency who hold its staff or lead role, not by everyone who belongs to it; a diagram
may require one role instead by naming it after a colon: "${agency}:agency_lead"."""

from dataclasses import dataclass
from functools import cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, bindparam, inspect, or_, select

from app.auth.models import Agency, AgencyGroup, User, agency_group_members
from app.auth.roles import Role
from app.auth.successions import ANY_WORK, Work, route
from app.extensions import db
from app.workflow import sandbox
from app.workflow.expressions import expression_of


class AssignmentError(ValueError):
    """Said to admins (an instance's error, a refused correction), so in their language."""

    def __init__(self, message):
        super().__init__(str(message))


# Who does an agency's official steps when the diagram does not say otherwise.
AGENCY_ROLES = frozenset({Role.AGENCY_STAFF.value, Role.AGENCY_LEAD.value})


@dataclass(frozen=True)
class Assignee:
    agency: Agency | None = None
    group: AgencyGroup | None = None
    role: str | None = None
    person: User | None = None  # camunda:assignee: the step is theirs (claimed for them)
    required_role: str | None = None  # with an agency or group: the one role it needs

    @property
    def agency_id(self) -> int | None:
        return self.agency.id if self.agency else None

    @property
    def group_id(self) -> int | None:
        return self.group.id if self.group else None

    @property
    def assigned_to_id(self) -> int | None:
        return self.person.id if self.person else None


def raw_assignee(task_spec) -> str | None:
    return (task_spec.extensions or {}).get("candidateGroups") or task_spec.lane


def split_role(name: str) -> tuple[str, str | None]:
    """"SCT:agency_lead" → ("SCT", "agency_lead"); a name without a role suffix stays whole
    (an agency's name may hold a colon of its own)."""
    audience, colon, role = str(name).rpartition(":")
    if colon and role.strip() in Role._value2member_map_:
        return audience.strip(), role.strip()
    return str(name).strip(), None


def resolve_name(name: str, work: Work = ANY_WORK) -> Assignee | None:
    """An agency (by code or Vietnamese name; an ended one by whoever holds `work` of it
    now, which may be a group), a group, or a role; None when the name means nothing."""
    name = str(name).strip()
    if name in {role.value for role in Role}:
        return Assignee(role=name)
    names = {"code": name.upper(), "name": name}
    agency = _loaded_agency(names["code"])
    if agency is None:
        agency = db.session.scalar(_named_query(Agency), names)
    if agency is not None:
        holder = route(agency, work)
        if isinstance(holder, AgencyGroup):
            return Assignee(group=holder)
        return Assignee(agency=holder or agency)  # nobody holds it: its own people see it
    group = db.session.scalar(_named_query(AgencyGroup), names)
    return Assignee(group=group) if group is not None else None


def _loaded_agency(code: str) -> Agency | None:
    """The agency of that code if this transaction has read it already (the acting person's
    own, which came with their token): one query less where a step stays in the agency
    that acts, read as fresh as the query would read it."""
    for key, found in db.session.identity_map.items():
        if key[0] is Agency and not inspect(found).unloaded & _agency_columns() \
                and found.code == code:
            return found
    return None


@cache
def _agency_columns() -> frozenset[str]:
    return frozenset(column.key for column in inspect(Agency).column_attrs)


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
    audience, role = split_role(raw)
    expression = expression_of(audience)
    name = str(sandbox.evaluate(expression, data) if expression else audience).strip()
    return f"{name}:{role}" if role else name


def work_of(task_spec, data: dict) -> Work:
    """What a task is part of, for an ended agency's successions: its process, and the plan
    item its data names (`item_code`), if any."""
    process = getattr(getattr(task_spec, "_wf_spec", None), "name", None)
    item = data.get("item_code") if isinstance(data, dict) else None
    return Work(item=str(item) if item else None, process=process)


def assignee_for(task_spec, data: dict) -> Assignee:
    """Who a ready user task goes to: a named person (camunda:assignee, a user name), else
    the agency, group or role of its candidateGroups or lane (an ended agency's successor
    for this task's item or process)."""
    name = assignee_name(task_spec, data)
    if (task_spec.extensions or {}).get("assignee"):
        person = db.session.scalar(select(User).where(User.username == name,
                                                      User.active.is_(True)))
        if person is None:
            raise AssignmentError(_l("%(task)s: '%(name)s' is no active person.",
                                     task=task_spec.bpmn_id, name=name))
        return Assignee(agency=person.agency, person=person)
    audience, role = split_role(name)
    assignee = resolve_name(audience, work_of(task_spec, data))
    if assignee is None:
        raise AssignmentError(_l("%(task)s: '%(name)s' is no agency, group or role.",
                                 task=task_spec.bpmn_id, name=audience))
    if role is not None:
        if assignee.role is not None:
            raise AssignmentError(_l("%(task)s: a role (%(name)s) cannot require another.",
                                     task=task_spec.bpmn_id, name=audience))
        assignee = Assignee(agency=assignee.agency, group=assignee.group, required_role=role)
    return assignee


def holds_role_for(user: User, required_role: str | None) -> bool:
    """Whether `user` holds what an agency's step needs: `required_role`, or else the
    agency's staff or lead role."""
    roles = {role.value for role in user.roles}
    return required_role in roles if required_role else not roles.isdisjoint(AGENCY_ROLES)


def role_condition(user: User):
    """A condition on WorkItem.required_role: the agency steps this user's roles reach (None
    when they reach none, as for a trainee)."""
    from app.workflow.models import WorkItem

    roles = sorted(role.value for role in user.roles)
    if not AGENCY_ROLES.isdisjoint(roles):
        return or_(WorkItem.required_role.is_(None), WorkItem.required_role.in_(roles))
    return WorkItem.required_role.in_(roles) if roles else None


def audiences(user: User) -> list:
    """Conditions on WorkItem, one for each way a step reaches this user: they hold it;
    their agency's or group's (for the roles they hold there); their role's. A query asks
    each apart, each served by its own index, because one OR over the columns makes
    databases scan every work item. Only the first overlaps the others."""
    from app.workflow.models import WorkItem

    found = [WorkItem.claimed_by_id == user.id]
    role_ok = role_condition(user)
    if role_ok is not None:
        my_groups = select(agency_group_members.c.group_id).where(
            agency_group_members.c.agency_id == user.agency_id)
        found += [and_(WorkItem.agency_id == user.agency_id, role_ok),
                  and_(WorkItem.group_id.in_(my_groups), role_ok)]
    roles = sorted(role.value for role in user.roles)
    if roles:
        found.append(WorkItem.role.in_(roles))
    return found


def matches(user: User, assignee) -> bool:
    """Whether `user` belongs to the agency, group or role (an Assignee or a WorkItem)."""
    if assignee.agency_id is not None and assignee.agency_id == user.agency_id:
        return True
    if assignee.role is not None and assignee.role in {role.value for role in user.roles}:
        return True
    if assignee.group_id is not None:
        return any(group.id == assignee.group_id for group in user.agency.groups)
    return False


def may_take(user: User, item) -> bool:
    """Whether `user` may take the step (a WorkItem, or an Assignee: where a step would
    go): the person it was given to by name;
    else whoever holds its role, or belongs to its agency or group and holds the role its
    people need there."""
    if item.assigned_to_id is not None:
        return item.assigned_to_id == user.id
    if item.role is not None:
        return matches(user, item)
    return matches(user, item) and holds_role_for(user, item.required_role)


def may_hold(user: User, item) -> bool:
    """Whether `user` could hold the step were it handed to them: as may_take, but a step
    given to someone by name may go to any colleague of theirs with the role it needs."""
    if item.assigned_to_id is not None:
        return user.agency_id == item.agency_id and holds_role_for(user, item.required_role)
    return may_take(user, item)


def fixed_assignee(task_spec) -> Assignee | None:
    """Where a user task goes whatever its data (a lane or candidateGroups without an
    expression, no named person), or None."""
    if (task_spec.extensions or {}).get("assignee"):
        return None
    raw = raw_assignee(task_spec)
    if not raw:
        return None
    audience, role = split_role(raw)
    if expression_of(audience):
        return None
    found = resolve_name(audience)
    if found is None or (role and found.role):
        return None
    return Assignee(agency=found.agency, group=found.group, role=found.role,
                    required_role=role) if role else found
