"""The forms of attendance, results and certificates."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.fields import WholeNumberField
from modules.training.models import RESULT_LABELS


class RuleForm(FlaskForm):
    """The class's completion rule and who signs its certificates; closing attendance."""

    min_percent = WholeNumberField(_l("Completed when present at this share of sessions (%)"),
                                   validators=[DataRequired(), NumberRange(min=1, max=100)])
    signer_authority = TextAreaField(
        _l("Title of who signs the certificates"), validators=[Optional(), Length(max=200)],
        description=_l("One line each, for example: KT. GIÁM ĐỐC, then PHÓ GIÁM ĐỐC."),
        render_kw={"rows": 2})
    signer_name = StringField(_l("Name of who signs"), validators=[Optional(), Length(max=200)])


class OverrideForm(FlaskForm):
    result = SelectField(_l("Result"), choices=[SelectChoice(value, label)
                                              for value, label in RESULT_LABELS.items()],
                         validators=[DataRequired()])
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=1000)])


class CheckInForm(FlaskForm):
    code = StringField(_l("Attendance code"), validators=[
        DataRequired(message=_l("Type the code shown in the room.")), Length(max=20)],
        render_kw={"autocomplete": "off", "autocapitalize": "characters",
                   "inputmode": "text"})
