"""What the inbox reads: work items, filtered and paged, straight from their rows; no
workflow is loaded to list tasks."""

from dataclasses import dataclass, replace
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, literal, select, union, update
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app.auth.models import User, UserRole
from app.bounds import page_number
from app.clock import utcnow
from app.extensions import db
from app.folding import fold
from app.workflow.assignment import AGENCY_ROLES, audiences, role_condition
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

# Each order, and the columns it needs (read from the indexes, not the rows).
SORTS = {
    "due": lambda item: (item.due_at.is_(None), item.due_at.asc(), item.id.asc()),
    "newest": lambda item: (item.created_at.desc(), item.id.desc()),
    "oldest": lambda item: (item.created_at.asc(), item.id.asc()),
}
SORT_KEYS = {"due": lambda item: (item.id, item.due_at),
             "newest": lambda item: (item.id, item.created_at),
             "oldest": lambda item: (item.id, item.created_at)}

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
    instance_id: int | None = None  # the steps of one case
    sort: str = "due"
    page: int = 1
    per_page: int = 25


def _filters(wanted: InboxFilter) -> list:
    now, found = utcnow(), []
    if wanted.status == "overdue":
        found.append(WorkItem.due_at < now)
    elif wanted.status == "due_soon":
        found += [WorkItem.due_at >= now, WorkItem.due_at < due_soon_until(now)]
    if wanted.process:
        found.append(WorkItem.process_key == wanted.process)
    if wanted.instance_id:
        found.append(WorkItem.instance_id == wanted.instance_id)
    if wanted.due_from:
        found.append(WorkItem.due_at >= wanted.due_from)
    if wanted.due_to:
        found.append(WorkItem.due_at < wanted.due_to)
    for word in fold(wanted.search).split():
        found.append(WorkItem.search_text.contains(word, autoescape=True))
    return found


def _branches(user, wanted: InboxFilter) -> list:
    """The selects whose rows together are what the filter finds: one for each way steps
    reach the user (see assignment.audiences), each narrow enough for its own index."""
    filters = _filters(wanted)
    if wanted.status == "done":  # what I completed; what my agency did, for my roles
        done = WorkItem.status == WorkItemStatus.COMPLETED.value
        found = [select(WorkItem).where(done, WorkItem.completed_by_id == user.id, *filters)]
        role_ok = role_condition(user)  # a trainee does not read the agency's reports
        if role_ok is not None:
            found.append(select(WorkItem).where(done, WorkItem.agency_id == user.agency_id,
                                                role_ok, *filters))
        return found
    open_ = WorkItem.status == WorkItemStatus.OPEN.value
    if wanted.status == "mine":
        return [select(WorkItem).where(open_, WorkItem.claimed_by_id == user.id, *filters)]
    reaches = audiences(user)
    if wanted.status == "unclaimed":
        filters.append(WorkItem.claimed_by_id.is_(None))
        reaches = reaches[1:]  # not those the user holds
    return [select(WorkItem).where(open_, audience, *filters) for audience in reaches]


def _count_of(branches: list):
    """The number of rows the branches find together, as a scalar subquery."""
    if not branches:
        return literal(0)
    if len(branches) == 1:
        ids = branches[0].with_only_columns(WorkItem.id)
    else:  # UNION, not UNION ALL: a step one holds may also be one's agency's
        ids = union(*(branch.with_only_columns(WorkItem.id) for branch in branches))
    return select(func.count()).select_from(ids.subquery()).scalar_subquery()


def _count(branches: list) -> int:
    return db.session.scalar(select(_count_of(branches))) or 0


class InboxPage(Pagination):
    """A page of work items. With several branches, each gives the ids of only its first
    rows in the page's order (from its index, without reading the rows), their union is
    ordered again, and only the page's rows are read."""

    def _query_items(self) -> list[WorkItem]:
        branches, sort = self._query_args["branches"], SORTS[self._query_args["sort"]]
        if not branches:
            return []
        if len(branches) == 1:
            query = branches[0].order_by(*sort(WorkItem))
            return self._read(query.offset(self._query_offset).limit(self.per_page))
        keys, enough = SORT_KEYS[self._query_args["sort"]], self._query_offset + self.per_page
        firsts = union(*(select(branch.with_only_columns(*keys(WorkItem))
                                .order_by(*sort(WorkItem)).limit(enough).subquery())
                         for branch in branches)).subquery()
        # The page's ids, at most per_page of them (a LIMIT the planner trusts without
        # statistics), joined to their rows in the same statement.
        page = (select(firsts).order_by(*sort(firsts.c))
                .offset(self._query_offset).limit(self.per_page).subquery())
        return self._read(select(WorkItem).join(page, WorkItem.id == page.c.id)
                          .order_by(*sort(page.c)))

    @staticmethod
    def _read(query) -> list[WorkItem]:
        return list(db.session.scalars(query.options(
            joinedload(WorkItem.instance).load_only(ProcessInstance.status,
                                                    ProcessInstance.business_key),
            # Where each step waits (the API names them): a page spans many agencies.
            joinedload(WorkItem.agency), joinedload(WorkItem.group),
            selectinload(WorkItem.assigned_to).load_only(User.full_name, User.username),
            selectinload(WorkItem.claimed_by).load_only(User.full_name, User.username),
            selectinload(WorkItem.completed_by).load_only(User.full_name, User.username))))

    def _query_count(self) -> int:
        known = self._query_args.get("total")
        return known if known is not None else _count(self._query_args["branches"])


def work_items_for(user, wanted: InboxFilter, total: int | None = None) -> InboxPage:
    """A page of the work items this user sees, each with its case's status and number and
    the names of who holds it. `total`, when the caller has counted already, spares the
    count."""
    return InboxPage(page=page_number(wanted.page), per_page=wanted.per_page, error_out=False,
                     branches=_branches(user, wanted), total=total,
                     sort=wanted.sort if wanted.sort in SORTS else "due")


def count_for(user, wanted: InboxFilter) -> int:
    """How many work items the filter finds, without fetching them."""
    return _count(_branches(user, wanted))


def counts_for(user, wanted: InboxFilter | None, statuses) -> dict[str, int]:
    """How many work items each status finds under the same process, search and dates: all
    counted by one statement (one round trip, however many figures a page shows)."""
    base, statuses = wanted or InboxFilter(), list(dict.fromkeys(statuses))
    counts = [_count_of(_branches(user, replace(base, status=status))).label(status)
              for status in statuses]
    row = db.session.execute(select(*counts)).one()
    return {status: row[n] or 0 for n, status in enumerate(statuses)}


def tab_counts(user, wanted: InboxFilter | None = None) -> dict[str, int]:
    """The figures of the inbox's two tabs, under the same process and search filter."""
    return counts_for(user, wanted, ("mine", "unclaimed"))


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
