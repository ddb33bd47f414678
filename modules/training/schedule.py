"""When a class runs, in Quảng Ngãi's time: its first start and last end, whether it has
begun, and the moments its enrollment process waits for (ISO text, as timers read them)."""

from datetime import UTC, date, datetime, time, timedelta

from app.clock import LOCAL_TZ, utcnow


def local_now() -> datetime:
    return utcnow().replace(tzinfo=UTC).astimezone(LOCAL_TZ)


def first_start(training_class) -> datetime | None:
    if not training_class.sessions:
        return None
    first = training_class.sessions[0]
    return datetime.combine(first.day, first.starts_at, tzinfo=LOCAL_TZ)


def last_end(training_class) -> datetime | None:
    if not training_class.sessions:
        return None
    last = max(training_class.sessions, key=lambda session: (session.day, session.ends_at))
    return datetime.combine(last.day, last.ends_at, tzinfo=LOCAL_TZ)


def has_begun(training_class) -> bool:
    start = first_start(training_class)
    return start is not None and local_now() >= start


def moment(day: date, at: time = time(8, 0)) -> str:
    """A timer's moment: `day` at `at` in Vietnam, as the diagrams write it."""
    return datetime.combine(day, at).isoformat()


def after_day(day: date) -> str:
    """The first moment after `day` ends (a deadline "by the end of" that day)."""
    return moment(day + timedelta(days=1), time(0, 0))
