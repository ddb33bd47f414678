"""The awards module (plan item 5.4): commendations proposed, appraised and decided, and
the registry of every award given.

The commendation work: the call for proposals, proposing with the dossier, the
coordinator's consolidation, Home Affairs' appraisal, the decision; run by the commendation
process (commendation.bpmn), one instance per nomination, which the pages move with
messages (nominations.SENT_AGAIN, consolidation.REVIEWED / LISTED, appraisal.APPRAISED,
decisions.DECIDED) and which keeps the statutory periods (periods.py) as timers."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app import workflow
from app.auth.roles import Role
from app.home.panels import register_home_panel
from app.nav import ADMINISTRATION, NavItem, register_nav

AWARDS_MENU = _l("Commendations")  # one menu for the proposals and the registry


def _init_registry(app: Flask) -> None:
    """The registry of awards given: its pages (with the import of past years), its menu
    entry, the demo's past decisions, and the year's commendations as figures of item 5.4's
    annual report."""
    from app.cli import register_demo_seed
    from app.plan.reporting import register_item_figures
    from modules.awards import (  # noqa: F401 - the import's routes join the blueprint
        registry_demo,
        registry_figures,
        registry_import_views,
        registry_models,
        registry_views,
    )
    from modules.awards.registry_access import READERS

    app.register_blueprint(registry_views.bp)
    # Not on the menu bar of an admin or a coordinator who is no agency's staff (it keeps
    # to one line): they come in by the home page's commendations panel.
    register_nav(app, NavItem("awards_registry.registry_page", _l("Registry of awards"),
                              READERS - {Role.ADMIN, Role.COORDINATOR}, order=36,
                              menu=AWARDS_MENU))
    register_demo_seed(app, registry_demo.seed_demo_registry)
    register_item_figures(app, registry_figures.figures)


def _init_commendations(app: Flask) -> None:
    from app.cli import register_demo_seed
    from app.plan.settings_sections import register_settings_section
    from modules.awards import demo, home, models, periods, process, signals, views  # noqa: F401

    app.register_blueprint(views.bp)
    for name, helper in process.HELPERS.items():
        workflow.register_helper(name, helper)
    workflow.instance_terminated.connect(process.terminated_by_admin)
    workflow.register_worker_job(app, signals.worker_job)
    # The agencies' and Home Affairs' entry; a coordinator who is no agency's staff (an
    # admin's menu bar keeps to one line) comes in by the home page's panel.
    register_nav(app, NavItem("awards.index_page", _l("Commendation proposals"), frozenset({
        Role.AGENCY_STAFF, Role.AGENCY_LEAD, Role.HOME_AFFAIRS}), order=35, menu=AWARDS_MENU))
    # The admin's way to the award forms, the council, the hiệp y agencies and the printing.
    register_nav(app, NavItem("awards.catalogue_page", _l("Award forms"), frozenset({
        Role.ADMIN}), order=87, menu=ADMINISTRATION))
    register_home_panel(app, home.awards_panel)
    register_settings_section(app, periods.SECTION)
    register_demo_seed(app, demo.seed_demo_awards)


def init_app(app: Flask) -> None:
    _init_commendations(app)
    _init_registry(app)
