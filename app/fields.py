"""Form fields shared by every feature."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, SelectChoice
from wtforms.validators import StopValidation
from wtforms.widgets import TextInput

from app.bounds import FIRST_YEAR, LAST_YEAR
from app.workflow.attachments import MAX_BYTES


class VietnameseDateField(DateField):
    """A date typed and shown as dd/mm/yyyy in a text box (app.js adds a calendar to pick
    from): a browser's own date input would show and send its own format, whatever the
    page's language. A blank box is no date (None): whether one is needed is the
    validators' say, not the parser's."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric",
                     "autocomplete": "off", "data-date-picker": _l("Pick the day on a calendar"),
                     **kwargs.pop("render_kw", {})}
        super().__init__(label, validators, format="%d/%m/%Y", render_kw=render_kw, **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist or not " ".join(valuelist).strip():
            self.data = None
            return
        try:
            super().process_formdata([" ".join(valuelist).strip()])
        except ValueError:
            raise ValueError(_l("Not a date: type it as dd/mm/yyyy, for example 05/12/2025.")) \
                from None
        if not FIRST_YEAR <= self.data.year <= LAST_YEAR:
            self.data = None
            raise ValueError(_l("A date between %(first)s and %(last)s.",
                                first=FIRST_YEAR, last=LAST_YEAR))

    def pre_validate(self, form):
        # A date that could not be read says so: "This field is required" would mislead.
        if self.process_errors:
            raise StopValidation()


class WholeNumberField(IntegerField):
    """A whole number: "2,5" is told it is not one, and only that (a range or "required"
    after it would mislead: the number typed was read as nothing)."""

    def pre_validate(self, form):
        # A blank box is left to the validators: Optional() forgets its parse error.
        if self.process_errors and "".join(self.raw_data or []).strip():
            raise StopValidation()


CHOOSE = _l("— Choose —")


def options(pairs) -> list[SelectChoice]:
    """A select's choices from (value, label) pairs, such as a dict's items."""
    return [SelectChoice(value, label) for value, label in pairs]


def choose_first(choices: list) -> list:
    """A select's choices after a "— Chọn —" placeholder: a choice that decides something
    is made by the person, never taken from whichever option happens to come first."""
    return [SelectChoice("", CHOOSE), *choices]


def optional_int(value):
    """coerce= for a select of ids with a placeholder: "" (nothing chosen) is None."""
    if value in ("", None):
        return None
    return int(value)


def too_large(limit: int = MAX_BYTES):
    """The message for a file over `limit` bytes, in megabytes as people count them."""
    return _l("The file is larger than %(size)s MB.", size=f"{limit / 1024 / 1024:g}")


def checked_in_browser(limit: int = MAX_BYTES) -> dict:
    """render_kw for a file input whose size the page checks before sending (app.js): over
    the server's limit, the whole request would be refused, the form's answers with it."""
    return {"data-max-bytes": limit, "data-too-large": too_large(limit)}
