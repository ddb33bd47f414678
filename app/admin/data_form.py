"""The form an admin corrects an instance's data with: a typed input for each value, labelled
as its diagram declares it, filled with what the data holds now. Nothing is required: only
the values the admin changes are sent on."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import HiddenInput

from app import workflow
from app.bounds import FIRST_YEAR, LAST_YEAR, a_day_people_mean
from app.fields import VietnameseDateField, WholeNumberField, options

PREFIX = "v_"
OUT_OF_RANGE = _l("A date between %(first)s and %(last)s.", first=FIRST_YEAR, last=LAST_YEAR)
MOMENT = "%d/%m/%Y %H:%M"


class _DateOrBlank(VietnameseDateField):
    """A day, or nothing when left blank (the value is then cleared)."""

    def process_formdata(self, valuelist):
        if valuelist and not str(valuelist[0]).strip():
            self.data = None
            return
        super().process_formdata(valuelist)


def _moment(form, field):
    """A day and a time, typed dd/mm/yyyy HH:MM."""
    text = (field.data or "").strip()
    field.moment = None
    if not text:
        return
    try:
        field.moment = datetime.strptime(text, MOMENT)
    except ValueError:
        raise ValidationError(_l("Type a day and a time as dd/mm/yyyy HH:MM, for example "
                                 "05/12/2025 08:00.")) from None
    if not a_day_people_mean(field.moment):  # a timer or deadline counted from it overflows
        field.moment = None
        raise ValidationError(OUT_OF_RANGE)


def _input(item):
    schema = item.field
    label, kind = schema.label, schema.type
    if kind == "long":
        return WholeNumberField(label, validators=[Optional(), NumberRange(
            min=schema.min, max=schema.max)])
    if kind == "boolean":
        return BooleanField(label)
    if kind == "date":
        return _DateOrBlank(label, validators=[Optional()])
    if kind == "moment":
        return StringField(label, validators=[_moment],
                           render_kw={"placeholder": "dd/mm/yyyy HH:MM", "autocomplete": "off"})
    if kind == "enum":
        return SelectField(label, choices=[SelectChoice("", "—"), *options(schema.options)])
    rules = [Length(max=schema.maxlength)] if schema.maxlength else []
    return (TextAreaField if schema.multiline else StringField)(label, validators=rules)


NEW_KINDS = [SelectChoice("string", _l("Text")), SelectChoice("long", _l("Whole number")),
             SelectChoice("boolean", _l("Yes or no")),
             SelectChoice("date", _l("Date (dd/mm/yyyy)"))]
YES, NO = {"1", "true", "yes", "có", "co", "x"}, {"0", "false", "no", "không", "khong"}


class DataForm(FlaskForm):
    # The instance's version when the page was read: a change made since is not overwritten.
    seen_version = IntegerField(widget=HiddenInput(), validators=[DataRequired()])
    # A value the data lacks (a script failed on a name it does not know): added, typed.
    new_name = StringField(_l("Add a value: its name"), validators=[Optional(), Length(max=100)],
                           render_kw={"autocomplete": "off", "spellcheck": "false"})
    new_kind = SelectField(_l("Its type"), choices=NEW_KINDS)
    new_value = StringField(_l("Its value"), validators=[Length(max=10000)])
    reason = StringField(_l("Reason for the change"), validators=[DataRequired(),
                                                                  Length(max=500)])

    def validate_new_name(self, field):
        name = (field.data or "").strip()
        if not name:
            return
        if not name.isidentifier() or name.startswith("_"):
            raise ValidationError(_l("A name of letters, digits and _, not starting with a "
                                     "digit or _."))
        if any(item.key == name for item in self.items):
            raise ValidationError(_l("The data has this value already: change it above."))

    def validate_new_value(self, field):
        self.added = None
        name = (self.new_name.data or "").strip()
        if not name:
            return
        text, kind = (field.data or "").strip(), self.new_kind.data
        try:
            if kind == "long":
                value = int(text)
            elif kind == "boolean":
                if text.casefold() not in YES | NO:
                    raise ValueError
                value = text.casefold() in YES
            elif kind == "date":
                value = datetime.strptime(text, "%d/%m/%Y").date()
            else:
                value = text
        except ValueError:
            raise ValidationError(_l("This value is not of the type chosen.")) from None
        if kind == "date" and not a_day_people_mean(value):  # deadlines counted from it overflow
            raise ValidationError(OUT_OF_RANGE)
        self.added = (name, value)


def data_form(items, instance, *, with_reason: bool = True, **kwargs) -> FlaskForm:
    """The correction form for `items` (workflow.correctable_data), showing their values
    until it is posted."""
    fields = {PREFIX + item.key: _input(item) for item in items}
    form = type("InstanceDataForm", (DataForm,), fields)(**kwargs)
    if not with_reason:
        del form.reason
    form.items = items
    if not form.is_submitted():
        form.seen_version.data = instance.lock_version
        for item in items:
            _show(form[PREFIX + item.key], item)
    return form


def _show(field, item) -> None:
    value = item.value
    if item.field.type == "moment":
        field.data = value.strftime(MOMENT) if isinstance(value, datetime) else ""
    elif item.field.type == "boolean":
        field.data = bool(value)
    elif value is not None:
        field.data = value


def _typed(field, item):
    if item.field.type == "moment":
        return field.moment
    value = field.data
    if item.field.type == "string" and isinstance(value, str):
        return value.strip()
    if item.field.type == "enum" and value == "":
        return None
    return value


def changed_values(form) -> dict:
    """{key: new value} for what the admin changed, kept as the data keeps each value, and
    the value added, if any."""
    changed = dict([form.added]) if getattr(form, "added", None) else {}
    for item in form.items:
        new = _typed(form[PREFIX + item.key], item)
        old = bool(item.value) if item.field.type == "boolean" else item.value
        if new in ("", None) and old in ("", None):
            continue
        if new != old:
            changed[item.key] = workflow.stored_value(item, new)
    return changed
