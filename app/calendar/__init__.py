"""The Vietnamese working-day calendar: weekends and public holidays (Tết, 30/4, 1/5, 2/9 and
the days the government adds around them) from the maintained `holidays` library, corrected
by the days declared from the Government's yearly notices (app/calendar/notices.py) or by an
admin: days off, and Saturdays worked in exchange for a bridge day.

Deadlines that the law counts in working days use this; so do scripts in BPMN diagrams, and
periods counted in days, months or years whose last day is a rest day (period_end).
Each call reads the declared days of its span once.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta
from flask import has_app_context
from sqlalchemy import select

from app.extensions import db

_WINDOW_DAYS = 120

# Days the library counts that no law makes a day off yet. "Ngày Văn hóa Việt Nam" (24/11)
# is a Politburo policy (NQ 80-NQ/TW) and a Government task to amend Bộ luật Lao động
# Điều 112 khoản 1 (NQ 30/NQ-CP, 02/2026); the Code in force lists 11 days without it. When
# the amendment is law, declare the day with its source on the calendar page.
NOT_IN_LAW = ("Ngày Văn hóa Việt Nam",)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> dict[date, str]:
    """The year's public holidays under the Labour Code in force, with their Vietnamese
    names (what the library counts beyond the law left out)."""
    return dict(sorted((day, name) for day, name in
                       holidays.Vietnam(years=year, language="vi").items()
                       if not name.startswith(NOT_IN_LAW)))


def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(public_holidays(year))


def _declared(first: date, last: date) -> dict[date, bool]:
    """{day: working?} that admins declared between `first` and `last`."""
    if not has_app_context():
        return {}
    from app.calendar.models import DeclaredDay

    rows = db.session.execute(select(DeclaredDay.day, DeclaredDay.working)
                              .where(DeclaredDay.day.between(first, last)))
    return {day: working for day, working in rows}


def _is_working(day: date, declared: dict[date, bool]) -> bool:
    if day in declared:
        return declared[day]
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def is_working_day(day: date) -> bool:
    return _is_working(day, _declared(day, day))


def _days_from(start: date, step: int):
    """The days after `start` (before it, for step -1), each with whether it is a working
    day; the declared days are read a window at a time."""
    current, one = start, timedelta(days=step)
    while True:
        first, last = sorted((current + one, current + one * _WINDOW_DAYS))
        declared = _declared(first, last)
        for _ in range(_WINDOW_DAYS):
            current += one
            yield current, _is_working(current, declared)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (before it, for a negative count)."""
    if days == 0:
        return start
    remaining = abs(days)
    for day, working in _days_from(start, 1 if days > 0 else -1):
        remaining -= working
        if not remaining:
            return day
    raise AssertionError("unreachable: the days never run out")


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    if is_working_day(day):
        return day
    return add_working_days(day, 1)


def period_end(start: date, days: int = 0, months: int = 0, years: int = 0) -> date:
    """The last day of a period counted from `start` (Bộ luật Dân sự 2015, Điều 147–148,
    applied to administrative violations by Luật Xử lý vi phạm hành chính, Điều 8): the
    first day is the day after `start`; a period in months or years ends on the matching
    day, or the month's last day when it has none; a last day that is a weekend or a public
    holiday moves to the next working day (Điều 148 khoản 5)."""
    last = start + relativedelta(years=years, months=months, days=days)
    return next_working_day(last)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`."""
    declared = _declared(start, end)
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        count += _is_working(current, declared)
    return count


def init_app(app) -> None:
    from flask_babel import lazy_gettext as _l

    from app.auth.roles import Role
    from app.calendar import admin
    from app.nav import ADMINISTRATION, NavItem, register_nav

    app.register_blueprint(admin.bp)
    register_nav(app, NavItem("calendar_admin.calendar_page", _l("Working-day calendar"),
                              frozenset({Role.ADMIN}), menu=ADMINISTRATION, order=84))
