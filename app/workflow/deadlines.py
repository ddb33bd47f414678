"""When a step counts as due soon: from the moment its reminder would come, a number of
working days before its deadline. The number is the plan's setting (the plan registers it
with set_reminder_days), so the inbox and the reminders always agree."""

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

from flask import g, has_app_context

from app import calendar
from app.clock import LOCAL_TZ, local_date, utcnow

DEFAULT_REMINDER_DAYS = 3
_reminder_days: list[Callable[[], int]] = [lambda: DEFAULT_REMINDER_DAYS]


def set_reminder_days(provider: Callable[[], int]) -> None:
    """Where the number of working days comes from (a module's setting)."""
    _reminder_days[0] = provider


def _compute(day, days: int) -> datetime:
    last = calendar.add_working_days(day, days)
    end = datetime.combine(last + timedelta(days=1), time(), LOCAL_TZ)
    return end.astimezone(UTC).replace(tzinfo=None)


def due_soon_until(now: datetime | None = None) -> datetime:
    """The moment (naive UTC) up to which an open step's deadline makes it due soon: the end
    of the day that many working days from today. Counted once per request and day."""
    key = (local_date(now or utcnow()), max(int(_reminder_days[0]()), 0))
    if not has_app_context():
        return _compute(*key)
    cached = g.get("_due_soon_until")
    if cached is None or cached[0] != key:
        cached = (key, _compute(*key))
        g._due_soon_until = cached
    return cached[1]
