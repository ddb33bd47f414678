"""The training module's settings: how many working days before the first session trainees
are reminded, how long a person promoted from the waiting list has to confirm, and how long
after the last session an enrollment waits for the organiser to close the class. No legal
text sets these: they are the organiser's practice, changed by an admin on the settings page
(a section of it, registered by init_app)."""

from flask_babel import lazy_gettext as _l

from app.plan.settings_sections import NumberSetting, SettingsSection

PRACTICE = _l("No legal text sets it: the organiser's practice.")

REMINDER_DAYS = NumberSetting("training.reminder_days", _l(
    "Remind confirmed trainees this many working days before the first session"), 2,
    PRACTICE, maximum=30)
CONFIRM_DAYS = NumberSetting("training.confirm_days", _l(
    "A seat offered from the waiting list is confirmed within this many working days"), 2,
    PRACTICE, maximum=30)
CLOSE_GRACE_DAYS = NumberSetting("training.close_grace_days", _l(
    "An enrollment waits this many working days after the last session for the organiser to "
    "close the class, then goes on to its result"), 10, PRACTICE, maximum=60)

SETTINGS = (REMINDER_DAYS, CONFIRM_DAYS, CLOSE_GRACE_DAYS)
SECTION = SettingsSection(_l("Training"), SETTINGS)


def value(setting: NumberSetting) -> int:
    """The setting's whole number of working days (at least 1: 0 would end what it times
    at once)."""
    return max(setting.value(), 1)
