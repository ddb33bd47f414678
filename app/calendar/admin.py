"""The admin's calendar page: the year's public holidays, and the days declared on top with
the document that sets each."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length

from app.auth.roles import Role, restrict_blueprint
from app.calendar import public_holidays, service
from app.clock import today
from app.fields import VietnameseDateField

bp = Blueprint("calendar_admin", __name__, url_prefix="/admin/calendar",
               template_folder="templates")
restrict_blueprint(bp, Role.ADMIN)


class DeclareForm(FlaskForm):
    day = VietnameseDateField(_l("Day"), validators=[DataRequired()])
    kind = SelectField(_l("Kind"), choices=[
        SelectChoice("off", _l("Day off")), SelectChoice("working", _l("Make-up working day"))])
    note = StringField(_l("Note"), validators=[DataRequired(), Length(max=255)])
    source = StringField(_l("Source (the document that sets it)"),
                         validators=[DataRequired(), Length(max=255)])


@bp.route("/", methods=["GET", "POST"])
def calendar_page():
    year = request.args.get("year", today().year, type=int)
    year = min(max(year, 2000), 2100)
    form = DeclareForm()
    if form.validate_on_submit():
        try:
            service.declare(form.day.data, working=form.kind.data == "working",
                            note=form.note.data, source=form.source.data, actor=current_user)
        except service.CalendarError as error:
            form.note.errors.append(str(error))
        else:
            flash(_("Declared %(day)s.", day=form.day.data.strftime("%d/%m/%Y")), "success")
            return redirect(url_for(".calendar_page", year=form.day.data.year))
    return render_template("calendar/admin.html", form=form, year=year,
                           holidays=public_holidays(year), declared=service.declared_in(year))


@bp.post("/<int:declared_id>/remove")
def remove_day(declared_id: int):
    if service.remove(declared_id):
        flash(_("The declared day was removed."), "success")
    return redirect(url_for(".calendar_page", year=request.args.get("year", type=int)))
