"""Who sees and keeps the registry, checked on the server for every page and action.

- The coordinator, Home Affairs and admins see every award; an agency's leads and staff see
  their own agency's awards (those to its people and to itself); a trainee sees none.
- Home Affairs and admins revoke an award (the department keeps thi đua, khen thưởng records).
- Home Affairs, the coordinator and admins import past years from a spreadsheet."""

from flask import abort
from flask_login import current_user
from sqlalchemy import false

from app.auth.roles import Role
from modules.awards.registry_models import Award

SEE_ALL = (Role.COORDINATOR, Role.HOME_AFFAIRS, Role.ADMIN)
SEE_OWN = (Role.AGENCY_LEAD, Role.AGENCY_STAFF)
REVOKE = (Role.HOME_AFFAIRS, Role.ADMIN)
IMPORT = (Role.HOME_AFFAIRS, Role.COORDINATOR, Role.ADMIN)
READERS = frozenset({*SEE_ALL, *SEE_OWN})


def sees_all(user) -> bool:
    return user.has_any_role(*SEE_ALL)


def visible(user):
    """The condition on Award that keeps what `user` may see."""
    if sees_all(user):
        return Award.id.isnot(None)
    if user.has_any_role(*SEE_OWN):
        return Award.agency_id == user.agency_id
    return false()


def may_see(user, award: Award) -> bool:
    return sees_all(user) or (user.has_any_role(*SEE_OWN) and award.agency_id == user.agency_id)


def may_revoke(user) -> bool:
    return user.has_any_role(*REVOKE)


def may_import(user) -> bool:
    return user.has_any_role(*IMPORT)


def require(allowed: bool) -> None:
    if not allowed:
        abort(403)


def require_reader() -> None:
    require(current_user.has_any_role(*READERS))
