"""Declaring and removing days off and make-up working days (the calendar's only writes)."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.calendar.models import DeclaredDay
from app.extensions import db


class CalendarError(ValueError):
    pass


def declared_in(year: int) -> list[DeclaredDay]:
    return list(db.session.scalars(
        select(DeclaredDay).where(DeclaredDay.day.between(date(year, 1, 1), date(year, 12, 31)))
        .order_by(DeclaredDay.day)))


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def stage(day: date, *, working: bool, note: str, source: str | None = None,
          actor=None) -> DeclaredDay:
    """Declare `day` a day off or a make-up working day, staged for the caller to commit;
    declaring it again replaces it."""
    note, source = _one_line(note), _one_line(source)
    if not note:
        raise CalendarError(_l("Say what the day is (for example the decision that sets it)."))
    if working and day.weekday() < 5:
        raise CalendarError(_l("A make-up working day falls on a weekend."))
    found = db.session.scalar(select(DeclaredDay).where(DeclaredDay.day == day))
    if found is None:
        found = DeclaredDay(day=day)
        db.session.add(found)
    found.working, found.note, found.source = working, note[:255], source[:255] or None
    found.created_by_id = getattr(actor, "id", None)
    return found


def declare(day: date, *, working: bool, note: str, source: str | None = None,
            actor=None) -> DeclaredDay:
    found = stage(day, working=working, note=note, source=source, actor=actor)
    db.session.commit()
    return found


def remove(declared_id: int) -> bool:
    found = db.session.get(DeclaredDay, declared_id)
    if found is None:
        return False
    db.session.delete(found)
    db.session.commit()
    return True
