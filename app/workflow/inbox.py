"""What the inbox reads: work items, filtered and paged, straight from their rows; no
workflow is loaded to list tasks."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app.auth.models import User, UserRole
from app.clock import utcnow
from app.extensions import db
from app.folding import fold
from app.workflow.assignment import AGENCY_ROLES, role_condition, visible_to
from app.workflow.deadlines import due_soon_until
from app.workflow.models import (
    InstanceStatus,
    ProcessDefinition,
    ProcessInstance,
    WorkItem,
    WorkItemStatus,
)

BADGES = {
    "in_progress": (_l("In progress"), "secondary"),
    "due_soon": (_l("Due soon"), "warning"),
    "overdue": (_l("Overdue"), "danger"),
    "done_on_time": (_l("Done on time"), "success"),
    "done_late": (_l("Done late"), "dark"),
    "done": (_l("Done"), "success"),  # a step without a deadline is neither on time nor late
    "cancelled": (_l("Cancelled"), "light"),
}

SORTS = {
    "due": (WorkItem.due_at.is_(None), WorkItem.due_at.asc(), WorkItem.id.asc()),
    "newest": (WorkItem.created_at.desc(), WorkItem.id.desc()),
    "oldest": (WorkItem.created_at.asc(), WorkItem.id.asc()),
}

# mine: given to me or claimed by me; unclaimed: waiting for my agency, group or role, held
# by nobody; open: everything open I may see, a colleague's too; done: what we completed.
STATUSES = ("mine", "unclaimed", "open", "due_soon", "overdue", "done")


def search_text(title: str, instance) -> str:
    """What a step is found by: its title, its case's subject and case number, folded."""
    return fold(" ".join(part for part in (title, instance.subject, instance.business_key)
                         if part))


def badge(item: WorkItem, now: datetime | None = None) -> str:
    now = now or utcnow()
    if item.status == WorkItemStatus.CANCELLED.value:
        return "cancelled"
    if item.status == WorkItemStatus.COMPLETED.value:
        if item.due_at is None:
            return "done"
        return "done_late" if item.completed_at > item.due_at else "done_on_time"
    if item.due_at is None or item.due_at > due_soon_until(now):
        return "in_progress"
    return "overdue" if item.due_at < now else "due_soon"


def is_suspended(item: WorkItem) -> bool:
    """Whether the step's case is suspended (nobody can complete it until it resumes)."""
    return item.status == WorkItemStatus.OPEN.value and \
        item.instance.status == InstanceStatus.SUSPENDED.value


@dataclass
class InboxFilter:
    process: str | None = None
    status: str = "open"  # one of STATUSES
    due_from: datetime | None = None
    due_to: datetime | None = None
    search: str | None = None  # words of the title, the subject or the case number
    sort: str = "due"
    page: int = 1
    per_page: int = 25


def _query(user, wanted: InboxFilter):
    now = utcnow()
    query = select(WorkItem)
    if wanted.status == "done":
        mine = WorkItem.completed_by_id == user.id
        role_ok = role_condition(user)  # a trainee does not read the agency's reports
        ours = mine if role_ok is None else or_(
            mine, and_(WorkItem.agency_id == user.agency_id, role_ok))
        query = query.where(WorkItem.status == WorkItemStatus.COMPLETED.value, ours)
    elif wanted.status == "mine":
        query = query.where(WorkItem.status == WorkItemStatus.OPEN.value,
                            WorkItem.claimed_by_id == user.id)
    else:
        # visible_to already keeps open items only; repeating it here would tempt the
        # planner to scan every open item instead of looking up the few that match.
        query = query.where(visible_to(user, WorkItemStatus.OPEN.value))
        if wanted.status == "unclaimed":
            query = query.where(WorkItem.claimed_by_id.is_(None))
        elif wanted.status == "overdue":
            query = query.where(WorkItem.due_at < now)
        elif wanted.status == "due_soon":
            query = query.where(WorkItem.due_at >= now, WorkItem.due_at < due_soon_until(now))
    if wanted.process:
        query = query.where(WorkItem.process_key == wanted.process)
    if wanted.due_from:
        query = query.where(WorkItem.due_at >= wanted.due_from)
    if wanted.due_to:
        query = query.where(WorkItem.due_at < wanted.due_to)
    for word in fold(wanted.search).split():
        query = query.where(WorkItem.search_text.contains(word, autoescape=True))
    return query


def work_items_for(user, wanted: InboxFilter):
    """A page of the work items this user sees, as Flask-SQLAlchemy Pagination; each row
    comes with its case's status and number and the names of who holds it."""
    query = _query(user, wanted).order_by(*SORTS.get(wanted.sort, SORTS["due"])).options(
        joinedload(WorkItem.instance).load_only(ProcessInstance.status,
                                                ProcessInstance.business_key),
        selectinload(WorkItem.claimed_by).load_only(User.full_name, User.username),
        selectinload(WorkItem.completed_by).load_only(User.full_name, User.username),
    )
    return db.paginate(query, page=wanted.page, per_page=wanted.per_page, error_out=False)


def count_for(user, wanted: InboxFilter) -> int:
    """How many work items the filter finds, without fetching them."""
    return db.session.scalar(select(func.count()).select_from(
        _query(user, wanted).with_only_columns(WorkItem.id).subquery())) or 0


def tab_counts(user, wanted: InboxFilter | None = None) -> dict[str, int]:
    """The figures of the inbox's two tabs, under the same process and search filter."""
    base = wanted or InboxFilter()
    return {status: count_for(user, InboxFilter(process=base.process, search=base.search,
                                                 due_from=base.due_from, due_to=base.due_to,
                                                 status=status))
            for status in ("mine", "unclaimed")}


def process_choices() -> list[tuple[str, str]]:
    return [(d.key, d.name) for d in db.session.scalars(
        select(ProcessDefinition).order_by(ProcessDefinition.name))]


def take_unannounced(limit: int = 200) -> list[WorkItem]:
    """Open items nobody has been told of yet, marked as told in the caller's transaction;
    on PostgreSQL two workers never take the same item (SKIP LOCKED)."""
    items = list(db.session.scalars(
        select(WorkItem).where(WorkItem.announced_at.is_(None),
                               WorkItem.status == WorkItemStatus.OPEN.value)
        .order_by(WorkItem.id).limit(limit).with_for_update(skip_locked=True)))
    now = utcnow()
    # A plain UPDATE, not the ORM's: telling people is no change of the step, so it must not
    # bump the step's version and make a clerk's completion at this moment a conflict.
    db.session.execute(update(WorkItem.__table__).where(
        WorkItem.__table__.c.id.in_([item.id for item in items])).values(announced_at=now))
    for item in items:
        set_committed_value(item, "announced_at", now)
    return items


def people_of(item: WorkItem, day) -> list[User]:
    """The active people who may take `item`: the person who holds it, else its role's
    holders, or its agency's (its group's agencies') people with the role it needs there."""
    query = select(User).where(User.active.is_(True))
    if item.claimed_by_id is not None:  # given to one person, or taken by one
        return list(db.session.scalars(query.where(User.id == item.claimed_by_id)))
    if item.agency_id is not None:
        query = query.where(User.agency_id == item.agency_id)
    elif item.group is not None:
        query = query.where(User.agency_id.in_([a.id for a in item.group.expand(day)]))
    elif item.role:
        return list(db.session.scalars(
            query.join(UserRole).where(UserRole.role == item.role)))
    else:
        return []
    needed = [item.required_role] if item.required_role else sorted(AGENCY_ROLES)
    return list(db.session.scalars(query.where(User.id.in_(
        select(UserRole.user_id).where(UserRole.role.in_(needed))))))
