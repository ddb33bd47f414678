"""The intake form of a suspected violation."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileSize
from wtforms import SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.fields import VietnameseDateField, checked_in_browser, optional_int, too_large
from app.plan.violations.models import SECTORS, SOURCES
from app.workflow.attachments import ALLOWED, MAX_BYTES


class IntakeForm(FlaskForm):
    source = SelectField(_l("Source"), choices=[SelectChoice(key, label)
                                                for key, label in SOURCES.items()])
    received_on = VietnameseDateField(_l("Received on"), validators=[DataRequired()])
    # The record's time limit runs from discovery (Nghị định 118/2021/NĐ-CP, Điều 12); the
    # limitation period from the day a finished violation ended (Luật XLVPHC, Điều 6).
    discovered_on = VietnameseDateField(_l("Violation discovered on"),
                                        validators=[DataRequired()])
    ended_on = VietnameseDateField(_l("Violation ended on (blank if still going on)"),
                                   validators=[Optional()])
    sector = SelectField(_l("Field of the violation"), choices=[
        SelectChoice(key, label) for key, label in SECTORS.items()])
    subject = StringField(_l("Organisation or person concerned"),
                          validators=[DataRequired(), Length(max=500)])
    channel = StringField(_l("Channel or address (URL)"),
                          validators=[Optional(), Length(max=1000)])
    description = TextAreaField(_l("What happened"), validators=[DataRequired(),
                                                                 Length(max=10000)])
    evidence = FileField(_l("Evidence"), validators=[
        Optional(), FileAllowed(sorted(ALLOWED)), FileSize(MAX_BYTES, message=too_large())],
        render_kw=checked_in_browser())
    # Who handles the case is chosen, never whoever sorts first (views add "— Chọn —").
    inspector = SelectField(_l("Inspector"), coerce=optional_int, validators=[DataRequired(
        message=_l("Choose the inspector who handles the case."))])


class HandOverForm(FlaskForm):
    # Whom the case goes to is chosen, not the first name that happens to be listed.
    inspector = SelectField(_l("New inspector"), coerce=optional_int, validators=[DataRequired(
        message=_l("Choose the inspector who handles the case."))])
    reason = StringField(_l("Reason for the change"), validators=[DataRequired(),
                                                                  Length(max=500)])
