"""People, roles, sign-in, and the agencies of the plan."""

from flask import Flask, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.auth import sessions
from app.auth.models import User
from app.auth.roles import Role
from app.extensions import login_manager
from app.nav import ADMINISTRATION, NavItem, register_nav

# Pages a person who must change their password may still reach.
OPEN_WHILE_PASSWORD_EXPIRED = {"auth.change_password", "auth.logout", "i18n.switch_language",
                               "auth.set_password", "auth.forgot_password"}


def init_app(app: Flask) -> None:
    from app.auth import (  # noqa: F401
        admin_agencies,
        admin_sessions,
        admin_successions,
        admin_users,
        agency_people,
        people_import_views,
        views,
    )

    app.register_blueprint(views.bp)
    app.register_blueprint(agency_people.bp)
    app.register_blueprint(admin_agencies.bp)
    app.register_blueprint(admin_users.bp)

    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to continue.")
    login_manager.login_message_category = "warning"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        return sessions.user_of_this_browser(int(user_id))

    @app.before_request
    def require_password_change():
        if request.blueprint == "api" or request.endpoint == "static":
            return None  # the API signs in by token, not by this session; files are files
        if (
            current_user.is_authenticated
            and current_user.must_change_password
            and request.endpoint not in OPEN_WHILE_PASSWORD_EXPIRED
        ):
            return redirect(url_for("auth.change_password"))
        return None

    admin = frozenset({Role.ADMIN})
    register_nav(
        app,
        NavItem("auth_admin.agencies", _l("Agencies"), admin, menu=ADMINISTRATION, order=80),
        NavItem("auth_admin.groups", _l("Agency groups"), admin, menu=ADMINISTRATION, order=81),
        NavItem("users_admin.users", _l("People"), admin, menu=ADMINISTRATION, order=82),
        NavItem("users_admin.import_people", _l("Import people"), admin, menu=ADMINISTRATION,
                order=82),
        NavItem("agency_people.own_people", _l("People of the agency"),
                frozenset({Role.AGENCY_LEAD}), order=33),
        NavItem("auth_admin.settings", _l("Settings"), admin, menu=ADMINISTRATION, order=83),
    )
