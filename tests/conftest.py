"""Fixtures. Every test runs on the database TEST_DATABASE_URL names: `sqlite` (a fresh file)
or a PostgreSQL URL. `make test` and `make test-heavy` run each suite once on each.

The schema comes from the migrations (`flask db upgrade`), as in production; after each test
every table is emptied, so tests may commit and use several connections, as the app does.
"""

import os
import re
from datetime import datetime

import pytest
from flask import globals as flask_globals
from flask.testing import FlaskClient
from sqlalchemy import create_engine, make_url, select, text

from app import create_app
from app.clock import FrozenClock
from app.config import TestingConfig, normalise_database_url
from app.extensions import db as _db
from tests import factories
from tests.mail import smtp  # noqa: F401 - the SMTP sink fixture, for every test that reads mail

START = datetime(2025, 6, 2, 1, 30)  # 08:30 in Quảng Ngãi, a Monday


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL", "sqlite")
    if url == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    return url


def _connect(url: str):
    return create_engine(normalise_database_url(url), connect_args={"connect_timeout": 3})


def _worker_database(url: str) -> str:
    """Under pytest-xdist each worker empties and fills a database of its own, made beside
    the one TEST_DATABASE_URL names (test → test_gw0, test_gw1)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    base = make_url(normalise_database_url(url))
    name = f"{base.database}_{worker}"
    engine = _connect(url).execution_options(isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                   {"name": name})
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def pytest_sessionstart(session):
    """Refuse clearly (or skip the leg) when PostgreSQL is away, once, before any worker starts."""
    url = os.environ.get("TEST_DATABASE_URL", "sqlite")
    if not url.startswith("postgres") or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    try:
        engine = _connect(url)
        engine.connect().close()
        engine.dispose()
    except Exception as error:  # any failure to reach the server means the same here
        reason = f"PostgreSQL is not reachable at {url}: {str(error).splitlines()[0]}"
        if os.environ.get("CI") == "true":
            pytest.exit(f"{reason}. Under CI=true the PostgreSQL leg must run.", returncode=3)
        pytest.exit(f"SKIPPED the PostgreSQL leg: {reason}", returncode=0)


def _reset_postgres(url: str) -> str:
    """Start from an empty schema."""
    url = _worker_database(url)
    engine = _connect(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    url = _database_url(tmp_path_factory)
    if url.startswith("postgres"):
        url = _reset_postgres(url)
    return url


class RequestIsolatedClient(FlaskClient):
    """Serves each request in its own app context, as a real server does.

    Flask reuses an app context that is already pushed, and the `db` fixture keeps one
    pushed for the test's own queries; without this, `g` (and the signed-in user in it) and
    the database session would leak from one request, or one client, into the next.
    """

    def open(self, *args, **kwargs):
        token = flask_globals._cv_app.set(None)
        try:
            return super().open(*args, **kwargs)
        finally:
            flask_globals._cv_app.reset(token)


@pytest.fixture(scope="session")
def app(database_url):
    from flask_migrate import upgrade

    app = create_app(TestingConfig(database_url))
    app.test_client_class = RequestIsolatedClient
    with app.app_context():
        upgrade()
    return app


@pytest.fixture(autouse=True)
def clock(app):
    """Each test starts at the same instant; tests move it with clock.advance(...)."""
    frozen = FrozenClock(START)
    app.config["CLOCK"] = frozen
    yield frozen
    app.config.pop("CLOCK", None)


@pytest.fixture(autouse=True)
def db(app):
    with app.app_context():
        yield _db
        _db.session.rollback()
        _db.session.remove()
        with _db.engine.begin() as connection:
            for table in reversed(_db.metadata.sorted_tables):
                connection.execute(table.delete())


@pytest.fixture(autouse=True)
def cold_specs(monkeypatch):
    """Each load of an instance parses its diagram anew, as a new server process would: a
    spec the engine changed while running (SpiffWorkflow wires events onto it) cannot hide
    what a second process would do."""
    from app.workflow import runtime, specs

    warm_load = runtime.load

    def cold_load(instance):
        specs.clear()
        return warm_load(instance)

    monkeypatch.setattr(runtime, "load", cold_load)


@pytest.fixture(autouse=True)
def no_stalled_instances(request, db):
    """A process that stopped with nothing open and nothing awaited fails the test that
    made it, unless the test is about that (`@pytest.mark.stalls`)."""
    from app.workflow.models import AuditEvent

    yield
    if request.node.get_closest_marker("stalls"):
        return
    _db.session.rollback()
    stalled = [event.instance_id for event in _db.session.scalars(
        select(AuditEvent).where(AuditEvent.kind == "error")) if event.details.get("stalled")]
    assert not stalled, f"instances {stalled} stalled: running with nothing open or awaited"


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def agencies(db):
    return factories.seeded_agencies()


def _logged_in(app, user):
    client = app.test_client()
    login(client, user.username, factories.PASSWORD)
    client.user = user
    return client


@pytest.fixture
def admin_client(app, agencies):
    return _logged_in(app, factories.make_user("admin.test", roles=["admin"]))


@pytest.fixture
def staff_client(app, agencies):
    return _logged_in(app, factories.make_user("staff.test", roles=["agency_staff"]))


@pytest.fixture
def deploy(agencies):
    """Publish a diagram (XML text) and return its version."""
    from app.workflow import add_version

    def _deploy(xml: str, filename: str = "test.bpmn"):
        version, _ = add_version(xml, filename, publish=True)
        return version

    return _deploy


@pytest.fixture
def people(agencies):
    """One clerk in each of the agencies the test diagrams use, and a coordinator."""
    return {
        "sct": factories.make_user("clerk.sct", agency_code="SCT", full_name="Phạm Thị Huyền"),
        "sct2": factories.make_user("clerk2.sct", agency_code="SCT", full_name="Lê Văn Hai"),
        "snv": factories.make_user("clerk.snv", agency_code="SNV", full_name="Võ Minh Phê"),
        "coordinator": factories.make_user("coord", roles=["coordinator"],
                                           agency_code="STTTT", full_name="Trần Thị Điều"),
    }


@pytest.fixture
def two_steps(deploy):
    from tests.workflow import diagrams

    return deploy(diagrams.two_steps())


CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def csrf_token(client) -> str:
    """The session's CSRF token, read from the layout as a browser's form would carry it."""
    response = client.get("/login", follow_redirects=True)
    return CSRF_META.search(response.get_data(as_text=True)).group(1)


def post_form(client, url, data=None, **kwargs):
    return client.post(url, data={"csrf_token": csrf_token(client), **(data or {})}, **kwargs)


def login(client, username, password, **kwargs):
    return post_form(client, "/login", {"username": username, "password": password}, **kwargs)


def pdf_text(pdf: bytes) -> str:
    """A PDF's text as a reader sees it: NFC, with lines joined wherever they wrapped."""
    import io
    import unicodedata

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture
def province_today(agencies):
    """The province as it is today: the 2024 agencies, and over them the 2025
    reorganisation (ended agencies with their successors, new departments, the 96 communes)."""
    from app.auth.reorg_seed import seed_reorganisation

    seed_reorganisation()
    return factories.seeded_agencies()
