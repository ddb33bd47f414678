"""Who is told what: the writes of notifications, what counts as unread, and reading."""

from sqlalchemy import and_, exists, func, or_, select, update

from app import workflow
from app.auth import successions
from app.auth.models import Agency, User, UserRole
from app.clock import utcnow
from app.extensions import db
from app.notifications.models import Kind, Notification
from app.workflow.models import WorkItem, WorkItemStatus

# The people of an agency who do its official steps, and so hear of them, unless a notice
# names a role.
AGENCY_ROLES = ("agency_lead", "agency_staff")


def notify_users(users, kind: Kind | str, text: str, link: str | None = None,
                 work_item_id: int | None = None) -> int:
    """Tell each user (each once), in the caller's transaction. A person who has an unread
    notice of the same text and step is not told twice: that notice takes the new kind
    (a reminder that became overdue, then escalated) and comes up as new."""
    people = {user.id: user for user in users}
    if not people:
        return 0
    now = utcnow()
    earlier = {notice.user_id: notice for notice in db.session.scalars(
        select(Notification).where(Notification.user_id.in_(people),
                                   Notification.text == text[:2000],
                                   _same_step(work_item_id), _still_unread()))}
    for user_id in people:
        notice = earlier.get(user_id)
        if notice is None:
            db.session.add(Notification(user_id=user_id, kind=str(kind), text=text[:2000],
                                        link=link, work_item_id=work_item_id,
                                        created_at=now))
        else:  # shown, and mailed, once more as what it is now
            notice.kind, notice.link, notice.created_at = str(kind), link, now
            notice.emailed_at = None
    return len(people)


def _same_step(work_item_id: int | None):
    if work_item_id is None:
        return Notification.work_item_id.is_(None)
    return Notification.work_item_id == work_item_id


def agency_people(agency_id: int, role: str | None = None) -> list[User]:
    """The active people of the agency who hold `role`, or else its staff or lead role."""
    roles = [role] if role else list(AGENCY_ROLES)
    return list(db.session.scalars(select(User).where(
        User.agency_id == agency_id, User.active.is_(True),
        User.id.in_(select(UserRole.user_id).where(UserRole.role.in_(roles))))
        .order_by(User.id)))


def notify_agency(code: str, kind: Kind | str, text: str, role: str | None = None,
                  link: str | None = "/tasks") -> int:
    """Tell the agency `code` ("SCT", or "SCT:agency_lead" for one role, as a diagram's
    candidateGroups names it): its staff and leads, or only those holding `role`. Called
    from a diagram's script, a notice without a role (a reminder, an overdue step, a
    returned report) also reaches whoever holds the agency's open step of that case, and
    leads to that step; it counts as read once the step is done."""
    code, named_role = _address(code)
    role = role or named_role
    agency = db.session.scalar(select(Agency).where(Agency.code == str(code).upper()))
    if agency is None:
        return 0
    # An ended agency: whoever holds this case's work of it now (its item's, its process's).
    holders = successions.holders(agency, workflow.running_work()) or [agency]
    people, steps = [], []
    for holder in holders:
        people += agency_people(holder.id, role)
        steps += workflow.waiting_steps(holder.id)
    if steps:
        link = f"/tasks/{steps[0].id}"
        if not role:
            people += [step.claimed_by for step in steps if step.claimed_by is not None]
    return notify_users(people, kind, text, link, steps[0].id if steps else None)


def _address(code: str) -> tuple[str, str | None]:
    agency, colon, role = str(code).rpartition(":")
    return (agency, role) if colon and role else (str(code), None)


def _still_unread():
    """Not opened, and not about a step that is done or that someone else has taken (then
    it needs nobody, or not this person, any more). An escalation is the exception: it
    tells a lead or the coordinator that the one holding the step is late, so that holder
    taking the step is no answer to it."""
    step_open = exists().where(WorkItem.id == Notification.work_item_id,
                               WorkItem.status == WorkItemStatus.OPEN.value,
                               or_(WorkItem.claimed_by_id.is_(None),
                                   WorkItem.claimed_by_id == Notification.user_id,
                                   Notification.kind == Kind.ESCALATED.value))
    return and_(Notification.read_at.is_(None),
                or_(Notification.work_item_id.is_(None), step_open))


def _unread(user):
    return and_(Notification.user_id == user.id, _still_unread())


def unread_count(user) -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(_unread(user))) or 0


def recent(user, limit: int = 100) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                   .order_by(Notification.id.desc()).limit(limit)))


def unread_ids(user, notifications: list[Notification]) -> set[int]:
    ids = [notification.id for notification in notifications]
    return set(db.session.scalars(select(Notification.id).where(
        Notification.id.in_(ids), _unread(user)))) if ids else set()


def open_notification(user, notification_id: int) -> Notification | None:
    """The person's notice, marked read now that they open it; None when it is not theirs."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        return None
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.commit()
    return notification


def mark_all_read(user) -> None:
    db.session.execute(update(Notification).where(Notification.user_id == user.id,
                                                  Notification.read_at.is_(None))
                       .values(read_at=utcnow()))
    db.session.commit()
