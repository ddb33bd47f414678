"""The admin's page of trusted root certificates: the list, installing from a file, removing."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired

from app.auth.roles import Role, roles_required
from app.signing import roots

bp = Blueprint("signing_admin", __name__, url_prefix="/admin/trusted-roots",
               template_folder="templates")


class RootForm(FlaskForm):
    certificate = FileField(_l("Root certificate (PEM or DER)"), validators=[
        FileRequired(_l("Choose a certificate file (PEM or DER) of at most 256 KB."))])


def _page(form, status: int = 200):
    return render_template("signing/roots.html", form=form, roots=roots.installed(),
                           remove_form=FlaskForm()), status


@bp.get("/")
@roles_required(Role.ADMIN)
def roots_page():
    return _page(RootForm())


@bp.post("/")
@roles_required(Role.ADMIN)
def install_root():
    form = RootForm()
    if form.validate_on_submit():
        try:
            added = roots.install(form.certificate.data.read(roots.MAX_BYTES + 1), current_user)
        except roots.RootError as error:
            form.certificate.errors.append(str(error))
        else:
            flash(_("Installed: %(names)s.", names="; ".join(r.subject for r in added)),
                  "success")
            return redirect(url_for(".roots_page"))
    return _page(form, 400)


@bp.post("/<int:root_id>/remove")
@roles_required(Role.ADMIN)
def remove_root(root_id: int):
    if FlaskForm().validate_on_submit():
        removed = roots.remove(root_id)
        if removed is not None:
            flash(_("Removed: %(name)s. Signatures chaining only to it are no longer shown as "
                    "trusted.", name=removed.subject), "success")
    return redirect(url_for(".roots_page"))
