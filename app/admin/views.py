"""Process administration: load and publish BPMN versions, follow and repair instances."""

from io import BytesIO

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from app import workflow
from app.admin.data_form import PREFIX, changed_values, data_form
from app.admin.forms import UploadForm
from app.admin.starters import starter_choices
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
        drafts=workflow.drafts, amendments=workflow.amendments,
        open_drafts=workflow.open_drafts(), starters=starter_choices(),
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
    # send_file writes a name that is not ASCII (a process id in Vietnamese) as RFC 6266's
    # filename*=UTF-8''..., beside an ASCII fallback: a header holds Latin-1 only.
    return send_file(BytesIO(version.xml.encode("utf-8")), mimetype="application/xml",
                     as_attachment=True,
                     download_name=f"{version.definition.key}-v{version.number}.bpmn")


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


def _data_form(detail, **kwargs):
    """The typed form of the instance's data: to correct a running one, or to fix a failed
    one's before it runs again (then no reason is asked: the retry is the record)."""
    items = workflow.correctable_data(detail.instance, detail.raw_data)
    return data_form(items, detail.instance, with_reason=detail.instance.status != "error",
                     **kwargs)


def _instance_page(detail, form=None, status: int = 200):
    declared, others = workflow.describe_data(detail.instance.version, detail.data)
    return render_template(
        "admin/instance.html", detail=detail, data_form=form or _data_form(detail),
        declared=declared, others=others, history=workflow.history_of(detail.instance.id),
        badge=workflow.badge, badges=workflow.BADGES), status


@bp.get("/instances/<int:instance_id>")
def instance(instance_id: int):
    return _instance_page(_or_404(workflow.instance_detail, instance_id))


def _moved_on(form, detail) -> bool:
    if form.seen_version.data == detail.instance.lock_version:
        return False
    flash(_("The process moved on since you opened this page: check its data again."),
          "warning")
    return True


@bp.post("/instances/<int:instance_id>/data")
def change_data(instance_id: int):
    detail = _or_404(workflow.instance_detail, instance_id)
    form = _data_form(detail)
    if not form.validate_on_submit():
        return _instance_page(detail, form, 400)
    if _moved_on(form, detail):
        return redirect(url_for(".instance", instance_id=instance_id))
    changed = changed_values(form)
    if not changed:
        flash(_("Nothing changed."), "info")
        return redirect(url_for(".instance", instance_id=instance_id))
    try:
        workflow.change_data(instance_id, current_user, changed, form.reason.data)
    except workflow.InvalidInput as error:
        # Said next to the value that names nobody (the first changed), else the reason.
        first = next((PREFIX + key for key in changed if PREFIX + key in form), "reason")
        form[first].errors.append(error.reasons())
        return _instance_page(detail, form, 400)
    except workflow.WorkflowError as error:
        flash(str(error), "warning")
    else:
        labels = [item.field.label for item in form.items if item.key in changed]
        flash(_("Data changed: %(fields)s.", fields=", ".join(labels)), "success")
    return redirect(url_for(".instance", instance_id=instance_id))


@bp.post("/instances/<int:instance_id>/<any(suspend, resume, terminate):action>")
def act(instance_id: int, action: str):
    try:
        instance = getattr(workflow, action)(instance_id, current_user)
    except workflow.WorkflowError as error:
        flash(str(error), "warning")
    else:
        flash(_("Instance #%(id)s is now: %(status)s.", id=instance_id,
                status=workflow.INSTANCE_STATUS_LABELS[instance.status][0]), "success")
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
    detail = _or_404(workflow.instance_detail, instance_id)
    form = _data_form(detail)
    if not form.validate_on_submit():
        return _instance_page(detail, form, 400)
    if _moved_on(form, detail):
        return redirect(url_for(".instance", instance_id=instance_id))
    changed = changed_values(form)
    data = {**detail.raw_data, **changed} if changed else None
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
