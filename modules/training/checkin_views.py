"""The trainee's side: checking in on their phone with the code shown in the room, and
downloading their certificate."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from modules.training import attendance, certificate_pdf, certificates
from modules.training.attendance_forms import CheckInForm
from modules.training.certificate_models import Certificate
from modules.training.views import bp


@bp.route("/checkin", methods=["GET", "POST"])
def checkin_page():
    form = CheckInForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = attendance.normalised(request.args["code"])
    if form.validate_on_submit():
        try:
            session = attendance.check_in(form.code.data, current_user)
        except attendance.AttendanceError as error:
            form.code.errors = [*form.code.errors, str(error)]
        else:
            flash(_("You are checked in: class %(code)s, session of %(day)s.",
                    code=session.training_class.code, day=f"{session.day:%d/%m/%Y}"),
                  "success")
            return redirect(url_for(".my_registrations_page"))
    return render_template("training/checkin.html", form=form), \
        400 if form.is_submitted() else 200


@bp.get("/certificates/<int:certificate_id>.pdf")
def certificate_file(certificate_id: int):
    certificate = db.session.get(Certificate, certificate_id) or abort(404)
    if not certificates.may_read(current_user, certificate):
        abort(403)
    if not certificate.valid:
        abort(410)  # revoked: no copy of it is handed out any more
    body = certificate_pdf.render(certificate, certificates.check_url(certificate.number))
    return Response(body, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{certificate.number}.pdf"'})
