"""The home page's commendation panel: what waits for the person in the awards work
(nominations to review for the coordinator, lists to appraise or decide for Home Affairs and
the agency head, returned dossiers for an agency); each figure a link."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.extensions import db
from app.home.panels import Figure, Panel
from modules.awards import access, queries
from modules.awards.models import Nomination, NominationStatus


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
    if not figures:
        return None
    return Panel("awards", _l("Commendations"), figures, order=45)
