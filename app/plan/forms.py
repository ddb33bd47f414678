"""The form an admin amends a plan item with."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from app.auth.forms import MultiCheckboxField
from app.clock import today
from app.fields import VietnameseDateField
from app.plan.models import REPORT_SECTIONS, TimeframeKind
from app.plan.timeframe import Timeframe

TIMEFRAME_CHOICES = [
    SelectChoice(TimeframeKind.YEARLY.value, _l("Every year")),
    SelectChoice(TimeframeKind.YEAR.value, _l("One year")),
    SelectChoice(TimeframeKind.SPAN.value, _l("A span of years")),
]
YEARS = NumberRange(2000, 2100)


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Why (recorded in the plan's history)"),
                           validators=[DataRequired(), Length(max=2000)])


class PlanItemForm(ReasonForm):
    code = StringField(_l("Code"), validators=[
        DataRequired(), Regexp(r"^\d{1,2}\.\d{1,2}$", message=_l("A code like 3.10."))])
    group_no = IntegerField(_l("Group number"), validators=[DataRequired(), NumberRange(1, 99)])
    group_title = StringField(_l("Group title"), validators=[DataRequired(), Length(max=1000)])
    content = TextAreaField(_l("Content"), validators=[DataRequired(), Length(max=5000)])
    timeframe_kind = SelectField(_l("Period"), choices=TIMEFRAME_CHOICES)
    start_year = IntegerField(_l("From year"), validators=[Optional(), YEARS])
    end_year = IntegerField(_l("To year"), validators=[Optional(), YEARS])
    leads = MultiCheckboxField(_l("Lead agencies"), validators=[
        DataRequired(message=_l("Choose at least one lead agency."))])
    cooperating = MultiCheckboxField(_l("Cooperating agencies"))

    def validate_start_year(self, field):
        if self.timeframe_kind.data != TimeframeKind.YEARLY.value and field.data is None:
            raise ValidationError(_l("Give the year."))

    def validate_end_year(self, field):
        if self.timeframe_kind.data != TimeframeKind.SPAN.value:
            return
        if field.data is None:
            raise ValidationError(_l("Give the last year of the span."))
        if self.start_year.data is not None and field.data < self.start_year.data:
            raise ValidationError(_l("The span ends before it starts."))

    def timeframe(self) -> Timeframe:
        kind = TimeframeKind(self.timeframe_kind.data)
        if kind == TimeframeKind.YEARLY:
            return Timeframe(kind)
        end = self.end_year.data if kind == TimeframeKind.SPAN else self.start_year.data
        return Timeframe(kind, self.start_year.data, end)


class LaunchForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[DataRequired(), YEARS])
    due_on = VietnameseDateField(_l("Results due by"), validators=[DataRequired()])

    def validate_due_on(self, field):
        if self.year.data and field.data and field.data.year < self.year.data:
            raise ValidationError(_l("The deadline falls before the year it is for."))
        if field.data and field.data < today():  # nobody can meet it
            raise ValidationError(_l("The deadline has passed: give today or a later day."))


class OpenCycleForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[DataRequired(), YEARS])
    deadline = VietnameseDateField(_l("Reports due by"), validators=[DataRequired()])


class AdHocForm(FlaskForm):
    topic = TextAreaField(_l("What to report on"), validators=[DataRequired(), Length(max=2000)])
    agencies = MultiCheckboxField(_l("Agencies"), coerce=int, validators=[
        DataRequired(message=_l("Choose at least one agency."))])
    deadline = VietnameseDateField(_l("Due by"), validators=[DataRequired()])


def _section(label, required: bool = False, description=None) -> TextAreaField:
    checks = [DataRequired()] if required else [Optional()]
    return TextAreaField(label, validators=[*checks, Length(max=20000)],
                         description=description)


class SignOffForm(FlaskForm):
    """The sign-off step: what the coordinator writes beside the agencies' reports (the
    report's parts, REPORT_SECTIONS; all but the strengths may stay blank), and the
    document's number, date and signer."""

    number = StringField(_l("Document number"), validators=[DataRequired(), Length(max=40)],
                         description=_l("For example 125/BC-SVHTTDL"))
    issued_on = VietnameseDateField(_l("Date"), validators=[DataRequired()])
    directing = _section(_l("I. Direction and implementation"), description=_l(
        "The documents issued, the meetings and checks held. Who reported is added by "
        "itself."))
    strengths = _section(_l("III.1. Strengths"), required=True)
    weaknesses = _section(_l("III.2. Shortcomings and difficulties"), description=_l(
        "The difficulties the agencies reported are added by themselves."))
    causes = _section(_l("III.3. Causes"))
    next_year = _section(_l("IV. Directions and tasks for next year"))
    recommendations = _section(_l("V. Proposals and recommendations"), description=_l(
        "The agencies' own proposals are added by themselves."))
    signer_authority = TextAreaField(_l("Signing authority"),
                                     validators=[DataRequired(), Length(max=255)],
                                     description=_l("One line each, for example "
                                                    "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"))
    signer_name = StringField(_l("Signed by"), validators=[DataRequired(), Length(max=255)])
    drafting_unit = StringField(_l("Drafting unit"), validators=[Optional(), Length(max=40)],
                                description=_l("Its abbreviation, printed after 'Lưu: VT,' "
                                               "(for example TTĐN)"))
    # Offered once the coordinator has read who is missing: the sign-off goes through.
    confirm = SubmitField(_l("Confirm and sign off"))

    def sections(self) -> dict[str, str]:
        return {key: self[key].data or "" for key in REPORT_SECTIONS}


class IssueForm(FlaskForm):
    """The signed copy of the consolidated report, signed outside the app."""

    signed_pdf = FileField(_l("The signed report (PDF)"), validators=[
        FileRequired(_l("Choose the signed PDF (at most 20 MB)."))])
