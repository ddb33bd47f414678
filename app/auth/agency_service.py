"""Writes to agencies and groups, including the merges and dissolutions of a reorganisation."""

from datetime import date, timedelta

from flask_babel import lazy_gettext as _
from sqlalchemy import select, update

from app.auth.models import Agency, AgencyGroup, AgencyKind, User
from app.auth.signals import agency_merge_preview, agency_merged
from app.auth.successions import AgencySuccession, Scope
from app.clock import today
from app.extensions import db
from app.races import commit_unless_raced
from app.settings import COORDINATOR_AGENCY, set_setting


class AgencyError(ValueError):
    """A change refused for a reason the admin can read."""


def _check_code_free(model, code: str, current_id: int | None) -> str:
    code = code.strip().upper()
    taken = db.session.scalar(select(model.id).where(model.code == code))
    if taken is not None and taken != current_id:
        raise AgencyError(_("The code %(code)s is already used.", code=code))
    return code


def _check_dates(valid_from: date | None, valid_to: date | None) -> None:
    if valid_from and valid_to and valid_to < valid_from:
        raise AgencyError(_("'Valid to' must not be before 'valid from'."))


def save_agency(agency: Agency | None, *, code, name_vi, name_en, kind, valid_from, valid_to):
    """Create an agency (agency=None) or rename and re-date an existing one."""
    code = _check_code_free(Agency, code, agency.id if agency else None)
    _check_dates(valid_from, valid_to)
    if agency is None:
        agency = Agency()
        db.session.add(agency)
    agency.code = code
    agency.name_vi = name_vi.strip()
    agency.name_en = name_en.strip()
    agency.kind = AgencyKind(kind).value
    agency.valid_from = valid_from
    agency.valid_to = valid_to
    db.session.commit()
    return agency


def merge_preview(agency: Agency) -> list[tuple[str, list[str]]]:
    """What a merge of `agency` would move, for the admin to read before confirming: its
    people, its groups, and what other parts say (open steps, plan items)."""
    people = db.session.scalars(select(User).where(User.agency_id == agency.id)
                                .order_by(User.full_name)).all()
    moves = [(str(_("People")), [f"{person.full_name} ({person.username})" for person in people]),
             (str(_("Groups it belongs to")), [group.name_vi for group in agency.groups])]
    for _receiver, answer in agency_merge_preview.send(agency):
        moves.extend(answer or [])
    return moves


def check_merge(agency: Agency, successor: Agency, effective: date) -> None:
    """AgencyError if `agency` cannot be merged into `successor` from `effective`."""
    if successor.id == agency.id:
        raise AgencyError(_("An agency cannot be merged into itself."))
    if successor.current_holder().id == agency.id:
        raise AgencyError(_("%(name)s was itself merged into this agency.", name=successor.name_vi))
    if not successor.active:
        raise AgencyError(_("The successor must be an active agency."))
    if effective > today():
        raise AgencyError(
            _("A merge takes effect today or earlier; to plan one, set 'valid to' instead.")
        )


def merge_agency(agency: Agency, successor: Agency, effective: date) -> int:
    """Merge `agency` into `successor` from `effective` on: it stops on the day before, its
    people and open work move to the successor, which also takes its place in every group.
    Returns how many people moved."""
    check_merge(agency, successor, effective)
    agency.successor = successor
    if not any(row.scope == Scope.ALL for row in agency.successions):
        agency.successions.append(AgencySuccession(scope=Scope.ALL.value, scope_value="",
                                                   successor_agency=successor))
    agency.active = False
    agency.valid_to = effective - timedelta(days=1)
    for group in agency.groups:
        if successor not in group.members:
            group.members.append(successor)
    moved = db.session.execute(
        update(User).where(User.agency_id == agency.id).values(agency_id=successor.id)
    ).rowcount
    agency_merged.send(agency, successor=successor)
    if not commit_unless_raced():  # someone took one of its steps at this very moment
        raise AgencyError(_("A step of this agency changed at the same moment; merge again."))
    return moved


def set_agency_active(agency: Agency, active: bool, *, as_of: date | None = None) -> None:
    """Deactivate (from `as_of`, default today) or reactivate an agency."""
    agency.active = active
    if active:
        agency.successor = None
        if agency.valid_to and agency.valid_to < today():
            agency.valid_to = None
    else:
        last_day = as_of or today()
        if agency.valid_to is None or agency.valid_to > last_day:
            agency.valid_to = last_day
    db.session.commit()


def has_ended(agency: Agency, day: date | None = None) -> bool:
    """Whether the agency no longer exists on `day` (an agency yet to start has not ended)."""
    day = day or today()
    return not agency.active or (agency.valid_to is not None and agency.valid_to < day)


def ended_members(group: AgencyGroup | None) -> list[Agency]:
    return [member for member in group.members if has_ended(member)] if group else []


def save_group(group: AgencyGroup | None, *, code, name_vi, name_en, members) -> AgencyGroup:
    """Save a group with `members` (the agencies that exist, as the admin ticked them). Its
    ended members stay: their successors stand for them today ("UBND cấp huyện" reaches the
    communes through the districts' successions) and they are its members of earlier years."""
    code = _check_code_free(AgencyGroup, code, group.id if group else None)
    kept = ended_members(group)
    if group is None:
        group = AgencyGroup()
        db.session.add(group)
    group.code = code
    group.name_vi = name_vi.strip()
    group.name_en = name_en.strip()
    group.members = list({agency.id: agency for agency in [*members, *kept]}.values())
    db.session.commit()
    return group


def set_coordinator_agency(agency: Agency) -> None:
    """The plan's coordinating duties moved in the 2025 reorganisation; an admin says where."""
    set_setting(COORDINATOR_AGENCY, agency.code)
    db.session.commit()


def coordinator_agency() -> Agency | None:
    """Who coordinates the plan today (the setting's agency, or its successor for that duty)."""
    from app.auth.reorg_service import coordinator_agency as holder

    return holder()
