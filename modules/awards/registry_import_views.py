"""Importing past years' awards: the template, an upload with a preview of each row and its
problems, then the import. The preview carries the rows read, signed, to the confirm step
(no file is kept on the server); the confirm step classifies them again before it writes."""

from datetime import timedelta

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from itsdangerous import BadSignature

from app.auth.password_links import signed
from modules.awards import registry_access, registry_import, registry_xlsx
from modules.awards.registry_forms import ConfirmForm, UploadForm
from modules.awards.registry_views import bp

SALT = "awards-registry-import"
PREVIEW_LIFETIME = timedelta(hours=2)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _importers_only() -> None:
    registry_access.require(registry_access.may_import(current_user))


def _sign(rows) -> str:
    return signed(SALT).dumps({"by": current_user.id, "rows": [r.as_list() for r in rows]})


def _unsign(text: str) -> list[registry_import.Row]:
    data = signed(SALT).loads(text, max_age=int(PREVIEW_LIFETIME.total_seconds()))
    if data.get("by") != current_user.id:
        raise BadSignature("another person's preview")
    return [registry_import.Row(*row) for row in data["rows"]]


def _counts(lines) -> dict[str, int]:
    return {status: sum(line.status == status for line in lines)
            for status in (registry_import.Status.NEW, registry_import.Status.EXISTS,
                           registry_import.Status.ERROR)}


@bp.route("/import", methods=["GET", "POST"])
def import_page():
    _importers_only()
    form = UploadForm()
    if form.validate_on_submit():
        try:
            rows = registry_import.read_rows(form.file.data.read())
        except registry_import.FileRefused as error:
            form.file.errors.append(str(error))
        else:
            lines = registry_import.classify(rows)
            return render_template("awards/registry_import_preview.html", lines=lines,
                                   Status=registry_import.Status, counts=_counts(lines),
                                   form=ConfirmForm(rows=_sign(rows)),
                                   filename=form.file.data.filename)
    return render_template("awards/registry_import.html", form=form,
                           max_rows=registry_import.MAX_ROWS), 400 if form.errors else 200


@bp.post("/import/confirm")
def confirm_import():
    _importers_only()
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash(_("The import was not confirmed: upload the file again."), "danger")
        return redirect(url_for(".import_page"))
    try:
        lines = registry_import.import_rows(_unsign(form.rows.data))
    except BadSignature:  # expired too
        flash(_("This preview is too old or was changed: upload the file again."), "danger")
        return redirect(url_for(".import_page"))
    counts = _counts(lines)
    flash(_("%(new)d awards imported; %(exists)d were already in the registry; %(errors)d "
            "rows not imported.", new=counts["new"], exists=counts["exists"],
            errors=counts["error"]), "success" if counts["new"] else "info")
    return redirect(url_for(".registry_page"))


@bp.get("/import/template.xlsx")
def import_template():
    _importers_only()
    return Response(registry_xlsx.template_xlsx(), mimetype=XLSX, headers={
        "Content-Disposition": "attachment; filename=so-khen-thuong-mau.xlsx"})
