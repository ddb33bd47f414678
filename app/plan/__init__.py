"""The plan (Kế hoạch 116/KH-UBND): its catalogue and the admins' amendments."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app import workflow
from app.auth.roles import Role
from app.home.panels import register_home_panel
from app.nav import ADMINISTRATION, NavItem, register_nav


def _agency_name(code: str) -> str:
    from sqlalchemy import select

    from app.auth.models import Agency
    from app.extensions import db

    agency = db.session.scalar(select(Agency).where(Agency.code == str(code).upper()))
    return agency.name_vi if agency is not None else str(code)


def _register_script_helpers() -> None:
    """What the plan's diagrams call: telling an agency, naming it, and recording where an
    assignment stands (each in the step's own transaction)."""
    from app.notifications.service import notify_agency
    from app.plan.assignments import report_accepted, report_submitted
    from app.plan.reporting import (
        adhoc_report_submitted,
        agency_report_accepted,
        agency_report_returned,
        agency_report_submitted,
    )

    workflow.register_helper("notify", notify_agency)
    workflow.register_helper("agency_name", _agency_name)
    workflow.register_helper("report_submitted", report_submitted)
    workflow.register_helper("report_accepted", report_accepted)
    workflow.register_helper("agency_report_submitted", agency_report_submitted)
    workflow.register_helper("adhoc_report_submitted", adhoc_report_submitted)
    workflow.register_helper("agency_report_returned", agency_report_returned)
    workflow.register_helper("agency_report_accepted", agency_report_accepted)


def init_app(app: Flask) -> None:
    # Importing the *_views modules adds their routes to the plan's blueprint.
    from app.auth.signals import agency_merge_preview, agency_work_moving
    from app.plan import (  # noqa: F401
        assignments,
        catalogue,
        citation,
        cli,
        dashboard_views,
        home,
        report_views,
        settings_views,
        views,
        violations,
    )

    app.register_blueprint(views.bp)
    violations.init_app(app)
    cli.init_app(app)
    citation.init_app(app)
    _register_script_helpers()
    workflow.register_worker_job(app, _report_rounds_on_time)
    # "Due soon" in every inbox starts when the plan's reminders come.
    workflow.set_reminder_days(assignments.reminder_days)
    register_home_panel(app, home.coordination_panel)
    workflow.data_changed.connect(assignments.lead_changed)
    agency_merge_preview.connect(catalogue.items_of)
    agency_work_moving.connect(assignments.reroute_assignments)
    register_nav(app, NavItem("plan.catalogue_page", _l("Plan"), order=15),
                 NavItem("plan.dashboard_page", _l("Progress"),
                         frozenset({Role.COORDINATOR, Role.ADMIN, Role.AGENCY_LEAD}), order=14),
                 NavItem("plan.reports_page", _l("Reports"),
                         frozenset({Role.COORDINATOR, Role.ADMIN}), order=16),
                 NavItem("plan.settings_page", _l("Plan settings"), frozenset({Role.ADMIN}),
                         menu=ADMINISTRATION, order=85))


def _report_rounds_on_time() -> None:
    """The worker opens the year's round on its day, ends the steps a sign-off that was cut
    short left open, and reminds the coordinators of their own deadline."""
    from app.plan import consolidation
    from app.plan.closing import close_signed_rounds
    from app.plan.reporting import open_due_cycles

    open_due_cycles()
    close_signed_rounds()
    consolidation.remind()
