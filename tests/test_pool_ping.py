"""A pooled PostgreSQL connection the server dropped while it sat idle is replaced before a
request uses it (app.pool_ping), without pinging the connections that were just in use."""

import pytest
from sqlalchemy import create_engine, text

from app import pool_ping
from app.config import normalise_database_url


@pytest.fixture
def engine(database_url):
    if database_url.startswith("sqlite"):
        pytest.skip("a SQLite file drops no connections")
    engine = create_engine(normalise_database_url(database_url), pool_size=1, max_overflow=0)
    pool_ping.install(engine)
    yield engine
    engine.dispose()


def _backend(engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(text("SELECT pg_backend_pid()"))


def _terminate(database_url, pid: int) -> None:
    other = create_engine(normalise_database_url(database_url))
    with other.connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    other.dispose()


def test_a_connection_dropped_while_idle_is_replaced(engine, database_url, monkeypatch):
    first = _backend(engine)
    _terminate(database_url, first)
    monkeypatch.setattr(pool_ping, "IDLE_BEFORE_PING", 0.0)  # it has sat idle long enough
    assert _backend(engine) != first  # a new connection answered; no error reached us


def test_a_connection_in_use_a_moment_ago_is_not_pinged(engine):
    _backend(engine)
    pings = []
    original = engine.dialect.do_ping
    engine.dialect.do_ping = lambda connection: pings.append(1) or original(connection)
    _backend(engine)
    assert pings == []
