"""Process administration: load and publish BPMN versions, follow and repair instances."""

import json

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import workflow
from app.admin.forms import ChangeDataForm, RetryForm, UploadForm
from app.auth.roles import Role, restrict_blueprint

bp = Blueprint("process_admin", __name__, url_prefix="/admin", template_folder="templates")
restrict_blueprint(bp, Role.ADMIN)

STATUSES = tuple(workflow.INSTANCE_STATUS_LABELS)


@bp.context_processor
def labels():
    return {"status_labels": workflow.INSTANCE_STATUS_LABELS,
            "event_labels": workflow.EVENT_LABELS}


@bp.route("/processes", methods=["GET", "POST"])
def definitions():
    form = UploadForm()
    verdict, status = None, 200
    if form.validate_on_submit():
        upload = form.diagram.data
        content = upload.read()
        verdict = workflow.validate(content, upload.filename)
        if verdict.ok:
            version, created = workflow.add_version(
                content, upload.filename, user=current_user, publish=form.publish.data)
            message = (_("Accepted: %(name)s, version %(n)d.", name=version.definition.name,
                         n=version.number) if created else
                       _("Unchanged: this is already version %(n)d.", n=version.number))
            flash(message, "success")
            return redirect(url_for(".definitions"))
        status = 400
    elif form.is_submitted():
        status = 400
    return render_template(
        "admin/definitions.html", form=form, verdict=verdict,
        definitions=workflow.list_definitions(), counts=workflow.instance_counts(),
    ), status


@bp.post("/processes/versions/<int:version_id>/publish")
def publish(version_id: int):
    version = _or_404(workflow.definition_version, version_id)
    workflow.publish_version(version)
    flash(_("Version %(n)d of %(name)s is published: new instances start with it.",
            n=version.number, name=version.definition.name), "success")
    return redirect(url_for(".definitions"))


@bp.get("/processes/versions/<int:version_id>.bpmn")
def download(version_id: int):
    version = _or_404(workflow.definition_version, version_id)
    return Response(version.xml, mimetype="application/xml", headers={
        "Content-Disposition": f"attachment; filename={version.definition.key}"
                               f"-v{version.number}.bpmn"})


@bp.get("/instances")
def instances():
    status = request.args.get("status") if request.args.get("status") in STATUSES else None
    page = workflow.list_instances(
        status=status, process=request.args.get("process") or None,
        search=request.args.get("q", "").strip() or None,
        page=request.args.get("page", 1, type=int))
    options = [(value, label) for value, (label, _colour) in
               workflow.INSTANCE_STATUS_LABELS.items()]
    return render_template("admin/instances.html", page=page, status_options=options,
                           status=status, processes=workflow.process_choices(),
                           pending=workflow.pending_messages())


def _pretty(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _instance_page(detail, data_form=None, status: int = 200):
    return render_template(
        "admin/instance.html", detail=detail, form=RetryForm(task_data=_pretty(detail.data)),
        data_form=data_form or ChangeDataForm(values=_pretty(detail.data),
                                              seen_version=detail.instance.lock_version),
        badge=workflow.badge, badges=workflow.BADGES), status


@bp.get("/instances/<int:instance_id>")
def instance(instance_id: int):
    return _instance_page(_or_404(workflow.instance_detail, instance_id))


@bp.post("/instances/<int:instance_id>/data")
def change_data(instance_id: int):
    detail = _or_404(workflow.instance_detail, instance_id)
    form = ChangeDataForm()
    if not form.validate_on_submit():
        return _instance_page(detail, form, 400)
    if form.seen_version.data != detail.instance.lock_version:
        flash(_("The process moved on since you opened this page: check its data again."),
              "warning")
        return redirect(url_for(".instance", instance_id=instance_id))
    changed = {key: value for key, value in form.values.parsed.items()
               if detail.data.get(key) != value}
    if not changed:
        flash(_("Nothing changed."), "info")
        return redirect(url_for(".instance", instance_id=instance_id))
    try:
        workflow.change_data(instance_id, current_user, changed, form.reason.data)
    except workflow.InvalidInput as error:
        form.values.errors.append(error.reasons())
        return _instance_page(detail, form, 400)
    except workflow.WorkflowError as error:
        flash(str(error), "warning")
    else:
        flash(_("Data changed: %(keys)s.", keys=", ".join(sorted(changed))), "success")
    return redirect(url_for(".instance", instance_id=instance_id))


@bp.post("/instances/<int:instance_id>/<any(suspend, resume, terminate):action>")
def act(instance_id: int, action: str):
    try:
        getattr(workflow, action)(instance_id, current_user)
    except workflow.WorkflowError as error:
        flash(str(error), "warning")
    else:
        flash(_("Done."), "success")
    return redirect(url_for(".instance", instance_id=instance_id))


@bp.post("/instances/<int:instance_id>/steps/<int:item_id>/release")
def release(instance_id: int, item_id: int):
    try:
        item = workflow.release(item_id, current_user)
    except workflow.WorkflowError as error:
        flash(str(error), "warning")
    else:
        flash(_("%(step)s is free for its agency to take.", step=item.title), "success")
    return redirect(url_for(".instance", instance_id=instance_id))


@bp.post("/instances/<int:instance_id>/retry")
def retry(instance_id: int):
    form = RetryForm()
    if not form.validate_on_submit():  # only its data can be wrong: CSRF is checked before
        for message in form.task_data.errors:
            flash(message, "danger")
        return redirect(url_for(".instance", instance_id=instance_id))
    data = form.task_data.parsed if (form.task_data.data or "").strip() else None
    try:
        instance = workflow.retry(instance_id, current_user, data=data)
    except workflow.WorkflowError as error:
        flash(str(error), "warning")
    else:
        if instance.status == "error":
            flash(_("It failed again: %(reason)s", reason=instance.error_message), "danger")
        else:
            flash(_("The process runs again."), "success")
    return redirect(url_for(".instance", instance_id=instance_id))


def _or_404(reader, key):
    try:
        return reader(key)
    except workflow.NotFound:
        abort(404)
