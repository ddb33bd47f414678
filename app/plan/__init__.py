"""The plan (Kế hoạch 116/KH-UBND): its catalogue and the admins' amendments."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from app.nav import NavItem, register_nav


def init_app(app: Flask) -> None:
    from app.plan import cli, views

    app.register_blueprint(views.bp)
    cli.init_app(app)
    register_nav(app, NavItem("plan.catalogue_page", _l("Plan"), order=15))
