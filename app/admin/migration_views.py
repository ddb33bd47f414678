"""Moving running cases to a newer version of their process: a preview of which can move
(none of their completed or active steps changed) and which cannot, and why; the admin moves
the chosen ones (each move audited by the engine); the rest finish on their version."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from app import workflow
from app.admin.editor import _version
from app.admin.views import bp


@bp.route("/processes/versions/<int:version_id>/migrate", methods=["GET", "POST"])
def migrate_cases(version_id: int):
    version = _version(version_id)
    form = FlaskForm()
    if form.validate_on_submit():
        chosen = [int(v) for v in request.form.getlist("instance_id") if v.isdigit()]
        if not chosen:
            flash(_("Choose the cases to move."), "warning")
        moved, refused = [], []
        for instance_id in chosen:
            try:
                workflow.migrate(instance_id, version.id, current_user)
                moved.append(f"#{instance_id}")
            except workflow.WorkflowError as error:
                refused.append(f"#{instance_id}: {error}")
        if moved:
            flash(_("Moved to version %(n)s: %(cases)s.", n=version.number,
                    cases=", ".join(moved)), "success")
        for reason in refused:
            flash(_("Not moved: %(reason)s", reason=reason), "danger")
        return redirect(url_for(".migrate_cases", version_id=version.id))
    checks = workflow.migration_preview(version.definition.key, version.id)
    return render_template("admin/migrate.html", version=version, checks=checks, form=form)
