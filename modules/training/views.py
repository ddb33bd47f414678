"""The trainee's pages, phone first: the classes open to them, one class, registering in
two taps (the class, then "Đăng ký"), their registrations, withdrawing, the .ics file.
The organiser's and the lead's pages add their routes to this blueprint."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app import workflow
from app.auth.roles import Role
from app.bounds import year as year_arg
from app.extensions import db
from modules.training import access, enrollment, ics, queries, schedule
from modules.training.forms import ActionForm
from modules.training.models import CLASS_STATUS_LABELS, Registration, TrainingClass

bp = Blueprint("training", __name__, url_prefix="/training", template_folder="templates")


@bp.before_request
@login_required
def signed_in():
    return None


def class_or_404(class_id: int) -> TrainingClass:
    return db.session.get(TrainingClass, class_id) or abort(404)


def visible_or_404(class_id: int) -> TrainingClass:
    """A class the person may see: published and open to their agency, or theirs to
    manage; a draft or a class of other agencies is no class to them."""
    training_class = class_or_404(class_id)
    if access.may_manage(current_user, training_class.course):
        return training_class
    if training_class.status == "draft" or not (
            access.open_to(training_class, current_user)
            or access.live_registration(training_class, current_user)):
        abort(404)
    return training_class


@bp.get("/")
def classes_page():
    status = request.args.get("status", "open")
    status = status if status in queries.FILTERS else "open"
    year = request.args.get("year", type=year_arg)
    search = request.args.get("q", "")[:200]
    listed = queries.classes(current_user, year=year, search=search, status=status)
    return render_template("training/classes.html", listed=listed, status=status, year=year,
                           search=search, years=queries.years(),
                           organises=access.may_organise(current_user),
                           leads=current_user.has_any_role(Role.AGENCY_LEAD))


@bp.get("/classes/<int:class_id>")
def class_page(class_id: int, status: int = 200):
    training_class = visible_or_404(class_id)
    mine = access.live_registration(training_class, current_user)
    return render_template(
        "training/class.html", training_class=training_class, mine=mine,
        place=queries.waiting_place(mine) if mine else None,
        seats=queries.seats(training_class), why_not=access.why_not_register(
            training_class, current_user) if mine is None else None,
        begun=schedule.has_begun(training_class), form=ActionForm(),
        manages=access.may_manage(current_user, training_class.course),
        leads=access.is_lead_of(current_user, current_user.agency_id),
        statuses=CLASS_STATUS_LABELS), status


@bp.post("/classes/<int:class_id>/register")
def register(class_id: int):
    training_class = visible_or_404(class_id)
    if not ActionForm().validate_on_submit():
        flash(_("The form expired: register again."), "danger")
        return redirect(url_for(".class_page", class_id=class_id))
    try:
        registration = enrollment.register(training_class.id, current_user)
    except enrollment.EnrollmentError as error:
        flash(str(error), "danger")
        return class_page(class_id, status=409)
    flash(_("Registered: %(status)s.", status=registration.status_label), "success")
    return redirect(url_for(".class_page", class_id=class_id))


@bp.get("/my")
def my_registrations_page():
    registrations = queries.registrations_of(current_user)
    return render_template("training/mine.html", form=ActionForm(), registrations=registrations,
                           steps=_open_steps(), begun={
                               r.class_id for r in registrations
                               if schedule.has_begun(r.training_class)})


def _open_steps() -> dict[str, int]:
    """{business key: the person's open step} — a seat to confirm, from the waiting list."""
    page = workflow.work_items_for(current_user, workflow.InboxFilter(
        process=enrollment.PROCESS, status="mine", per_page=100))
    return {item.instance.business_key: item.id for item in page.items}


@bp.post("/registrations/<int:registration_id>/withdraw")
def withdraw(registration_id: int):
    if not ActionForm().validate_on_submit():
        flash(_("The form expired: try again."), "danger")
        return redirect(url_for(".my_registrations_page"))
    try:
        registration = enrollment.withdraw(registration_id, current_user)
    except workflow.Forbidden:
        abort(403)
    except enrollment.EnrollmentError as error:
        flash(str(error), "danger")
    else:
        flash(_("You withdrew from %(code)s.", code=registration.training_class.code),
              "success")
    return redirect(url_for(".my_registrations_page"))


@bp.get("/classes/<int:class_id>/calendar.ics")
def calendar_file(class_id: int):
    training_class = visible_or_404(class_id)
    body = ics.calendar_of(training_class, request.host.split(":")[0])
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{training_class.code}.ics"'})


@bp.get("/registrations/<int:registration_id>/document")
def nomination_document(registration_id: int):
    """The nomination document: for the trainee, their agency's leads, the organiser."""
    registration = db.session.get(Registration, registration_id) or abort(404)
    allowed = (registration.user_id == current_user.id
               or access.is_lead_of(current_user, registration.agency_id)
               or access.may_manage(current_user, registration.training_class.course))
    if not allowed or registration.nomination_attachment_id is None:
        abort(404)
    stored = workflow.file_of(registration.instance_id, registration.nomination_attachment_id)
    return Response(stored.content, mimetype=stored.content_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{_quoted(stored.filename)}"})


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


from modules.training import (  # noqa: E402, F401, I001  (their routes)
    attendance_views, checkin_views, lead_views, organiser_views)
