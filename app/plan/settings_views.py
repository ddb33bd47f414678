"""The plan's settings an admin changes: when the annual report opens and is due, how early
reminders come, how long cooperating agencies have to answer, every time limit of violation
handling, and the sections other modules register (settings_sections)."""


from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from app.auth.roles import Role, roles_required
from app.extensions import db
from app.plan import assignments, consolidation, recipients, reporting, settings_sections
from app.plan.views import bp
from app.plan.violations.limits import LIMITS, UNITS, limit
from app.settings import get_setting, set_setting


def _day_and_month(form, field):
    """A real day of every year, for example 15/11 (not 31/02, nor 29/02)."""
    try:
        reporting.day_in(field.data or "", 2001)  # 2001 has no 29/02: it must be every year's
    except ValueError:
        raise ValidationError(_l("A day and month, for example 15/11.")) from None


DAY_MONTH = _day_and_month


def _after_opening(form, field):
    """The annual reports are due after their round opens, in the same year."""
    try:
        opens, due = (reporting.day_in(value or "", 2001)
                      for value in (form.opens_on.data, field.data))
    except ValueError:
        return  # the day itself is wrong: its own check says so
    if due <= opens:
        raise ValidationError(_l("The reports are due after the round opens."))


def _form_class():
    fields = {
        "opens_on": StringField(_l("The annual report opens on (dd/mm)"),
                                validators=[DataRequired(), DAY_MONTH]),
        "deadline": StringField(_l("Annual reports are due by (dd/mm)"),
                                validators=[DataRequired(), DAY_MONTH, _after_opening]),
        "report_due": StringField(_l("The consolidated report is due to the Provincial "
                                     "People's Committee by (dd/mm)"),
                                  validators=[Optional(), DAY_MONTH],
                                  description=_l("Plan 116/KH-UBND, IV.2: every year before "
                                                 "15/12. Left blank, 14/12.")),
        "reminder_days": IntegerField(_l("Reminders this many working days before a deadline"),
                                      validators=[DataRequired(), NumberRange(1, 30)]),
        "consult_days": IntegerField(_l("Cooperating agencies answer within this many working "
                                        "days (silence counts as agreement)"),
                                     validators=[DataRequired(), NumberRange(1, 30)]),
        "report_recipients": TextAreaField(
            _l("Recipients of the consolidated report, one a line"),
            validators=[Length(max=4000)],
            description=_l("After the Provincial People's Committee: the ministry that "
                           "holds foreign information (since 2025 the Ministry of Culture, "
                           "Sports and Tourism) and the provincial party committee's board "
                           "(the Ban Tuyên giáo và Dân vận Tỉnh ủy, whose name in Quảng Ngãi "
                           "is not confirmed against the province's decision). The report "
                           "adds \"Lưu: VT\" itself; left blank, the list as seeded.")),
    }
    for item in LIMITS:
        fields[item.key] = IntegerField(item.label, validators=[DataRequired(),
                                                                NumberRange(1, 365)])
    for section in settings_sections.sections():
        for setting in section.settings:
            fields[setting.field_name] = IntegerField(
                setting.label, validators=[DataRequired(),
                                           NumberRange(setting.minimum, setting.maximum)])
    return type("PlanSettingsForm", (FlaskForm,), fields)


def _keys() -> dict[str, str]:
    return {"opens_on": reporting.OPENS_ON, "deadline": reporting.DEADLINE,
            "report_due": consolidation.DUE,
            "reminder_days": assignments.REMINDER_DAYS,
            "consult_days": assignments.CONSULT_DAYS,
            **{item.key: f"violations.{item.key}" for item in LIMITS},
            **{setting.field_name: setting.key for section in settings_sections.sections()
               for setting in section.settings}}


@bp.route("/settings", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def settings_page():
    form = _form_class()()
    if not form.is_submitted():
        form.opens_on.data = get_setting(reporting.OPENS_ON) or reporting.DEFAULT_OPENS_ON
        form.deadline.data = get_setting(reporting.DEADLINE) or reporting.DEFAULT_DEADLINE
        form.report_due.data = get_setting(consolidation.DUE) or consolidation.DEFAULT_DUE
        form.reminder_days.data = assignments.reminder_days()
        form.consult_days.data = assignments.consult_days()
        for item in LIMITS:
            form[item.key].data = limit(item.key)
        form.report_recipients.data = "\n".join(recipients.recipients())
        for section in settings_sections.sections():
            for setting in section.settings:
                form[setting.field_name].data = setting.value()
    if form.validate_on_submit():
        for name, key in _keys().items():
            set_setting(key, str(form[name].data))
        recipients.save(form.report_recipients.data or "")
        db.session.commit()
        flash(_("Plan settings saved."), "success")
        return redirect(url_for(".settings_page"))
    return render_template("plan/settings.html", form=form, limits=LIMITS, units=UNITS,
                           sections=settings_sections.sections())
