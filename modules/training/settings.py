"""The training module's settings: how many working days before the first session trainees
are reminded, how long a person promoted from the waiting list has to confirm, and how long
after the last session an enrollment waits for the organiser to close the class. No legal
text sets these: they are the organiser's practice, changed by an admin (settings table)."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.settings import get_int_setting


@dataclass(frozen=True)
class Setting:
    key: str
    default: int
    label: object


REMINDER_DAYS = Setting("training.reminder_days", 2, _l(
    "Remind confirmed trainees this many working days before the first session"))
CONFIRM_DAYS = Setting("training.confirm_days", 2, _l(
    "A seat offered from the waiting list is confirmed within this many working days"))
CLOSE_GRACE_DAYS = Setting("training.close_grace_days", 10, _l(
    "An enrollment waits this many working days after the last session for the organiser to "
    "close the class, then goes on to its result"))

SETTINGS = (REMINDER_DAYS, CONFIRM_DAYS, CLOSE_GRACE_DAYS)


def value(setting: Setting) -> int:
    """The setting's whole number of working days (at least 1: 0 would end what it times
    at once)."""
    return max(get_int_setting(setting.key, setting.default), 1)
