"""The awards module (plan item 5.4): commendations proposed, appraised and decided, and
the registry of every award given. create_app calls init_app for every module in
ENABLED_MODULES."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def _init_registry(app: Flask) -> None:
    """The registry of awards given: its pages (with the import of past years), its menu
    entry, the demo's past decisions, and the year's commendations as figures of item 5.4's
    annual report."""
    from app.cli import register_demo_seed
    from app.nav import NavItem, register_nav
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
    register_nav(app, NavItem("awards_registry.registry_page", _l("Commendations"),
                              READERS, order=40))
    register_demo_seed(app, registry_demo.seed_demo_registry)
    register_item_figures(app, registry_figures.figures)


def init_app(app: Flask) -> None:
    _init_registry(app)
