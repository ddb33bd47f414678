"""Who may do what in training, checked on the server for every action.

- Organisers: the coordinating agency (whoever holds the coordinator duty today, see
  app.auth.successions), whose staff and leads, and the plan coordinator, manage every
  course; any other agency's staff or lead runs courses of their own agency. Admins too.
- Trainees: any signed-in official may register for a class open to their agency.
- Agency leads: approve and nominate the officials of their own agency."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.auth.agency_service import coordinator_agency
from app.auth.models import Agency
from app.auth.roles import Role
from app.clock import today
from app.extensions import db
from modules.training import schedule
from modules.training.models import ACTIVE, OPEN_STATUSES, Registration

OFFICIAL_ROLES = (Role.AGENCY_STAFF, Role.AGENCY_LEAD)


def _coordinates(user) -> bool:
    if user.has_any_role(Role.ADMIN, Role.COORDINATOR):
        return True
    coordinating = coordinator_agency()
    return (coordinating is not None and user.agency_id == coordinating.id
            and user.has_any_role(*OFFICIAL_ROLES))


def may_organise(user) -> bool:
    return user.is_authenticated and (_coordinates(user) or user.has_any_role(*OFFICIAL_ROLES))


def may_manage(user, course) -> bool:
    """Whether `user` edits the course, its classes, and sees their registrations."""
    if not may_organise(user):
        return False
    return _coordinates(user) or user.agency_id == course.agency_id


def organising_agencies(user) -> list[Agency]:
    """The agencies a course of `user` may be organised by."""
    if _coordinates(user):
        day = today()
        agencies = db.session.scalars(select(Agency).order_by(Agency.name_vi))
        return [agency for agency in agencies if agency.is_current_on(day)]
    return [user.agency] if may_organise(user) else []


def is_lead_of(user, agency_id: int) -> bool:
    return user.has_any_role(Role.AGENCY_LEAD) and user.agency_id == agency_id


def open_to(training_class, person) -> bool:
    return training_class.open_to_all or any(
        agency.id == person.agency_id for agency in training_class.agencies)


def live_registration(training_class, person) -> Registration | None:
    return db.session.scalar(select(Registration).where(
        Registration.class_id == training_class.id, Registration.user_id == person.id,
        Registration.status.in_(ACTIVE)))


def why_not_register(training_class, person) -> str | None:
    """Why `person` may not register for the class now (None: they may)."""
    day = today()
    if not person.active:
        return str(_l("This account is disabled."))
    if training_class.status not in OPEN_STATUSES:
        return str(_l("This class is not open for registration."))
    if day < training_class.registration_opens_on:
        return str(_l("Registration opens on %(day)s.",
                      day=f"{training_class.registration_opens_on:%d/%m/%Y}"))
    if day > training_class.registration_closes_on or schedule.has_begun(training_class):
        return str(_l("Registration for this class has closed."))
    if not open_to(training_class, person):
        return str(_l("This class is for officials of the agencies it names; %(agency)s is "
                      "not one of them.", agency=person.agency.name_vi))
    if live_registration(training_class, person) is not None:
        return str(_l("%(name)s is registered for this class already.",
                      name=person.full_name))
    return None
