"""The admin's import of people from a spreadsheet: upload, a preview of each row, then
confirm. The preview carries the rows read from the file, signed, to the confirm step (no
file is kept on the server); the confirm step classifies them again before it writes."""

from datetime import timedelta

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from itsdangerous import BadSignature
from wtforms import HiddenField
from wtforms.validators import DataRequired

from app.auth import people_import, people_template
from app.auth.admin_users import bp
from app.auth.agency_people import handover_page
from app.auth.password_links import signed

SALT = "people-import"
PREVIEW_LIFETIME = timedelta(hours=2)  # an admin reads a long preview before confirming
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(FlaskForm):
    file = FileField(_l("Spreadsheet (.xlsx)"), validators=[
        FileRequired(message=_l("Choose the spreadsheet to import."))])


class ConfirmForm(FlaskForm):
    rows = HiddenField(validators=[DataRequired()])


def _sign(rows) -> str:
    return signed(SALT).dumps({"by": current_user.id, "rows": [r.as_list() for r in rows]})


def _unsign(text: str) -> list[people_import.Row]:
    data = signed(SALT).loads(text, max_age=int(PREVIEW_LIFETIME.total_seconds()))
    if data.get("by") != current_user.id:
        raise BadSignature("another admin's preview")
    return [people_import.Row(*row) for row in data["rows"]]


@bp.route("/users/import", methods=["GET", "POST"])
def import_people():
    form = UploadForm()
    if form.validate_on_submit():
        try:
            rows = people_import.read_rows(form.file.data.read())
        except people_import.FileRefused as error:
            form.file.errors.append(str(error))
        else:
            lines = people_import.classify(rows)
            return render_template(
                "auth/import_preview.html", lines=lines, Status=people_import.Status,
                counts={status: sum(line.status == status for line in lines)
                        for status in people_import.Status},
                form=ConfirmForm(rows=_sign(rows)), filename=form.file.data.filename)
    return render_template("auth/import_upload.html", form=form,
                           max_rows=people_import.MAX_ROWS), 400 if form.errors else 200


@bp.post("/users/import/confirm")
def confirm_import():
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash(_("The import was not confirmed: upload the file again."), "danger")
        return redirect(url_for(".import_people"))
    try:
        rows = _unsign(form.rows.data)
        lines, handovers = people_import.import_rows(rows)
    except BadSignature:  # expired too
        flash(_("This preview is too old or was changed: upload the file again."), "danger")
        return redirect(url_for(".import_people"))
    except people_import.ImportRefused as error:
        flash(str(error), "danger")
        return redirect(url_for(".import_people"))
    made = len(handovers)
    flash(_("%(made)d accounts made; %(exists)d people already had one; %(errors)d rows not "
            "imported.", made=made,
            exists=sum(line.status == people_import.Status.EXISTS for line in lines),
            errors=sum(line.status == people_import.Status.ERROR for line in lines)),
          "success" if made else "info")
    links = [handover for handover in handovers if handover.link]
    if links:
        return handover_page(links, url_for(".users"))
    if made:
        flash(_("Each new person is being mailed a link to set their password."), "info")
    return redirect(url_for(".users"))


@bp.get("/users/import/template.xlsx")
def import_template():
    return Response(people_template.template_xlsx(), mimetype=XLSX, headers={
        "Content-Disposition": "attachment; filename=danh-sach-nguoi-dung.xlsx"})
