"""The process editor's JSON endpoints (the browser's modeler calls them): drafts, their
problems, publishing, import, comparing versions, moving running instances.

Admins only (the blueprint's guard); every POST carries the session's CSRF token in the
X-CSRFToken header (the layout's <meta name="csrf-token">), as Flask-WTF checks for all
POSTs. Errors answer {"error": ...} with the status of the engine's exception."""

from flask import abort, jsonify, make_response, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app import workflow
from app.admin.views import bp
from app.api.body import BadBody, checked
from app.bounds import MAX_ROW_ID

API = "/api/processes"
NO_DIAGRAM = _l("No diagram was sent.")


def _json_body() -> dict:
    """The JSON object sent, its text checked as the API's is (no NUL, which PostgreSQL
    cannot keep; nesting bounded): a fault answers 400 naming where it is."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return {}
    try:
        return checked(body)
    except BadBody as error:
        abort(make_response(jsonify(error=str(_l("some values are not valid")),
                                    fields=error.errors), 400))


def _int_or_none(value):
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise workflow.WorkflowError(_l("A revision or version is a whole number.")) from None
    if not 0 <= number <= MAX_ROW_ID:  # past the database's integers: no such row
        raise workflow.WorkflowError(_l("No such revision or version."))
    return number


def _error(error: Exception):
    if isinstance(error, workflow.DraftConflict):
        return jsonify(error.as_dict()), 409
    if isinstance(error, workflow.KeyNeeded):
        return jsonify({"error": str(error), "candidates": error.candidates}), 400
    if isinstance(error, workflow.DraftHasProblems):
        return jsonify({"error": str(error),
                        "problems": [p.as_dict() for p in error.problems]}), 400
    status = getattr(error, "status", 400)
    return jsonify({"error": str(error)}), status


def _answer(call, status: int = 200):
    try:
        return jsonify(call()), status
    except (workflow.WorkflowError, workflow.BpmnError) as error:
        return _error(error)


def _draft_answer(result) -> dict:
    return {**result.as_dict(), "xml": result.draft.xml}


@bp.post(f"{API}/drafts")
def api_save_draft():
    """Body: {xml, key?, based_on_draft_revision?, from_version_id?, filename?}."""
    body = _json_body()

    def save():
        xml = body.get("xml")
        if not isinstance(xml, str) or not xml.strip():
            raise workflow.NotBpmn(NO_DIAGRAM)
        return workflow.save_draft(
            body.get("key") or None, xml, user=current_user,
            based_on_draft_revision=_int_or_none(body.get("based_on_draft_revision")),
            from_version_id=_int_or_none(body.get("from_version_id")),
            filename=body.get("filename") or None).as_dict()

    return _answer(save)


@bp.post(f"{API}/import")
def api_import_file():
    """Multipart: file (a .bpmn), key? (when the file has no executable process or several),
    based_on_draft_revision? (to replace the open draft of that process)."""

    def save():
        upload = request.files.get("file")
        if upload is None:
            raise workflow.NotBpmn(NO_DIAGRAM)
        content = upload.read(workflow.MAX_DIAGRAM_BYTES + 1)
        return workflow.save_draft(
            request.form.get("key") or None, content, user=current_user,
            based_on_draft_revision=_int_or_none(request.form.get("based_on_draft_revision")),
            filename=upload.filename or None).as_dict()

    return _answer(save)


@bp.get(f"{API}/drafts/<int:draft_id>")
def api_draft(draft_id: int):
    return _answer(lambda: _draft_answer(workflow.draft_result(draft_id)))


@bp.post(f"{API}/problems")
def api_problems():
    """Body: {xml, key?}: the problems the server would refuse it for, without saving."""
    body = _json_body()
    return _answer(lambda: {"problems": [p.as_dict() for p in workflow.draft_problems(
        body.get("xml") or "", body.get("key") or None)]})


@bp.post(f"{API}/drafts/<int:draft_id>/publish")
def api_publish(draft_id: int):
    """Body: {reason, based_on_draft_revision?}."""
    body = _json_body()

    def publish_it():
        version = workflow.publish_draft(
            draft_id, reason=body.get("reason") or "", user=current_user,
            based_on_draft_revision=_int_or_none(body.get("based_on_draft_revision")))
        return {"version_id": version.id, "number": version.number,
                "key": version.definition.key}

    return _answer(publish_it)


@bp.post(f"{API}/drafts/<int:draft_id>/discard")
def api_discard(draft_id: int):
    body = _json_body()

    def discard_it():
        workflow.discard_draft(draft_id, user=current_user, based_on_draft_revision=_int_or_none(
            body.get("based_on_draft_revision")))
        return {"discarded": draft_id}

    return _answer(discard_it)


@bp.get(f"{API}/<key>/drafts")
def api_drafts(key: str):
    return _answer(lambda: {"drafts": [workflow.draft_dict(d) for d in workflow.drafts(key)]})


@bp.get(f"{API}/<key>/amendments")
def api_amendments(key: str):
    return _answer(lambda: {"amendments": [
        {"version_id": a.version_id, "number": a.version.number, "reason": a.reason,
         "by": a.actor.full_name if a.actor else None, "at": a.at.isoformat() + "Z"}
        for a in workflow.amendments(key)]})


@bp.get(f"{API}/versions/<int:version_id>/xml")
def api_version_xml(version_id: int):
    return _answer(lambda: {"version_id": version_id,
                            "xml": workflow.version_xml(version_id)})


@bp.get(f"{API}/compare")
def api_compare():
    """?a=<version id>&b=<version id>, or ?draft=<draft id>[&a=<version id>]."""

    def compared():
        draft_id = _int_or_none(request.args.get("draft"))
        a = _int_or_none(request.args.get("a"))
        if draft_id is not None:
            return workflow.compare_draft(draft_id, a).as_dict()
        return workflow.compare_versions(a or 0, _int_or_none(request.args.get("b")) or 0
                                         ).as_dict()

    return _answer(compared)


@bp.post(f"{API}/migration/preview")
def api_migration_preview():
    """Body: {to_version, instance_ids?: [...], key?}: which can move and which cannot, why."""
    body = _json_body()

    def preview():
        ids = body.get("instance_ids")
        chosen = ([_int_or_none(i) for i in ids] if isinstance(ids, list)
                  else str(body.get("key") or ""))
        return {"instances": [c.as_dict() for c in workflow.migration_preview(
            chosen, _int_or_none(body.get("to_version")) or 0)]}

    return _answer(preview)


@bp.post(f"{API}/instances/<int:instance_id>/migrate")
def api_migrate(instance_id: int):
    """Body: {to_version}."""
    body = _json_body()

    def move():
        instance = workflow.migrate(instance_id, _int_or_none(body.get("to_version")) or 0,
                                    current_user)
        return {"instance_id": instance.id, "version_id": instance.version_id,
                "number": instance.version.number}

    return _answer(move)
