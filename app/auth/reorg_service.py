"""Writes of a reorganisation: an ended agency's successions, its people moved to the live
agencies the admin chooses, and its open work given to whoever holds that work now."""

from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import select, update

from app.auth.models import Agency, AgencyGroup, User
from app.auth.person_moves import PersonMove
from app.auth.roles import Role
from app.auth.signals import agency_work_moving, agency_work_preview
from app.auth.successions import (
    ANY_WORK,
    COORDINATOR,
    DUTIES,
    AgencySuccession,
    Scope,
    Work,
    route,
)
from app.clock import today, utcnow
from app.extensions import db
from app.races import commit_unless_raced
from app.settings import COORDINATOR_AGENCY, get_setting


class ReorgError(ValueError):
    """A change refused for a reason the admin can read."""


# Successions ------------------------------------------------------------------------------

def add_succession(agency: Agency, *, scope: str, value: str, successor: Agency | AgencyGroup,
                   source: str | None) -> AgencySuccession:
    scope = Scope(scope)
    value = "" if scope == Scope.ALL else " ".join((value or "").split())
    if scope != Scope.ALL and not value:
        raise ReorgError(_("Say which item, process or duty this succession covers."))
    if scope == Scope.DUTY and value not in DUTIES:
        raise ReorgError(_("Unknown duty %(name)s.", name=value))
    if isinstance(successor, Agency):
        if successor.id == agency.id:
            raise ReorgError(_("An agency cannot succeed itself."))
        if route(successor, Work(duty=value) if scope == Scope.DUTY else ANY_WORK) is agency:
            raise ReorgError(_("%(name)s hands its work to this agency: that would go round "
                               "in a circle.", name=successor.name_vi))
    if any(row.scope == scope and row.scope_value == value for row in agency.successions):
        raise ReorgError(_("This part of its work has a successor already; remove that "
                           "one first."))
    row = AgencySuccession(scope=scope.value, scope_value=value, source=(source or "").strip()
                           or None, successor_agency=successor if isinstance(
                               successor, Agency) else None,
                           successor_group=successor if isinstance(successor, AgencyGroup)
                           else None)
    agency.successions.append(row)
    db.session.commit()
    return row


def remove_succession(agency: Agency, succession_id: int) -> None:
    row = db.session.get(AgencySuccession, succession_id)
    if row is not None and row.agency_id == agency.id:
        db.session.delete(row)
        db.session.commit()


def end_agency(agency: Agency, last_day: date) -> None:
    """Set the agency's last day (the seed and the admin's page)."""
    if agency.valid_from and last_day < agency.valid_from:
        raise ReorgError(_("'Valid to' must not be before 'valid from'."))
    agency.valid_to = last_day
    agency.active = last_day >= today()
    db.session.commit()


def coordinator_agency() -> Agency | None:
    """Who coordinates the plan today: the agency of the setting (the plan names Sở Thông tin
    và Truyền thông), or whoever holds its coordinating duty now."""
    code = get_setting(COORDINATOR_AGENCY)
    agency = db.session.scalar(select(Agency).where(Agency.code == code)) if code else None
    if agency is None:
        return None
    holder = route(agency, Work(duty=COORDINATOR))
    return holder if isinstance(holder, Agency) else agency


# People -----------------------------------------------------------------------------------

def people_of(agency: Agency) -> list[User]:
    return list(db.session.scalars(select(User).where(User.agency_id == agency.id)
                                   .order_by(User.full_name)))


def suggested_agency(person: User, agency: Agency, day: date | None = None) -> Agency | None:
    """Where a person of an ended agency most likely goes: with its coordinating duty for a
    coordinator, else with all its work; None when that is a group (the admin chooses)."""
    work = Work(duty=COORDINATOR) if Role.COORDINATOR in person.roles else ANY_WORK
    target = route(agency, work, day)
    return target if isinstance(target, Agency) and target is not agency else None


def move_people(agency: Agency, choices: dict[int, int], actor) -> int:
    """Move each person (id → new agency id) of `agency` to a live agency, all or none;
    each move is recorded. Refused when a person left the agency meanwhile (another admin
    moved them a moment ago)."""
    day, moved = today(), 0
    targets = {agency_id: db.session.get(Agency, agency_id) for agency_id in set(choices.values())}
    for target in targets.values():
        if target is None or not target.is_current_on(day):
            raise ReorgError(_("%(name)s does not exist today: choose a live agency.",
                               name=target.name_vi if target else "?"))
    for person_id, target_id in sorted(choices.items()):
        if target_id == agency.id:
            continue
        changed = db.session.execute(update(User).where(
            User.id == person_id, User.agency_id == agency.id).values(agency_id=target_id))
        if changed.rowcount != 1:
            db.session.rollback()
            person = db.session.get(User, person_id)
            raise ReorgError(_("%(name)s is no longer with %(agency)s (someone moved them a "
                               "moment ago); nothing was moved. Read the page again.",
                               name=person.full_name if person else "?",
                               agency=agency.name_vi))
        db.session.add(PersonMove(user_id=person_id, from_agency_id=agency.id,
                                  to_agency_id=target_id, actor_id=getattr(actor, "id", None),
                                  at=utcnow()))
        moved += 1
    if not commit_unless_raced():
        raise ReorgError(_("Someone moved these people at the same moment; read the page "
                           "again."))
    db.session.expire_all()
    return moved


def moves_of(agency: Agency) -> list[PersonMove]:
    return list(db.session.scalars(select(PersonMove).where(
        PersonMove.from_agency_id == agency.id).order_by(PersonMove.at.desc(), PersonMove.id)))


# Open work --------------------------------------------------------------------------------

def work_preview(agency: Agency) -> list[tuple[str, list[str]]]:
    found = []
    for _receiver, answer in agency_work_preview.send(agency):
        found.extend(answer or [])
    return found


def move_open_work(agency: Agency, actor) -> int:
    """Give the ended agency's open steps and open plan assignments to whoever holds each
    part of its work today. Refused while the agency is still current."""
    if agency.is_current_on(today()):
        raise ReorgError(_("%(name)s still works today; its work moves once it has ended.",
                           name=agency.name_vi))
    moved = sum(answer or 0 for _receiver, answer in
                agency_work_moving.send(agency, actor=actor))
    if not commit_unless_raced():
        raise ReorgError(_("A step of this agency changed at the same moment; move again."))
    return moved
