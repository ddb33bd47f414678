"""The home page's commendation panel: what waits for the person in the awards work
(nominations to review for the coordinator, lists to appraise or decide for Home Affairs and
the agency head, returned dossiers for an agency), and the year's awards for those who read
the whole registry (its way in for an admin or a coordinator, whose menu bar has no room);
each figure a link."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.auth.roles import Role
from app.clock import today
from app.extensions import db
from app.home.panels import Figure, Panel
from modules.awards import access, queries
from modules.awards.models import Nomination, NominationStatus


def awarded_in(year: int) -> int:
    from modules.awards.registry_models import Award

    return db.session.scalar(select(func.count(Award.id)).where(
        Award.year == year, Award.revoked_at.is_(None))) or 0


def awards_panel(user) -> Panel | None:
    figures = []
    home = url_for("awards.index_page")
    if access.is_coordinator(user):
        figures.append(Figure(_l("Nominations to review"), queries.to_review(), home,
                              "warning"))
    lists = queries.lists_waiting_for(user)
    if lists or access.is_home_affairs(user):
        figures.append(Figure(_l("Commendation lists to appraise or decide"), len(lists), home,
                              "warning"))
    if access.proposes_for(user, user.agency_id):
        returned = db.session.scalar(select(func.count(Nomination.id)).where(
            Nomination.agency_id == user.agency_id,
            Nomination.status == NominationStatus.RETURNED.value)) or 0
        if returned:
            figures.append(Figure(_l("Nominations returned for supplement"), returned, home,
                                  "danger"))
    if user.has_any_role(Role.ADMIN, Role.COORDINATOR, Role.HOME_AFFAIRS):
        figures.append(Figure(_l("Awards given in %(year)d", year=today().year),
                              awarded_in(today().year), url_for(
                                  "awards_registry.registry_page", year=today().year)))
    if not figures:
        return None
    return Panel("awards", _l("Commendations"), figures, order=45)
