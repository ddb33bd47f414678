"""/api/v1: start an instance, list my work items, read one with its form, complete it."""

import re

from flask import Blueprint, g, jsonify, request
from flask_babel import gettext as _

from app import workflow
from app.api import tokens
from app.api.body import MAX_DEPTH, BadBody, checked
from app.api.listing import BadQuery, inbox_filter
from app.api.openapi import document
from app.api.values import BadValues, check
from app.extensions import db
from app.text import one_line

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def problem(status: int, message: str, **extra):
    return jsonify({"error": str(message), **extra}), status


@bp.before_request
def authenticate():
    if request.endpoint == "api.openapi":
        return None
    if request.method == "GET":
        # A read opens no transaction: on PostgreSQL that spares the BEGIN and the ROLLBACK,
        # two round trips of a listing's five. (Recording a token's use commits on its own.)
        db.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    header = request.headers.get("Authorization", "")
    scheme, _space, plain = header.partition(" ")
    user = tokens.user_for(plain.strip()) if scheme.lower() == "bearer" and plain else None
    if user is None:
        return problem(401, _("a valid token is required: Authorization: Bearer <token>"))
    g.api_user = user
    return None


@bp.errorhandler(workflow.WorkflowError)
def engine_refused(error: workflow.WorkflowError):
    extra = {}
    if isinstance(error, workflow.AlreadyCompleted):
        extra = {"completed_by": error.who,
                 "completed_at": error.when.isoformat() + "Z" if error.when else None}
    if isinstance(error, workflow.InvalidInput):
        extra = {"fields": error.errors}
    return problem(error.status, str(error), **extra)


@bp.errorhandler(BadBody)
def bad_body(error: BadBody):
    return problem(400, _("some values are not valid"), fields=error.errors)


def _body(optional: bool = False) -> dict:
    """The JSON object sent, its text checked and cleaned (app/api/body.py); {} for no body
    at all where the body is `optional`."""
    if optional and not request.get_data():
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise workflow.WorkflowError(_("the body must be a JSON object, nested at most "
                                       "%(n)s levels deep", n=MAX_DEPTH))
    return checked(body)


def _item_json(item, with_form: bool = False) -> dict:
    out = {
        "id": item.id, "title": item.title, "process": item.process_key,
        "subject": item.subject, "instance_id": item.instance_id, "status": item.status,
        "badge": workflow.badge(item),
        "due_at": item.due_at.isoformat() + "Z" if item.due_at else None,
        "claimed_by": item.claimed_by.username if item.claimed_by else None,
        "assigned_to": item.assigned_to.username if item.assigned_to else None,
        "agency": item.agency.code if item.agency else None,
        "group": item.group.code if item.group else None, "role": item.role,
        "required_role": item.required_role, "suspended": workflow.is_suspended(item),
    }
    if with_form:
        out["form"] = [field.as_json() for field in workflow.fields_of(item)]
        out["data"] = workflow.data_of(item)
        out["case"] = [step.as_json() for step in workflow.case_of(item)]
    return out


@bp.get("/openapi.json")
def openapi():
    return jsonify(document())


@bp.post("/instances")
def start():
    body = _body()
    key = body.get("process")
    data = body.get("data", {})
    texts = [body.get(name) for name in ("business_key", "subject")]
    if not isinstance(key, str) or not isinstance(data, dict) or \
            any(value is not None and not isinstance(value, str) for value in texts):
        return problem(400, _("'process' (text) is required; 'data' must be an object; "
                              "'business_key' and 'subject' are text"))
    instance = workflow.start_process(
        key, user=g.api_user, business_key=one_line(body.get("business_key")),
        subject=one_line(body.get("subject")), data=data)
    steps = workflow.open_steps(instance)
    return jsonify({"id": instance.id, "status": instance.status,
                    "open_steps": [_item_json(s) for s in steps]}), 201


@bp.get("/work-items")
def list_items():
    try:
        wanted = inbox_filter(request.args)
    except BadQuery as error:
        return problem(400, str(error))
    # The tabs' figures and the page's total in one statement.
    found = workflow.counts_for(g.api_user, wanted, ("mine", "unclaimed", wanted.status))
    counts = {status: found[status] for status in ("mine", "unclaimed")}
    page = workflow.work_items_for(g.api_user, wanted, total=found[wanted.status])
    return jsonify({"items": [_item_json(item) for item in page.items], "page": page.page,
                    "pages": page.pages, "total": page.total, "counts": counts})


@bp.get("/work-items/<int:item_id>")
def read_item(item_id: int):
    return jsonify(_item_json(workflow.step(item_id, g.api_user), with_form=True))


@bp.post("/work-items/<int:item_id>/claim")
def claim(item_id: int):
    return jsonify(_item_json(workflow.claim(item_id, g.api_user)))


@bp.post("/work-items/<int:item_id>/unclaim")
def unclaim(item_id: int):
    return jsonify(_item_json(workflow.unclaim(item_id, g.api_user)))


def _field_of(path: str) -> str:
    """"values.title[0][1]" → "title": where in a completion's body a fault is."""
    if not path.startswith("values."):
        return path
    return re.split(r"[.\[]", path.removeprefix("values."), maxsplit=1)[0]


@bp.post("/work-items/<int:item_id>/hand-over")
def hand_over(item_id: int):
    body = _body()
    colleague, reason = body.get("to"), body.get("reason")
    if not isinstance(colleague, str) or not isinstance(reason, str):
        return problem(400, _("'to' (a colleague's user name) and 'reason' (text) are "
                              "required"))
    item = workflow.step(item_id, g.api_user)
    chosen = next((person for person in workflow.colleagues_for(item, g.api_user)
                   if person.username == colleague.strip()), None)
    moved = workflow.hand_over(item_id, g.api_user, chosen.id if chosen else 0, reason)
    return jsonify(_item_json(moved))


@bp.post("/work-items/<int:item_id>/release")
def release(item_id: int):
    return jsonify(_item_json(workflow.release(item_id, g.api_user)))


@bp.post("/work-items/<int:item_id>/complete")
def complete(item_id: int):
    try:
        body = _body(optional=True)
    except BadBody as error:  # named by field, as the form's own errors are
        by_field: dict[str, list[str]] = {}
        for path, messages in error.errors.items():
            by_field.setdefault(_field_of(path), []).extend(messages)
        raise BadBody(by_field) from None
    raw = body.get("values")
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        return problem(400, _("'values' must be an object"))
    item = workflow.step(item_id, g.api_user)
    fields = workflow.fields_of(item)
    shown = workflow.data_of(item) if any(field.readonly for field in fields) else {}
    try:
        values, files = check(fields, raw, shown)
    except BadValues as error:
        return problem(400, _("some values are not valid"), fields=error.errors)
    instance = workflow.complete(item_id, g.api_user, values, files)
    steps = workflow.open_steps(instance)
    return jsonify({"instance_id": instance.id, "status": instance.status,
                    "open_steps": [_item_json(s) for s in steps]})
