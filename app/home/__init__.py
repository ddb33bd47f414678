"""The home page: what waits for the person (each figure a link), who they are, and what
their roles let them do."""

from flask import Blueprint, current_app, render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from app.auth.agency_service import coordinator_agency
from app.auth.roles import Role
from app.home.panels import panels_for

bp = Blueprint("home", __name__, template_folder="templates")

ROLE_DUTIES = {
    Role.ADMIN: _l("Manage agencies, groups, people and the settings of the system."),
    Role.COORDINATOR: _l(
        "Coordinate Plan 116/KH-UBND: assign its tasks, follow progress and consolidate the "
        "annual report to the Provincial People's Committee before 15 December."
    ),
    Role.AGENCY_LEAD: _l(
        "Lead your agency's plan tasks: approve its reports and nominations."
    ),
    Role.AGENCY_STAFF: _l("Carry out your agency's steps of the plan and report on them."),
    Role.HOME_AFFAIRS: _l("Appraise and approve commendations for foreign information work."),
    Role.SANCTIONING_OFFICIAL: _l(
        "Decide and sign sanctions of violations in foreign information activity, within the "
        "time limits the law sets."
    ),
    Role.TRAINEE: _l("Register for foreign information training courses."),
}


@bp.get("/")
@login_required
def index():
    duties = [(role, ROLE_DUTIES[role]) for role in Role if role in current_user.roles]
    return render_template("home/index.html", duties=duties, coordinator=coordinator_agency(),
                           panels=panels_for(current_app, current_user))
