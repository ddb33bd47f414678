"""The training forms: a course, a class with its sessions, postponing and cancelling, a
lead's nomination."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from app.auth.forms import MultiCheckboxField
from app.fields import (
    VietnameseDateField,
    WholeNumberField,
    checked_in_browser,
    optional_int,
    too_large,
)
from app.workflow.attachments import ALLOWED, MAX_BYTES


class CourseForm(FlaskForm):
    topic = StringField(_l("Topic"), validators=[DataRequired(), Length(max=500)])
    audience = StringField(_l("Target audience"), validators=[DataRequired(), Length(max=1000)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=10000)])
    agency = SelectField(_l("Organising agency"), coerce=optional_int, validators=[
        DataRequired(message=_l("Choose the organising agency."))])
    plan_item = SelectField(_l("Plan item it serves"), validators=[Optional()])


class SessionForm(Form):
    """One session of a class; a row left blank is no session."""

    day = VietnameseDateField(_l("Day"), validators=[Optional()])
    starts_at = TimeField(_l("From"), validators=[Optional()])
    ends_at = TimeField(_l("To"), validators=[Optional()])

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        filled = [self.day.data, self.starts_at.data, self.ends_at.data]
        if any(filled) and not all(filled):
            self.day.errors = [*self.day.errors, str(_l("Give the day, and the time it starts "
                                                        "and ends."))]
            return False
        return True


class SessionsMixin:
    sessions = FieldList(FormField(SessionForm), min_entries=3, max_entries=60)

    def session_rows(self):
        """(day, starts, ends) of the rows filled in."""
        return [(row.day.data, row.starts_at.data, row.ends_at.data)
                for row in self.sessions if row.day.data]


class ClassForm(SessionsMixin, FlaskForm):
    code = StringField(_l("Class code"), validators=[
        DataRequired(), Length(max=40),
        Regexp(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$", message=_l(
            "Letters without marks, digits and . _ / - only, for example TTDN-2026-01."))])
    venue = StringField(_l("Venue"), validators=[Optional(), Length(max=500)])
    online_link = StringField(_l("Online link"), validators=[Optional(), Length(max=1000)])
    lecturers = StringField(_l("Lecturers"), validators=[Optional(), Length(max=1000)])
    capacity = WholeNumberField(_l("Seats"), validators=[
        DataRequired(message=_l("Give the number of seats.")), NumberRange(min=1, max=10000)])
    opens_on = VietnameseDateField(_l("Registration opens"), validators=[DataRequired()])
    closes_on = VietnameseDateField(_l("Registration closes"), validators=[DataRequired()])
    approval_needed = BooleanField(_l("The agency lead approves each registration"))
    open_to_all = BooleanField(_l("Open to officials of every agency"), default=True)
    agencies = MultiCheckboxField(_l("Only officials of these agencies"), coerce=int,
                                  validate_choice=False)


class PostponeForm(SessionsMixin, FlaskForm):
    note = StringField(_l("Note to the people registered"),
                       validators=[Optional(), Length(max=1000)])


class ReasonForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=1000)])


class NominateForm(FlaskForm):
    """An official of the agency, or a new person by name and email who gets an account."""

    person = SelectField(_l("Official"), coerce=optional_int, validators=[Optional()])
    new_name = StringField(_l("Full name"), validators=[Optional(), Length(max=255)])
    new_email = StringField(_l("Email"), validators=[Optional(), Length(max=255)])
    document = FileField(_l("Nomination document (văn bản cử đi học)"), validators=[
        FileRequired(message=_l("Attach the nomination document.")),
        FileAllowed(sorted(ALLOWED)), FileSize(MAX_BYTES, message=too_large())],
        render_kw=checked_in_browser())

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        newcomer = bool(self.new_name.data or self.new_email.data)
        if self.person.data and newcomer:
            self.person.errors = [*self.person.errors, str(_l(
                "Choose an official or write a new person, not both."))]
            return False
        if not self.person.data and not newcomer:
            self.person.errors = [*self.person.errors, str(_l(
                "Choose the official you nominate."))]
            return False
        if newcomer and not (self.new_name.data and self.new_email.data):
            self.new_email.errors = [*self.new_email.errors, str(_l(
                "Write the new person's full name and email."))]
            return False
        return valid


class ActionForm(FlaskForm):
    """A button that posts (register, withdraw, publish, close): its CSRF token only."""
