"""Administration of the processes: definitions and versions, instances and their repair."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app.auth.roles import Role
from app.nav import ADMINISTRATION, NavItem, register_nav


def init_app(app: Flask) -> None:
    from app.admin import editor_api  # noqa: F401 - its JSON endpoints join the blueprint
    from app.admin.views import bp

    app.register_blueprint(bp)
    admin = frozenset({Role.ADMIN})
    register_nav(
        app,
        NavItem("process_admin.definitions", _l("Processes"), admin, menu=ADMINISTRATION, order=70),
        NavItem("process_admin.instances", _l("Instances"), admin, menu=ADMINISTRATION, order=71),
    )
