"""Forms of the process administration pages."""

import json

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import HiddenInput

from app import strict_json
from app.fields import checked_in_browser, too_large
from app.workflow import MAX_DIAGRAM_BYTES


class UploadForm(FlaskForm):
    diagram = FileField(_l("BPMN file"), validators=[
        FileRequired(), FileAllowed(["bpmn", "xml"], _l("A .bpmn or .xml file, please.")),
        FileSize(MAX_DIAGRAM_BYTES, message=too_large(MAX_DIAGRAM_BYTES)),
    ], render_kw=checked_in_browser(MAX_DIAGRAM_BYTES))
    publish = BooleanField(_l("Publish at once (new instances start with it)"))


def _json_object(form, field):
    try:
        field.parsed = strict_json.loads(field.data or "")
    except ValueError as error:  # a JSONDecodeError, or a number JSON does not allow
        reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
        raise ValidationError(_l("The data is not valid JSON: %(reason)s", reason=reason)) \
            from None
    if not isinstance(field.parsed, dict):
        raise ValidationError(_l("The data must be a JSON object."))


class RetryForm(FlaskForm):
    task_data = TextAreaField(_l("Data of the failed step (JSON)"),
                              validators=[Optional(), _json_object],
                              render_kw={"rows": 12, "spellcheck": "false"})


class ChangeDataForm(FlaskForm):
    """Correct the data of a running instance: the keys whose values differ are changed."""

    values = TextAreaField(_l("Data (JSON)"), validators=[DataRequired(), _json_object],
                           render_kw={"rows": 12, "spellcheck": "false"})
    # The instance's version when the page was read: a change made since is not overwritten.
    seen_version = IntegerField(widget=HiddenInput(), validators=[DataRequired()])
    reason = StringField(_l("Reason for the change"), validators=[DataRequired(),
                                                                  Length(max=500)])
