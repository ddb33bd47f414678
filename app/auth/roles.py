"""The roles a person can hold, and the server-side check that guards every action."""

from enum import StrEnum
from functools import wraps

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    AGENCY_LEAD = "agency_lead"
    AGENCY_STAFF = "agency_staff"
    HOME_AFFAIRS = "home_affairs_approver"
    # An official with competence to sanction administrative violations in the press and
    # publishing (Nghị định 119/2020/NĐ-CP, Chương IV), granted by the admin to the person
    # who holds it; it signs sanction decisions, which the plan's coordinator does not.
    SANCTIONING_OFFICIAL = "sanctioning_official"
    TRAINEE = "trainee"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.COORDINATOR: _l("Plan coordinator"),
    Role.AGENCY_LEAD: _l("Agency lead"),
    Role.AGENCY_STAFF: _l("Agency staff"),
    Role.HOME_AFFAIRS: _l("Home Affairs approver"),
    Role.SANCTIONING_OFFICIAL: _l("Official with sanctioning competence"),
    Role.TRAINEE: _l("Trainee"),
}


def roles_required(*roles: Role):
    """Let the view run only for a signed-in user holding one of `roles`; others get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_any_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def restrict_blueprint(blueprint, *roles: Role) -> None:
    """Guard every view of `blueprint` (present and future) with roles_required(*roles)."""

    @blueprint.before_request
    @roles_required(*roles)
    def guard():
        return None
