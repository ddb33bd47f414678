"""The application factory: config → extensions → blueprints → modules → CLI."""

import importlib

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from app.bounds import MAX_ROW_ID
from app.config import Config
from app.extensions import babel, csrf, db, login_manager, migrate
from app.strict_json import StrictJSONProvider


def create_app(config: Config | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.json = StrictJSONProvider(app)
    app.config.from_object(config or Config())
    app.url_map.converters["int"] = RowIdConverter

    _init_extensions(app)
    _register_blueprints(app)
    for module_name in app.config["ENABLED_MODULES"]:
        importlib.import_module(module_name).init_app(app)
    _register_cli(app)
    _trust_proxies(app)
    return app


def _trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, the visitor's address, scheme and host are
    the ones the proxies forwarded (the last that many entries of each header: what a
    visitor writes in front of them is not believed)."""
    count = app.config.get("TRUSTED_PROXIES", 0)
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


class RowIdConverter(IntegerConverter):
    """<int:…> in a URL is a row's id: a number beyond the database's integers names no row
    (404), rather than an error from PostgreSQL (500)."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ROW_ID)
        super().__init__(url_map, *args, **kwargs)


def _init_extensions(app: Flask) -> None:
    from app import i18n, models  # noqa: F401  (models: every table known to migrations)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    login_manager.init_app(app)
    _enable_sqlite_foreign_keys(app)
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        from app import pool_ping

        with app.app_context():
            pool_ping.install(db.engine)


def _register_blueprints(app: Flask) -> None:
    from app import errors, i18n, nav, security
    from app.admin import init_app as init_admin
    from app.api import init_app as init_api
    from app.auth import init_app as init_auth
    from app.calendar import init_app as init_calendar
    from app.diagrams import init_app as init_diagrams
    from app.home import bp as home_bp
    from app.notifications import init_app as init_notifications
    from app.plan import init_app as init_plan
    from app.signing import init_app as init_signing
    from app.tasks import init_app as init_tasks
    from app.workflow import init_app as init_workflow

    security.init_app(app)
    errors.init_app(app)
    nav.init_app(app)
    i18n.init_app(app)
    init_auth(app)
    init_workflow(app)
    init_tasks(app)
    init_admin(app)
    init_api(app)
    init_notifications(app)
    init_plan(app)
    init_signing(app)
    init_calendar(app)
    init_diagrams(app)
    app.register_blueprint(home_bp)


def _register_cli(app: Flask) -> None:
    from app.cli import register

    register(app)


def _enable_sqlite_foreign_keys(app: Flask) -> None:
    """SQLite ignores foreign keys unless each connection asks for them."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    from sqlalchemy import event

    with app.app_context():

        @event.listens_for(db.engine, "connect")
        def _on_connect(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()
