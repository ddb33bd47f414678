"""What the inbox reads: work items, filtered and paged, straight from their rows; no
workflow is loaded to list tasks."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from app.auth.models import User, UserRole
from app.clock import utcnow
from app.extensions import db
from app.workflow.assignment import visible_to
from app.workflow.models import ProcessDefinition, WorkItem, WorkItemStatus

DUE_SOON = timedelta(days=2)

BADGES = {
    "in_progress": (_l("In progress"), "secondary"),
    "due_soon": (_l("Due soon"), "warning"),
    "overdue": (_l("Overdue"), "danger"),
    "done_on_time": (_l("Done on time"), "success"),
    "done_late": (_l("Done late"), "dark"),
    "cancelled": (_l("Cancelled"), "light"),
}

SORTS = {
    "due": (WorkItem.due_at.is_(None), WorkItem.due_at.asc(), WorkItem.id.asc()),
    "newest": (WorkItem.created_at.desc(), WorkItem.id.desc()),
    "oldest": (WorkItem.created_at.asc(), WorkItem.id.asc()),
}


def badge(item: WorkItem, now: datetime | None = None) -> str:
    now = now or utcnow()
    if item.status == WorkItemStatus.CANCELLED.value:
        return "cancelled"
    if item.status == WorkItemStatus.COMPLETED.value:
        late = item.due_at is not None and item.completed_at > item.due_at
        return "done_late" if late else "done_on_time"
    if item.due_at is None or item.due_at > now + DUE_SOON:
        return "in_progress"
    return "overdue" if item.due_at < now else "due_soon"


@dataclass
class InboxFilter:
    process: str | None = None
    status: str = "open"  # open, mine, due_soon, overdue, done
    due_from: datetime | None = None
    due_to: datetime | None = None
    sort: str = "due"
    page: int = 1
    per_page: int = 25


def work_items_for(user, wanted: InboxFilter):
    """A page of the work items this user sees, as Flask-SQLAlchemy Pagination."""
    now = utcnow()
    query = select(WorkItem)
    if wanted.status == "done":
        query = query.where(
            WorkItem.status == WorkItemStatus.COMPLETED.value,
            or_(WorkItem.completed_by_id == user.id, WorkItem.agency_id == user.agency_id),
        )
    else:
        # visible_to already keeps open items only; repeating it here would tempt the
        # planner to scan every open item instead of looking up the few that match.
        query = query.where(visible_to(user, WorkItemStatus.OPEN.value))
        if wanted.status == "mine":
            query = query.where(WorkItem.claimed_by_id == user.id)
        elif wanted.status == "overdue":
            query = query.where(WorkItem.due_at < now)
        elif wanted.status == "due_soon":
            query = query.where(WorkItem.due_at >= now, WorkItem.due_at <= now + DUE_SOON)
    if wanted.process:
        query = query.where(WorkItem.process_key == wanted.process)
    if wanted.due_from:
        query = query.where(WorkItem.due_at >= wanted.due_from)
    if wanted.due_to:
        query = query.where(WorkItem.due_at < wanted.due_to)
    query = query.order_by(*SORTS.get(wanted.sort, SORTS["due"]))
    return db.paginate(query, page=wanted.page, per_page=wanted.per_page, error_out=False)


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
    """The active people who may take `item`: the person it is given to, else its agency's,
    its group's agencies', or its role's holders."""
    query = select(User).where(User.active.is_(True))
    if item.claimed_by_id is not None:  # a step given to one person (camunda:assignee)
        query = query.where(User.id == item.claimed_by_id)
    elif item.agency_id is not None:
        query = query.where(User.agency_id == item.agency_id)
    elif item.group is not None:
        query = query.where(User.agency_id.in_([a.id for a in item.group.expand(day)]))
    elif item.role:
        query = query.join(UserRole).where(UserRole.role == item.role)
    else:
        return []
    return list(db.session.scalars(query))
