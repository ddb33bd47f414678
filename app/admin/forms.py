"""Forms of the process administration pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import BooleanField, TextAreaField
from wtforms.validators import Optional

from app.workflow import MAX_DIAGRAM_BYTES


class UploadForm(FlaskForm):
    diagram = FileField(_l("BPMN file"), validators=[
        FileRequired(), FileAllowed(["bpmn", "xml"], _l("A .bpmn or .xml file, please.")),
        FileSize(MAX_DIAGRAM_BYTES),
    ])
    publish = BooleanField(_l("Publish at once (new instances start with it)"))


class RetryForm(FlaskForm):
    task_data = TextAreaField(_l("Data of the failed step (JSON)"), validators=[Optional()],
                         render_kw={"rows": 12, "spellcheck": "false"})
