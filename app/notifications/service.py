"""Who is told what: the writes of notifications, and the unread count."""

from sqlalchemy import func, select, update

from app.auth.models import Agency, User, UserRole
from app.clock import utcnow
from app.extensions import db
from app.notifications.models import Kind, Notification


def notify_users(users, kind: Kind | str, text: str, link: str | None = None) -> int:
    """Add a notification for each user, in the caller's transaction."""
    count = 0
    for user in users:
        db.session.add(Notification(user_id=user.id, kind=str(kind), text=text[:2000],
                                    link=link, created_at=utcnow()))
        count += 1
    return count


def agency_people(agency_id: int, role: str | None = None) -> list[User]:
    query = select(User).where(User.agency_id == agency_id, User.active.is_(True))
    if role:
        query = query.join(UserRole).where(UserRole.role == role)
    return list(db.session.scalars(query))


def notify_agency(code: str, kind: Kind | str, text: str, role: str | None = None,
                  link: str | None = "/tasks") -> int:
    """Tell the active people of the agency `code` (only those holding `role`, if given)."""
    agency = db.session.scalar(select(Agency).where(Agency.code == str(code).upper()))
    if agency is None:
        return 0
    holder = agency.current_holder()
    return notify_users(agency_people(holder.id, role), kind, text, link)


def unread_count(user) -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def recent(user, limit: int = 100) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                   .order_by(Notification.id.desc()).limit(limit)))


def mark_all_read(user) -> None:
    db.session.execute(update(Notification).where(Notification.user_id == user.id,
                                                  Notification.read_at.is_(None))
                       .values(read_at=utcnow()))
    db.session.commit()
