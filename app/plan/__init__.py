"""The plan (Kế hoạch 116/KH-UBND): its catalogue and the admins' amendments."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app.nav import NavItem, register_nav


def _agency_name(code: str) -> str:
    from sqlalchemy import select

    from app.auth.models import Agency
    from app.extensions import db

    agency = db.session.scalar(select(Agency).where(Agency.code == str(code).upper()))
    return agency.name_vi if agency is not None else str(code)


def _register_script_helpers() -> None:
    """What the plan's diagrams call: telling an agency, naming it, and recording where an
    assignment stands (each in the step's own transaction)."""
    from app import workflow
    from app.notifications.service import notify_agency
    from app.plan.assignments import report_accepted, report_submitted

    workflow.register_helper("notify", notify_agency)
    workflow.register_helper("agency_name", _agency_name)
    workflow.register_helper("report_submitted", report_submitted)
    workflow.register_helper("report_accepted", report_accepted)


def init_app(app: Flask) -> None:
    from app.plan import cli, views

    app.register_blueprint(views.bp)
    cli.init_app(app)
    _register_script_helpers()
    register_nav(app, NavItem("plan.catalogue_page", _l("Plan"), order=15))
