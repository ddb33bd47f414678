"""The organiser's attendance pages: the class's sessions, the list to tick for each, the
session's code to project in the room, the completion rule and closing attendance, the
results with their overrides, and what is printed (attendance sheet, completion list, class
list). Every route checks that the person manages the class's course."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from modules.training import attendance, certificates, class_xlsx, qr, results, sheets
from modules.training.attendance_forms import OverrideForm, RuleForm
from modules.training.forms import ActionForm
from modules.training.models import RESULT_LABELS, ClassSession, Registration
from modules.training.organiser_views import _managed_class
from modules.training.views import bp


def _session_of(training_class, session_id: int) -> ClassSession:
    session = db.session.get(ClassSession, session_id)
    if session is None or session.class_id != training_class.id:
        abort(404)
    return session


@bp.get("/classes/<int:class_id>/attendance")
def attendance_page(class_id: int, rule_form=None, status: int = 200):
    training_class = _managed_class(class_id)
    book = results.book_of(training_class)
    if rule_form is None:
        rule_form = RuleForm(formdata=None, obj=book)
    trainees = attendance.confirmed(training_class)
    return render_template(
        "training/attendance.html", training_class=training_class, book=book,
        trainees=trainees, present=attendance.present(training_class),
        attended=results.attended_counts(training_class), rule_form=rule_form,
        override_form=OverrideForm(formdata=None), changes=results.changes(training_class),
        certificates={c.registration_id: c for c in certificates.of_class(training_class)},
        labels=RESULT_LABELS, has_begun=attendance.has_begun,
        is_running=attendance.is_running, form=ActionForm()), status


@bp.route("/classes/<int:class_id>/sessions/<int:session_id>/attendance",
          methods=["GET", "POST"])
def tick_page(class_id: int, session_id: int):
    training_class = _managed_class(class_id)
    session = _session_of(training_class, session_id)
    form = ActionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            flash(_("The form expired: tick the list again."), "danger")
        else:
            ticked = {int(v) for v in request.form.getlist("present") if v.isdigit()}
            try:
                count = attendance.tick(training_class, session, ticked, current_user)
            except attendance.AttendanceError as error:
                flash(str(error), "danger")
            else:
                flash(_("Attendance of %(day)s saved: %(count)d present.",
                        day=f"{session.day:%d/%m/%Y}", count=count), "success")
                return redirect(url_for(".attendance_page", class_id=class_id))
    return render_template("training/tick.html", training_class=training_class,
                           session=session, trainees=attendance.confirmed(training_class),
                           present=attendance.present(training_class)[session.id],
                           closed=attendance.is_closed(training_class),
                           begun=attendance.has_begun(session), form=form), \
        400 if request.method == "POST" else 200


@bp.get("/classes/<int:class_id>/sessions/<int:session_id>/code")
def session_code_page(class_id: int, session_id: int):
    """What the organiser projects in the room: the code, and a QR code of the check-in
    page with the code filled in."""
    training_class = _managed_class(class_id)
    session = _session_of(training_class, session_id)
    code = attendance.code_of(session)
    link = url_for(".checkin_page", code=code, _external=True)
    return render_template("training/session_code.html", training_class=training_class,
                           session=session, code=code, link=link, qr_svg=qr.svg(link),
                           running=attendance.is_running(session))


@bp.post("/classes/<int:class_id>/attendance/rule")
def attendance_rule(class_id: int):
    training_class = _managed_class(class_id)
    form = RuleForm()
    if not form.validate_on_submit():
        return attendance_page(class_id, rule_form=form, status=400)
    values = {"min_percent": form.min_percent.data,
              "signer_authority": form.signer_authority.data,
              "signer_name": form.signer_name.data}
    try:
        if "close" in request.form:
            tally = results.close_attendance(training_class, current_user, **values)
            flash(_("Attendance is closed: %(done)d completed, %(not_done)d did not.",
                    done=tally["completed"], not_done=tally["not_completed"]), "success")
        else:
            results.save_rule(training_class, **values)
            flash(_("Saved."), "success")
    except results.ResultError as error:
        form.min_percent.errors = [*form.min_percent.errors, str(error)]
        return attendance_page(class_id, rule_form=form, status=409)
    return redirect(url_for(".attendance_page", class_id=class_id))


@bp.post("/registrations/<int:registration_id>/result")
def override_result(registration_id: int):
    registration = db.session.get(Registration, registration_id) or abort(404)
    _managed_class(registration.class_id)
    form = OverrideForm()
    if not form.validate_on_submit():
        flash(_("Choose the result and say why it is changed."), "danger")
    else:
        try:
            results.override(registration, form.result.data, form.reason.data, current_user)
        except results.ResultError as error:
            flash(str(error), "danger")
        else:
            flash(_("The result of %(name)s is now: %(result)s.",
                    name=registration.user.full_name,
                    result=RESULT_LABELS[registration.result]), "success")
    return redirect(url_for(".attendance_page", class_id=registration.class_id))


def _download(body: bytes, mimetype: str, filename: str) -> Response:
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/classes/<int:class_id>/attendance-sheet.pdf")
def attendance_sheet(class_id: int):
    training_class = _managed_class(class_id)
    return _download(sheets.attendance_sheet(training_class), "application/pdf",
                     f"diem-danh-{training_class.code}.pdf")


@bp.get("/classes/<int:class_id>/completion-list.pdf")
def completion_list(class_id: int):
    training_class = _managed_class(class_id)
    if not attendance.is_closed(training_class):
        flash(_("Close attendance first: results come from it."), "warning")
        return redirect(url_for(".attendance_page", class_id=class_id))
    return _download(sheets.completion_list(training_class), "application/pdf",
                     f"hoan-thanh-{training_class.code}.pdf")


@bp.get("/classes/<int:class_id>/class-list.xlsx")
def class_list(class_id: int):
    training_class = _managed_class(class_id)
    return _download(class_xlsx.class_list(training_class),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     f"danh-sach-{training_class.code}.xlsx")
