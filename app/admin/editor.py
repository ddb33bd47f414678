"""The BPMN editor's pages: open a version, a draft, a template or a blank diagram in the
browser's modeler, and the lists its properties panel picks from. Saving, publishing and
importing are the drafts' JSON endpoints (app.workflow's save_draft, publish_draft)."""

import re

from flask import abort, jsonify, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app import workflow
from app.admin.blank import blank_diagram
from app.admin.starters import starter_diagram
from app.admin.views import bp
from app.auth.models import Agency, AgencyGroup
from app.auth.roles import ROLE_LABELS
from app.bounds import row_id
from app.extensions import db
from app.security import editor_policy

KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,99}$")


@bp.get("/processes/editor")
def editor():
    """The editor: ?version=ID, ?draft=ID, or a new process (?key=&name=[&template=ID or the
    name of a starter template, app/admin/starters.py])."""
    return editor_policy(render_template("admin/editor.html", source=_source_args()))


@bp.get("/processes/editor/source.json")
def editor_source():
    args = _source_args()
    if "version" in args:
        version = _version(args["version"])
        return jsonify(xml=version.xml, key=version.definition.key,
                       name=version.definition.name, version_id=version.id,
                       version_number=version.number, draft=None, problems=[])
    if "draft" in args:
        try:
            result = workflow.draft_result(args["draft"])
        except workflow.NotFound:
            abort(404)
        body = result.as_dict()
        return jsonify(xml=result.draft.xml, key=result.draft.key, name=result.draft.name,
                       version_id=result.draft.based_on_version_id, draft=body,
                       problems=body.pop("problems"))
    key, name = args.get("key"), args.get("name")
    if not key or not KEY.match(key):
        return jsonify(error=_("A process key is one word: letters, digits, _ . or -, "
                               "starting with a letter.")), 400
    if "starter" in args:
        xml = starter_diagram(args["starter"], key, name or key)
        if xml is None:
            return jsonify(error=_("There is no such template.")), 400
    elif "template" in args:
        xml = _version(args["template"]).xml
    else:
        xml = blank_diagram(key, name or key)
    return jsonify(xml=xml, key=key, name=name or key, version_id=None, draft=None,
                   problems=[], new=True)


@bp.get("/processes/assignees.json")
def assignees():
    """Whom a step can go to (agencies, groups, roles) and the roles it may require."""
    locale = str(get_locale() or "vi")
    agencies = db.session.scalars(select(Agency).where(Agency.active.is_(True))
                                  .order_by(Agency.name_vi)).all()
    groups = db.session.scalars(select(AgencyGroup).order_by(AgencyGroup.name_vi)).all()
    roles = [{"value": role.value, "label": str(label)} for role, label in ROLE_LABELS.items()]
    audiences = (
        [{"value": a.code, "label": f"{a.name(locale)} ({a.code})", "kind": "agency"}
         for a in agencies]
        + [{"value": g.code, "label": f"{_('Group')}: {g.name(locale)} ({g.code})", "kind": "group"}
           for g in groups]
        + [{"value": r["value"], "label": f"{_('Role')}: {r['label']}", "kind": "role"}
           for r in roles])
    return jsonify(audiences=audiences, roles=roles)


def _source_args() -> dict:
    args = {}
    for name in ("version", "draft", "template"):
        value = request.args.get(name, type=row_id)
        if value is not None:
            args[name] = value
    # A starter template by name (the processes page sends it as template=approval).
    starter = request.args.get("starter", "").strip() or (
        "" if "template" in args else request.args.get("template", "").strip())
    if starter:
        args["starter"] = starter
    for name in ("key", "name"):
        value = request.args.get(name, "").strip()
        if value:
            args[name] = value
    return args


def _version(version_id: int):
    try:
        return workflow.definition_version(version_id)
    except workflow.NotFound:
        abort(404)


@bp.get("/processes/versions/<int:version_id>/diagram")
def version_diagram(version_id: int):
    """A version drawn, to read, export (.bpmn, .svg) and print."""
    return render_template("admin/version_diagram.html", version=_version(version_id))


@bp.get("/processes/versions/<int:version_id>/diagram.json")
def version_diagram_json(version_id: int):
    return jsonify(xml=_version(version_id).xml, completed={}, active={}, failed={},
                   taken=[], here=None)


@bp.get("/processes/drafts/<int:draft_id>/diagram.json")
def draft_diagram_json(draft_id: int):
    try:
        draft = workflow.get_draft(draft_id)
    except workflow.NotFound:
        abort(404)
    return jsonify(xml=draft.xml, completed={}, active={}, failed={}, taken=[], here=None)


@bp.get("/processes/compare")
def compare():
    """Two versions side by side (?a=&b=), or a draft against a version (?draft=[&a=]): what
    the newer adds, removes and changes, listed and coloured on each diagram (app.workflow's
    compare_versions, compare_draft)."""
    a, b = request.args.get("a", type=row_id), request.args.get("b", type=row_id)
    draft_id = request.args.get("draft", type=row_id)
    try:
        if draft_id:
            comparison = workflow.compare_draft(draft_id, a)
            draft = workflow.get_draft(draft_id)
        else:
            comparison, draft = workflow.compare_versions(a or 0, b or 0), None
    except workflow.NotFound:
        abort(404)
    except workflow.WorkflowError as error:
        return render_template("admin/compare.html", error=str(error)), 400
    older = _version(comparison.a_id) if comparison.a_id else None
    return render_template("admin/compare.html", comparison=comparison, older=older,
                           newer=None if draft else _version(b), draft=draft)
