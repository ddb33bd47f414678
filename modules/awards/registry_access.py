"""Who sees and keeps the registry, checked on the server for every page and action.

- The coordinator, Home Affairs and admins see every award; an agency's leads and staff see
  their own agency's awards (those to its people and to itself), and those of the ended
  agencies whose commendation work it took over (Sở Văn hóa, Thể thao và Du lịch reads Sở
  Thông tin và Truyền thông's: the people it took in have their earlier titles there);
  a trainee sees none.
- Home Affairs and admins revoke an award (the department keeps thi đua, khen thưởng records).
- Home Affairs, the coordinator and admins import past years from a spreadsheet."""

from flask import abort, g
from flask_login import current_user
from sqlalchemy import false, select

from app.auth.models import Agency
from app.auth.roles import Role
from app.auth.successions import Work, holders
from app.clock import today
from app.extensions import db
from modules.awards.registry_models import Award

SEE_ALL = (Role.COORDINATOR, Role.HOME_AFFAIRS, Role.ADMIN)
SEE_OWN = (Role.AGENCY_LEAD, Role.AGENCY_STAFF)
REVOKE = (Role.HOME_AFFAIRS, Role.ADMIN)
IMPORT = (Role.HOME_AFFAIRS, Role.COORDINATOR, Role.ADMIN)
READERS = frozenset({*SEE_ALL, *SEE_OWN})


def sees_all(user) -> bool:
    return user.has_any_role(*SEE_ALL)


COMMENDATIONS = Work(item="5.4")  # the plan's item: commendations in foreign information work


def own_agencies(user) -> frozenset[int]:
    """The user's agency, and the ended agencies whose commendation work it holds now
    (worked out once a request)."""
    cache = g.setdefault("awards_own_agencies", {})
    if user.id not in cache:
        day, found = today(), {user.agency_id}
        for agency in db.session.scalars(select(Agency).where(Agency.id != user.agency_id)):
            if not agency.is_current_on(day) and user.agency_id in {
                    holder.id for holder in holders(agency, COMMENDATIONS, day)}:
                found.add(agency.id)
        cache[user.id] = frozenset(found)
    return cache[user.id]


def visible(user):
    """The condition on Award that keeps what `user` may see."""
    if sees_all(user):
        return Award.id.isnot(None)
    if user.has_any_role(*SEE_OWN):
        return Award.agency_id.in_(sorted(own_agencies(user)))
    return false()


def may_see(user, award: Award) -> bool:
    return sees_all(user) or (user.has_any_role(*SEE_OWN)
                              and award.agency_id in own_agencies(user))


def may_revoke(user) -> bool:
    return user.has_any_role(*REVOKE)


def may_import(user) -> bool:
    return user.has_any_role(*IMPORT)


def require(allowed: bool) -> None:
    if not allowed:
        abort(403)


def require_reader() -> None:
    require(current_user.has_any_role(*READERS))
