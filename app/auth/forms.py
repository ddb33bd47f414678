"""Forms for signing in, passwords, agencies, groups and people. Labels are lazy so each
request renders them in its own language."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    HiddenField,
    PasswordField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from app.auth.models import AGENCY_KIND_LABELS
from app.auth.roles import ROLE_LABELS, Role
from app.fields import VietnameseDateField, optional_int, options

CODE_PATTERN = Regexp(r"^[A-Za-z0-9_.-]+$", message=_l("Use letters, digits, '.', '-' or '_'."))


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class LoginForm(FlaskForm):
    username = StringField(_l("User name"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired()])


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    new = PasswordField(_l("New password"), validators=[DataRequired()])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("new", message=_l("The two passwords differ."))],
    )


class SetPasswordForm(FlaskForm):
    new = PasswordField(_l("New password"), validators=[DataRequired()])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("new", message=_l("The two passwords differ."))],
    )


class ForgotPasswordForm(FlaskForm):
    email = StringField(_l("Your email address"), validators=[DataRequired(), Length(max=255)])


class AccountForm(FlaskForm):
    """A lead's new account for a person of their agency."""

    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=255)])
    email = StringField(_l("Email"), validators=[DataRequired(), Length(max=255)])
    roles = MultiCheckboxField(_l("Roles"), default=["trainee"], choices=[
        SelectChoice(role, ROLE_LABELS[role]) for role in (Role.AGENCY_STAFF, Role.TRAINEE)])


class AgencyForm(FlaskForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40), CODE_PATTERN])
    name_vi = StringField(_l("Vietnamese name"), validators=[DataRequired(), Length(max=255)])
    name_en = StringField(_l("English name"), validators=[DataRequired(), Length(max=255)])
    kind = SelectField(_l("Kind"), choices=options(AGENCY_KIND_LABELS.items()))
    valid_from = VietnameseDateField(_l("Valid from"), validators=[Optional()])
    valid_to = VietnameseDateField(_l("Valid to"), validators=[Optional()])


class MergeForm(FlaskForm):
    # No agency is chosen for the admin: the list starts on "— Chọn —" (app.fields).
    successor = SelectField(_l("Merged into"), coerce=optional_int, validators=[DataRequired()])
    effective = VietnameseDateField(_l("Effective from"), validators=[DataRequired()])
    confirmed = HiddenField()  # "yes" once the admin has read what moves


class GroupForm(FlaskForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40), CODE_PATTERN])
    name_vi = StringField(_l("Vietnamese name"), validators=[DataRequired(), Length(max=255)])
    name_en = StringField(_l("English name"), validators=[DataRequired(), Length(max=255)])
    members = MultiCheckboxField(_l("Member agencies"), coerce=int)


class UserForm(FlaskForm):
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=255)])
    email = EmailField(
        _l("Email"), validators=[Optional(), Email(check_deliverability=False), Length(max=255)]
    )
    agency = SelectField(_l("Agency"), coerce=int)
    roles = MultiCheckboxField(_l("Roles"), choices=options(ROLE_LABELS.items()))
    locale = SelectField(
        _l("Language"), choices=[SelectChoice("vi", "Tiếng Việt"), SelectChoice("en", "English")]
    )


class NewUserForm(UserForm):
    username = StringField(
        _l("User name"),
        validators=[
            DataRequired(),
            Length(min=3, max=80),
            Regexp(r"^[a-z0-9_.-]+$", message=_l("Use lower-case letters, digits, '.', '-', '_'.")),
        ],
    )


class SettingsForm(FlaskForm):
    coordinator_agency = SelectField(_l("Coordinating agency"), coerce=optional_int,
                                     validators=[DataRequired()])


def agency_choices(agencies) -> list[SelectChoice]:
    """Agencies for a select, grouped by kind so a long list stays easy to scan."""
    return [
        SelectChoice(agency.id, f"{agency.name_vi} ({agency.code})",
                     optgroup=str(AGENCY_KIND_LABELS[agency.kind]))
        for agency in sorted(agencies, key=lambda agency: agency.sort_key)
    ]


class SuccessionForm(FlaskForm):
    """Who carries one part of an ended agency's work."""

    scope = SelectField(_l("Which work"), choices=[])
    scope_value = StringField(_l("Item code, process key or duty"),
                              validators=[Optional(), Length(max=100)])
    successor = SelectField(_l("Successor"), validators=[DataRequired()], choices=[])
    source = StringField(_l("Decision (number, date) or note"),
                         validators=[Optional(), Length(max=1000)])

