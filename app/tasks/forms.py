"""A WTForms form built from a step's camunda:formData, validated on the server.

Fields live under "field_<id>" so that no form field id can shadow a WTForms attribute."""

import unicodedata
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import (
    BooleanField,
    IntegerField,
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

from app.fields import VietnameseDateField, checked_in_browser, too_large
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


class RequiredWhen:
    """Required when another field of the form has a given value; otherwise optional."""

    def __init__(self, other: str, value: str):
        self.other, self.value = PREFIX + other, value.casefold()

    def __call__(self, form, field):
        other = form[self.other].data
        wanted = str(other).casefold() == self.value
        empty = not field.data or (isinstance(field.data, str) and not field.data.strip())
        if empty:
            field.errors[:] = []
            raise StopValidation(_l("This field is required.") if wanted else None)


def _field(schema):
    required = [InputRequired()] if schema.required else [Optional()]
    if schema.required_when:
        required = [RequiredWhen(*schema.required_when)]
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
        return IntegerField(label, validators=required, render_kw=render)
    if schema.type == "boolean":
        return BooleanField(label, validators=[DataRequired()] if schema.required else [],
                            render_kw=render)
    if schema.type == "date":
        return VietnameseDateField(label, validators=[*required, _date_range(schema)],
                                   render_kw=render)
    if schema.type == "enum":
        choices = [SelectChoice(option_id, name) for option_id, name in schema.options]
        if not schema.required:
            choices.insert(0, SelectChoice("", "—"))
        return SelectField(label, choices=choices, validators=required, render_kw=render)
    file_rules = [FileAllowed(sorted(ALLOWED)), FileSize(MAX_BYTES, message=too_large())]
    presence = [FileRequired()] if schema.required else required
    return FileField(label, validators=[*presence, *file_rules],
                     render_kw={**render, **checked_in_browser()})


def _form_class(fields) -> type[FlaskForm]:
    """One class per distinct form: building WTForms classes is not free, forms repeat."""
    key = repr(fields)
    cached = _FORM_CLASSES.get(key)
    if cached is None:
        cached = type("StepForm", (FlaskForm,),
                      {PREFIX + schema.id: _field(schema) for schema in fields})
        if len(_FORM_CLASSES) > 512:
            _FORM_CLASSES.clear()
        _FORM_CLASSES[key] = cached
    return cached


_FORM_CLASSES: dict[str, type[FlaskForm]] = {}


def build_form(fields, data: dict, **kwargs) -> FlaskForm:
    """A form for `fields`, showing `data` (the step's current values) until posted."""
    form = _form_class(fields)(**kwargs)
    if not form.is_submitted():
        for schema in fields:
            _show(form[PREFIX + schema.id], schema, data.get(schema.id, schema.default))
    for schema in fields:
        if schema.readonly:  # shown, never taken from the request
            _show(form[PREFIX + schema.id], schema, data.get(schema.id, schema.default))
    return form


def _show(field, schema, value) -> None:
    if value is None or schema.type == "file":
        return
    if schema.type == "date" and isinstance(value, str):
        value = date.fromisoformat(value)
    field.data = value


def values_of(form: FlaskForm, fields) -> tuple[dict, dict]:
    """The typed values (NFC text) and the uploaded files of a validated form."""
    values, files = {}, {}
    for schema in fields:
        if schema.readonly:
            continue
        value = form[PREFIX + schema.id].data
        if schema.type == "file":
            if value:
                files[schema.id] = (value.filename, value.read())
            continue
        if isinstance(value, str):
            value = unicodedata.normalize("NFC", value).strip()
        if schema.type == "enum" and value == "":
            value = None
        values[schema.id] = value
    return values, files
