"""Forms of the process administration pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import BooleanField

from app.fields import checked_in_browser, too_large
from app.workflow import MAX_DIAGRAM_BYTES


class UploadForm(FlaskForm):
    diagram = FileField(_l("BPMN file"), validators=[
        FileRequired(), FileAllowed(["bpmn", "xml"], _l("A .bpmn or .xml file, please.")),
        FileSize(MAX_DIAGRAM_BYTES, message=too_large(MAX_DIAGRAM_BYTES)),
    ], render_kw=checked_in_browser(MAX_DIAGRAM_BYTES))
    publish = BooleanField(_l("Publish at once (new instances start with it)"))
