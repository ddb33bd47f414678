"""The coordinator's figures on the home page: this year's plan tasks past their deadline,
and the agencies yet to report in the open annual round; each leads to the page that lists
them."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.auth.roles import Role
from app.clock import today
from app.extensions import db
from app.home.panels import Figure, Panel
from app.plan.models import AgencyReport, Assignment
from app.plan.reporting import annual_cycle


def coordination_panel(user) -> Panel | None:
    if not user.has_any_role(Role.COORDINATOR):
        return None
    day = today()
    overdue = db.session.scalar(select(func.count(Assignment.id)).where(
        Assignment.year == day.year, Assignment.outcome.is_(None), Assignment.due_on < day))
    figures = [Figure(_l("Plan tasks overdue in %(year)s", year=day.year), overdue or 0,
                      url_for("plan.dashboard_page", year=day.year), "danger")]
    cycle = annual_cycle(day.year)
    if cycle is not None and cycle.signed_at is None:
        missing = db.session.scalar(select(func.count(AgencyReport.id)).where(
            AgencyReport.cycle_id == cycle.id, AgencyReport.submitted_at.is_(None)))
        figures.append(Figure(_l("Agencies yet to report in the %(year)s round",
                                 year=day.year), missing or 0,
                              url_for("plan.report_page", cycle_id=cycle.id), "warning"))
    return Panel("plan", _l("Coordinating the plan"), figures, order=20)
