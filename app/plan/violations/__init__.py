"""Violation handling (plan item 2.3): intake, verification, sanction or referral, closure."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app import workflow
from app.auth.roles import Role
from app.nav import NavItem, register_nav


def init_app(app: Flask) -> None:
    from app.plan.violations import service, views

    app.register_blueprint(views.bp)
    workflow.register_helper("case_closed", service.case_closed)
    workflow.data_changed.connect(service.inspector_changed)
    register_nav(app, NavItem("violations.register_page", _l("Violations"),
                              frozenset({Role.COORDINATOR, Role.ADMIN}), order=17))
