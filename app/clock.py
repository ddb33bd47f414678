"""The one clock. Everything that asks "what time is it" asks here, so tests can set it.

Times are naive UTC in the database; pages show them in Asia/Ho_Chi_Minh.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _system_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def utcnow() -> datetime:
    """Now, naive UTC; an app may override it with config["CLOCK"] (a callable)."""
    override = current_app.config.get("CLOCK") if current_app else None
    return override() if override else _system_now()


def local_date(moment: datetime) -> date:
    """The day in Vietnam of a stored moment (naive UTC, as every time in the database)."""
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_TZ).date()


def today() -> date:
    """Today's date in Vietnam, which is what a deadline or a validity date means."""
    return local_date(utcnow())


class FrozenClock:
    """A clock that only moves when told; for tests and for replaying a year."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)
