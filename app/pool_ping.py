"""A pooled connection is checked before use only when it sat idle a while.

SQLAlchemy's pool_pre_ping checks every connection at every checkout: one more round trip
on every request, where a busy server's connections were in use a moment ago. A server
drops connections that sat idle (a restart, a firewall's timeout), not those in use, so
only a connection idle for IDLE_BEFORE_PING seconds is pinged; a dead one is replaced
before the request sees it. A connection that dies while in use is caught as pre_ping
would: SQLAlchemy recognises the disconnect, and the pool drops every older connection."""

import time

from sqlalchemy import event, exc

IDLE_BEFORE_PING = 5.0  # seconds


def install(engine) -> None:
    @event.listens_for(engine, "checkin")
    def _idle_from_now(dbapi_connection, record):
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, proxy):
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < IDLE_BEFORE_PING:
            return  # new, or in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:  # any failure: the pool connects anew
            raise exc.DisconnectionError(str(error)) from error
