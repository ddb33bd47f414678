"""The case diagram's JSON: the XML (without scripts and expressions for readers who are not
admins) and each element's state. Read by app/static/js/bpmn-viewer.js."""

from flask import Blueprint, abort, jsonify, request
from flask_login import current_user, login_required

from app import workflow
from app.bounds import row_id

bp = Blueprint("diagrams", __name__, template_folder="templates")


@bp.get("/cases/<int:instance_id>/diagram.json")
@login_required
def case_diagram(instance_id: int):
    try:
        diagram = workflow.case_diagram(instance_id, current_user,
                                        here_item_id=request.args.get("step", type=row_id))
    except workflow.NotFound:
        abort(404)
    except workflow.Forbidden:
        abort(403)
    response = jsonify(diagram.as_dict())
    response.headers["Cache-Control"] = "no-store"  # states change with every step
    return response
