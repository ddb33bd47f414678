"""The commendation forms. Choices that a service checks again (the award form a round
offers, the kind of a document) are not refused by WTForms' generic message: the service
says what is wrong in words a person reads."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileSize
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.auth.forms import MultiCheckboxField
from app.fields import (
    VietnameseDateField,
    WholeNumberField,
    checked_in_browser,
    optional_int,
    options,
    too_large,
)
from app.workflow.attachments import ALLOWED, MAX_BYTES
from modules.awards.models import DECIDERS, NOMINEE_KINDS, RECIPIENTS


def _file(label, **kwargs):
    return FileField(label, validators=[FileAllowed(sorted(ALLOWED)),
                                        FileSize(MAX_BYTES, message=too_large())],
                     render_kw=checked_in_browser(), **kwargs)


class RoundForm(FlaskForm):
    topic = StringField(_l("Topic"), validators=[DataRequired(), Length(max=500)])
    year = WholeNumberField(_l("Year"), validators=[DataRequired(), NumberRange(2000, 2100)])
    deadline = VietnameseDateField(_l("Deadline for proposals"), validators=[DataRequired()])
    forms = MultiCheckboxField(_l("Award forms offered"), coerce=int, validate_choice=False)
    quotas = TextAreaField(_l("Quota per agency (optional)"), validators=[
        Optional(), Length(max=5000)], description=_l(
            "One agency a line: its code, a colon, the number of nominees (SCT: 2). "
            "Agencies not listed have no quota."))
    note = TextAreaField(_l("Note to the agencies"), validators=[Optional(), Length(max=5000)])


class DocumentRow(Form):
    kind = SelectField(_l("Kind of document"), validate_choice=False)
    file = _file(_l("File"))


class NominationForm(FlaskForm):
    form_id = SelectField(_l("Award form"), coerce=optional_int, validate_choice=False)
    kind = SelectField(_l("Nominee"), choices=options(NOMINEE_KINDS.items()),
                       validate_choice=False)
    name = StringField(_l("Name of the person or collective"), validators=[
        DataRequired(), Length(max=300)])
    position = StringField(_l("Position"), validators=[Optional(), Length(max=300)])
    unit = StringField(_l("Agency, unit or enterprise of the nominee"),
                       validators=[Optional(), Length(max=300)])
    enterprise = BooleanField(_l("The nominee is an enterprise or works in one (needs hiệp y "
                                 "from the tax, social insurance and environment agencies)"))
    summary = TextAreaField(_l("Achievement summary"), validators=[
        Optional(), Length(max=20000)])
    documents = FieldList(FormField(DocumentRow), min_entries=3, max_entries=10)


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reasons"), validators=[DataRequired(), Length(max=5000)])


class ActionForm(FlaskForm):
    """A button that posts: its CSRF token only."""


class ListForm(FlaskForm):
    decider = SelectField(_l("Decided by"), choices=options(DECIDERS.items()),
                          validate_choice=False)
    number = StringField(_l("Number of the tờ trình"), validators=[
        DataRequired(), Length(max=100)])
    file = _file(_l("The tờ trình (signed)"))


class ConsultationForm(FlaskForm):
    agrees = SelectField(_l("Answer"), choices=options([
        ("", _l("— the answer —")), ("yes", _l("Agrees")), ("no", _l("Does not agree"))]),
        validate_choice=False)
    document_number = StringField(_l("Number of the written answer"),
                                  validators=[Optional(), Length(max=100)])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])
    file = _file(_l("The written answer"))


class OpinionForm(FlaskForm):
    opinion = TextAreaField(_l("The council's opinion"), validators=[
        DataRequired(), Length(max=10000)])


class DecisionForm(FlaskForm):
    number = StringField(_l("Decision number"), validators=[DataRequired(), Length(max=100)])
    signed_on = VietnameseDateField(_l("Signed on"), validators=[DataRequired()])
    signer = StringField(_l("Signed by"), validators=[DataRequired(), Length(max=300)])
    signer_title = StringField(_l("Signer's title"), validators=[
        DataRequired(), Length(max=300)])
    letter_number = StringField(_l("Number of the letter to the agencies of nominees not "
                                   "awarded"), validators=[Optional(), Length(max=100)])
    letter_signer = StringField(_l("The letter signed by (Home Affairs)"), validators=[
        Optional(), Length(max=300)])
    letter_signer_title = StringField(_l("The letter's signer's title"), validators=[
        Optional(), Length(max=300)])


class AwardFormForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=300)])
    recipients = SelectField(_l("Given to"), choices=options(RECIPIENTS.items()),
                             validate_choice=False)
    decider = SelectField(_l("Decided by"), choices=options(DECIDERS.items()),
                          validate_choice=False)
    proposers = TextAreaField(_l("Who may propose"), validators=[Optional(), Length(max=5000)])
    criteria = TextAreaField(_l("Criteria"), validators=[Optional(), Length(max=20000)])
    documents = MultiCheckboxField(_l("Documents the dossier needs"), validate_choice=False)
    active = BooleanField(_l("Offered in new rounds"))


class CouncilForm(FlaskForm):
    username = StringField(_l("Username of the member"), validators=[
        DataRequired(), Length(max=80)])


class PrintOffsetsForm(FlaskForm):
    """Where the text lands on the pre-printed blank; print_settings checks the numbers."""
    offset_x = StringField(_l("Shift right (mm; negative: left)"), validators=[Length(max=20)])
    offset_y = StringField(_l("Shift down (mm; negative: up)"), validators=[Length(max=20)])
