"""Seeding the province of today over the 2024 agencies: the agencies of the 2025
reorganisation, the 96 commune-level units, each ended agency's end date and successions;
then the people and open work still with an ended agency follow them.

Like the rest of the seed it only adds what is missing: an agency that has successions
already (the admin's, or an earlier seed's) is left as it is, so running it twice changes
nothing, and a database seeded in 2024 gets the same province as a new one."""

from sqlalchemy import select

from app.auth import reorg_data as data
from app.auth.communes import communes, district_place
from app.auth.models import Agency, AgencyGroup, AgencyKind, User
from app.auth.reorg_service import move_open_work, move_people, suggested_agency
from app.auth.successions import AgencySuccession
from app.clock import today
from app.extensions import db


def _end(agency: Agency, last_day) -> None:
    if agency.valid_to is None or agency.valid_to > last_day:
        agency.valid_to = last_day
    if last_day < today():
        agency.active = False


def _add_successions(agency: Agency, rows, agencies, groups) -> None:
    for scope, value, successor_code, source in rows:
        group = groups.get(successor_code.removeprefix("group:")) \
            if successor_code.startswith("group:") else None
        successor = None if group else agencies.get(successor_code)
        if group is None and successor is None:
            continue  # an admin removed it: nothing to hand over to
        agency.successions.append(AgencySuccession(
            scope=scope, scope_value=value, source=source, successor_agency=successor,
            successor_group=group))


def _seed_communes(agencies: dict, groups: dict) -> tuple[int, list]:
    units, added = communes(), 0
    district_group = groups.get(data.DISTRICT_GROUP)
    for unit in units:
        if unit.code in agencies:
            continue
        agency = Agency(code=unit.code, name_vi=unit.name_vi, name_en=unit.name_en,
                        kind=AgencyKind.COMMUNE_COMMITTEE.value, valid_from=data.COMMUNES_FROM)
        db.session.add(agency)
        agencies[unit.code] = agency
        if district_group is not None:
            district_group.members.append(agency)  # "UBND cấp huyện" of the plan
        added += 1
    return added, units


def _district_successor(district: Agency, units, agencies, groups) -> str:
    """A group of the communes that took the district's territory (where the package tells
    it), else the plan's group of all commune-level committees."""
    place = district_place(district.name_vi)
    takers = [agencies[unit.code] for unit in units if place in unit.former_districts]
    if not takers:
        return f"group:{data.DISTRICT_GROUP}"
    code = f"XA_TU_{district.code}"[:40]
    if code not in groups:
        groups[code] = AgencyGroup(
            code=code, name_vi=f"Các xã, phường thuộc {place} cũ",
            name_en=f"Communes and wards of the former {district.name_en}", members=takers)
        db.session.add(groups[code])
    return f"group:{code}"


def seed_reorganisation() -> int:
    """Add the reorganisation where it is missing; return how many rows it added."""
    agencies = {agency.code: agency for agency in db.session.scalars(select(Agency))}
    groups = {group.code: group for group in db.session.scalars(select(AgencyGroup))}
    added = 0
    for code, name_vi, name_en, kind, valid_from, _source in data.NEW_AGENCIES:
        if code not in agencies:
            agencies[code] = Agency(code=code, name_vi=name_vi, name_en=name_en,
                                    kind=kind.value, valid_from=valid_from)
            db.session.add(agencies[code])
            added += 1
    communes_added, units = _seed_communes(agencies, groups)
    added += communes_added
    db.session.flush()
    for code, last_day, rows in data.SUCCESSIONS:
        agency = agencies.get(code)
        if agency is None or agency.successions:
            continue
        _end(agency, last_day)
        _add_successions(agency, rows, agencies, groups)
        added += len(rows)
    for district in [a for a in agencies.values()
                     if a.kind == AgencyKind.DISTRICT_COMMITTEE.value and not a.successions]:
        _end(district, data.DISTRICTS_END)
        successor = _district_successor(district, units, agencies, groups)
        _add_successions(district, [("all", "", successor, data.DISTRICT_SOURCE)], agencies,
                         groups)
        added += 1
    db.session.commit()
    return added


def follow_successions(actor=None) -> tuple[int, int, int]:
    """The people and open work still with an agency that has ended go where its
    successions say: a person with the successor of their duty (moved, recorded), each open
    step with the holder of its work. People whose successor is a group (a district's) wait
    for the admin's choice. Returns (people moved, steps moved, people waiting)."""
    day = today()
    ended = [agency for agency in db.session.scalars(select(Agency).where(
        Agency.id.in_(select(AgencySuccession.agency_id)))) if not agency.is_current_on(day)]
    people = steps = waiting = 0
    for agency in ended:
        choices = {}
        for person in db.session.scalars(select(User).where(User.agency_id == agency.id)):
            target = suggested_agency(person, agency, day)
            if target is not None and target.is_current_on(day):
                choices[person.id] = target.id
            else:
                waiting += 1
        if choices:
            people += move_people(agency, choices, actor)
        steps += move_open_work(agency, actor)
    return people, steps, waiting
