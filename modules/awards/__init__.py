"""Commendations (plan item 5.4): the call for proposals, proposing with the dossier, the
coordinator's consolidation, Home Affairs' appraisal, the decision; run by the commendation
process (commendation.bpmn), one instance per nomination, which the pages move with
messages (nominations.SENT_AGAIN, consolidation.REVIEWED / LISTED, appraisal.APPRAISED,
decisions.DECIDED) and which keeps the statutory periods (periods.py) as timers."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app import workflow
from app.auth.roles import Role
from app.home.panels import register_home_panel
from app.nav import NavItem, register_nav


def init_app(app: Flask) -> None:
    from modules.awards import home, models, process, views  # noqa: F401

    app.register_blueprint(views.bp)
    for name, helper in process.HELPERS.items():
        workflow.register_helper(name, helper)
    workflow.instance_terminated.connect(process.terminated_by_admin)
    register_nav(app, NavItem("awards.index_page", _l("Commendations"), frozenset({
        Role.COORDINATOR, Role.AGENCY_STAFF, Role.AGENCY_LEAD, Role.HOME_AFFAIRS}), order=35))
    register_home_panel(app, home.awards_panel)
    _init_demo(app)


def _init_demo(app: Flask) -> None:
    from app.cli import register_demo_seed
    from modules.awards import demo

    register_demo_seed(app, demo.seed_demo_awards)
