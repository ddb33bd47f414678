"""A WTForms form built from a step's camunda:formData, validated on the server.

Fields live under "field_<id>" so that no form field id can shadow a WTForms attribute."""

import unicodedata
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import (
    BooleanField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)

from app.fields import (
    VietnameseDateField,
    WholeNumberField,
    checked_in_browser,
    choose_first,
    too_large,
)
from app.workflow.attachments import ALLOWED, MAX_BYTES

PREFIX = "field_"


class StartForm(FlaskForm):
    subject = StringField(_l("Subject"), validators=[DataRequired(), Length(max=500)],
                          description=_l("What this case is about, as the inbox will show it."))
DATE_FORMAT = "%d/%m/%Y"


def _date_range(schema):
    def check(form, field):
        if field.data is None:
            return
        if schema.min and field.data < schema.min:
            raise ValidationError(_l("Not before %(day)s.",
                                     day=schema.min.strftime(DATE_FORMAT)))
        if schema.max and field.data > schema.max:
            raise ValidationError(_l("Not after %(day)s.", day=schema.max.strftime(DATE_FORMAT)))

    return check


def is_blank(value) -> bool:
    """Nothing given: no value, an unticked box, spaces only, no file chosen. Zero is given."""
    if value is None or value is False:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (int, float, date)):
        return False
    return not value


class ShownWhen:
    """For a field with requiredWhen="other=value": shown, and then required, only while the
    other field has that value. While hidden it is not checked (StepForm.validate forgets
    its errors) and values_of keeps nothing of it."""

    field_flags = {"required": True}  # when it shows, it is required: say so by its label

    def __call__(self, form, field):
        if field.short_name in form.hidden_names():
            raise StopValidation()
        if is_blank(field.data):
            field.errors[:] = []
            raise StopValidation(_l("This field is required."))


def _field(schema):
    required = [InputRequired()] if schema.required else [Optional()]
    if schema.required_when:
        required = [ShownWhen()]
    render = {"disabled": True} if schema.readonly else {}
    label = schema.label
    if schema.type == "string":
        kind = TextAreaField if schema.multiline else StringField
        rules = [DataRequired()] if schema.required else list(required)
        if schema.minlength or schema.maxlength:
            rules.append(Length(min=schema.minlength or -1, max=schema.maxlength or -1))
        return kind(label, validators=rules, render_kw=render)
    if schema.type == "long":
        if schema.min is not None or schema.max is not None:
            required.append(NumberRange(min=schema.min, max=schema.max))
        return WholeNumberField(label, validators=required, render_kw=render)
    if schema.type == "boolean":
        return BooleanField(label, validators=[DataRequired()] if schema.required else
                            required if schema.required_when else [], render_kw=render)
    if schema.type == "date":
        # A blank or spaces-only box is no date: DataRequired, as InputRequired passes "  ".
        presence = [DataRequired()] if schema.required else required
        return VietnameseDateField(label, validators=[*presence, _date_range(schema)],
                                   render_kw=render)
    if schema.type == "enum":
        # A choice that decides something is made, not taken from the first option.
        choices = choose_first([SelectChoice(option_id, name)
                                for option_id, name in schema.options])
        return SelectField(label, choices=choices, validators=required, render_kw=render)
    file_rules = [FileAllowed(sorted(ALLOWED)), FileSize(MAX_BYTES, message=too_large())]
    presence = [FileRequired()] if schema.required else required
    return FileField(label, validators=[*presence, *file_rules],
                     render_kw={**render, **checked_in_browser()})


class StepForm(FlaskForm):
    """The base of every step's form; `schemas` are its fields as the diagram defines them."""

    schemas: list = []

    def hidden_names(self) -> set[str]:
        """The fields whose requiredWhen condition does not hold now, by what was sent (or
        is shown): a field hides with the field it depends on."""
        by_id = {schema.id: schema for schema in self.schemas}
        hidden: dict[str, bool] = {}

        def is_hidden(field_id: str, depth: int = 0) -> bool:
            if field_id not in hidden:
                condition = by_id[field_id].required_when
                hidden[field_id] = bool(condition) and (
                    depth > len(by_id) or is_hidden(condition[0], depth + 1)
                    or not _matches(self[PREFIX + condition[0]].data, condition[1]))
            return hidden[field_id]

        return {PREFIX + field_id for field_id in by_id if is_hidden(field_id)}

    def validate(self, extra_validators=None) -> bool:
        super().validate(extra_validators)
        for name in self.hidden_names():  # nothing typed in a hidden field can refuse a form
            self[name].errors = []
        self._errors = None
        return not any(field.errors for field in self)


def _matches(value, wanted: str) -> bool:
    shown = ("true" if value else "false") if isinstance(value, bool) else value
    return str(shown if shown is not None else "").casefold() == wanted.casefold()


def _form_class(fields) -> type[StepForm]:
    """One class per distinct form: building WTForms classes is not free, forms repeat."""
    key = repr(fields)
    cached = _FORM_CLASSES.get(key)
    if cached is None:
        attributes = {PREFIX + schema.id: _field(schema) for schema in fields}
        cached = type("StepForm", (StepForm,), {**attributes, "schemas": list(fields)})
        if len(_FORM_CLASSES) > 512:
            _FORM_CLASSES.clear()
        _FORM_CLASSES[key] = cached
    return cached


_FORM_CLASSES: dict[str, type[StepForm]] = {}


def build_form(fields, data: dict, **kwargs) -> StepForm:
    """A form for `fields`, showing `data` (the step's current values) until posted."""
    form = _form_class(fields)(**kwargs)
    for schema in fields:
        # Read-only fields are shown, never taken from the request.
        if schema.readonly or not form.is_submitted():
            value = data.get(schema.id) if schema.id in data else schema.default
            form[PREFIX + schema.id].data = shown_value(schema, value)
    return form


def shown_value(schema, value):
    """A stored value as its field shows it, or None where it cannot be shown: data of
    another type (written by a script, an admin, an older diagram) never breaks a page."""
    if value is None or schema.type == "file":
        return None
    if schema.type == "date":
        return value if isinstance(value, date) else _date_or_none(value)
    if schema.type == "boolean":
        if isinstance(value, str):  # a diagram's defaultValue="true"
            return value.strip().lower() == "true"
        return value if isinstance(value, bool) else None
    if schema.type == "long":
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if schema.type == "enum":
        return value if isinstance(value, str) else None
    return value if isinstance(value, str) else \
        str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _date_or_none(value) -> date | None:
    if not isinstance(value, str):
        return None
    for pattern in ("%Y-%m-%d", DATE_FORMAT):
        try:
            return datetime.strptime(value.strip()[:10], pattern).date()
        except ValueError:
            continue
    return None


def values_of(form: StepForm, fields) -> tuple[dict, dict]:
    """The typed values (NFC text) and the uploaded files of a validated form. A field its
    condition hides keeps nothing of what was typed in it (None)."""
    values, files = {}, {}
    hidden = form.hidden_names()
    for schema in fields:
        name = PREFIX + schema.id
        if schema.readonly:
            continue
        value = form[name].data
        if name in hidden:
            values[schema.id] = None
            continue
        if schema.type == "file":
            if value:
                files[schema.id] = (value.filename, value.read())
            continue
        if schema.type == "string":  # blank text is "", whether a box or an API sent it
            value = unicodedata.normalize("NFC", value or "").strip()
        if schema.type == "enum" and value == "":
            value = None
        values[schema.id] = value
    return values, files
