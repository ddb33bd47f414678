"""The home page's training panel: the classes open for registration to the person, and
their registrations that wait for them (a seat to confirm); each figure a link."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.auth.roles import Role
from app.extensions import db
from app.home.panels import Figure, Panel
from modules.training import queries
from modules.training.models import Registration, RegistrationStatus


def training_panel(user) -> Panel | None:
    """Shown when there is something to register for or confirm, and always to the plan's
    coordinator and admins, whose menu bar has no training entry (they organise from here)."""
    open_now = len(queries.classes(user, status="open"))
    offered = db.session.scalar(select(func.count(Registration.id)).where(
        Registration.user_id == user.id,
        Registration.status == RegistrationStatus.OFFERED.value)) or 0
    if not (open_now or offered or user.has_any_role(Role.COORDINATOR, Role.ADMIN)):
        return None
    figures = [Figure(_l("Training classes open for registration"), open_now,
                      url_for("training.classes_page"), "primary"),
               Figure(_l("Seats offered to you to confirm"), offered,
                      url_for("training.my_registrations_page"), "warning")]
    return Panel("training", _l("Training"), figures, order=40)
