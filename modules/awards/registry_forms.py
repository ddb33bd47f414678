"""The registry's forms: revoking an award, uploading past years' awards."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.fields import VietnameseDateField


class RevokeForm(FlaskForm):
    reason = TextAreaField(_l("Reason for revoking"), validators=[
        DataRequired(message=_l("Give the reason for revoking the award.")),
        Length(max=5000)])
    decision_number = StringField(_l("Number of the revoking decision"), validators=[
        DataRequired(message=_l("Give the number of the decision that revokes the award.")),
        Length(max=60)])
    decision_date = VietnameseDateField(_l("Date of the revoking decision"), validators=[
        DataRequired(message=_l("Give the date of the decision that revokes the award."))])


class UploadForm(FlaskForm):
    file = FileField(_l("Spreadsheet (.xlsx)"), validators=[
        FileRequired(message=_l("Choose the spreadsheet to import."))])


class ConfirmForm(FlaskForm):
    rows = HiddenField(validators=[DataRequired()])
