"""Seeding: the plan's agencies and groups everywhere; demo people in development only.

Seeding only adds what is missing, so running it twice changes nothing, and an admin's later
renames, merges and memberships survive it.
"""

from dataclasses import dataclass

from sqlalchemy import select

from app.auth.models import Agency, AgencyGroup, User
from app.auth.person_moves import PersonMove
from app.auth.roles import Role
from app.auth.seed_data import AGENCIES, COORDINATOR_AGENCY_CODE, GROUPS, HOME_AFFAIRS_AGENCY_CODE
from app.clock import today, utcnow
from app.extensions import db
from app.settings import COORDINATOR_AGENCY, get_setting, set_setting

# Printed with the demo logins; the demo people exist only where APP_ENV=development.
DEMO_PASSWORD = "Mua-xuan-tren-bien"  # noqa: S105


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    agency_code: str
    roles: tuple[Role, ...]


# An agency's steps are done by its staff and leads: the coordinator also works as staff of
# the coordinating department (its own plan items, the demo's first and last steps), and the
# Home Affairs approver answers cooperating requests to Sở Nội vụ; the trainee does neither.
# They work where the province's agencies are today: the coordinating duty of Sở Thông tin
# và Truyền thông is Sở Văn hóa, Thể thao và Du lịch's since 01/3/2025, and huyện Lý Sơn is
# đặc khu Lý Sơn since 01/7/2025 (its national code in `vietnam-provinces`).
COORDINATING_DEPARTMENT = "SVHTTDL"
LY_SON = "XA_21548"

DEMO_USERS = [
    DemoUser("quantri", "Nguyễn Văn Quản", COORDINATING_DEPARTMENT, (Role.ADMIN,)),
    DemoUser("dieuphoi", "Trần Thị Điều", COORDINATING_DEPARTMENT,
             (Role.COORDINATOR, Role.AGENCY_STAFF)),
    DemoUser("lanhdao.svhttdl", "Lê Văn Lãnh", "SVHTTDL", (Role.AGENCY_LEAD, Role.AGENCY_STAFF)),
    DemoUser("chuyenvien.sct", "Phạm Thị Huyền", "SCT", (Role.AGENCY_STAFF,)),
    DemoUser("thanhtra", "Lý Văn Tra", COORDINATING_DEPARTMENT, (Role.AGENCY_STAFF,)),
    # Signs sanction decisions (Nghị định 119/2020/NĐ-CP): a competence, not the coordinator's.
    DemoUser("xuphat", "Hoàng Minh Phán", COORDINATING_DEPARTMENT,
             (Role.SANCTIONING_OFFICIAL,)),
    DemoUser("noivu", "Võ Minh Phê", HOME_AFFAIRS_AGENCY_CODE,
             (Role.HOME_AFFAIRS, Role.AGENCY_STAFF)),
    DemoUser("hocvien", "Đặng Thị Học", LY_SON, (Role.TRAINEE,)),
]


def seed_agencies() -> int:
    """Add the plan's agencies and groups that are missing. Returns how many rows it added."""
    existing = {a.code: a for a in db.session.scalars(select(Agency))}
    added = 0
    for code, name_vi, name_en, kind in AGENCIES:
        if code not in existing:
            existing[code] = Agency(code=code, name_vi=name_vi, name_en=name_en, kind=kind.value)
            db.session.add(existing[code])
            added += 1
    have_groups = set(db.session.scalars(select(AgencyGroup.code)))
    for code, name_vi, name_en, member_spec in GROUPS:
        if code in have_groups:
            continue
        members = [a for a in existing.values() if a.code in member_spec or a.kind in member_spec]
        db.session.add(AgencyGroup(code=code, name_vi=name_vi, name_en=name_en, members=members))
        added += 1
    if get_setting(COORDINATOR_AGENCY) is None:
        set_setting(COORDINATOR_AGENCY, COORDINATOR_AGENCY_CODE)
    db.session.commit()
    return added


def seed_demo_users() -> list[DemoUser]:
    """Add the demo people that are missing (one per role), and the roles a demo person
    lacks (a database seeded before they needed them); returns all of them."""
    agencies = {a.code: a for a in db.session.scalars(select(Agency))}
    taken = {user.username: user for user in db.session.scalars(select(User))}
    for demo in DEMO_USERS:
        if demo.username in taken:
            person = taken[demo.username]
            person.roles = person.roles | set(demo.roles)
            _move_from_ended_agency(person, agencies[demo.agency_code])
            continue
        user = User(
            username=demo.username,
            full_name=demo.full_name,
            agency=agencies[demo.agency_code],
        )
        user.roles = demo.roles
        user.set_password(DEMO_PASSWORD)
        db.session.add(user)
    db.session.commit()
    return DEMO_USERS


def _move_from_ended_agency(person: User, demo_agency: Agency) -> None:
    """A demo person of a database seeded before the reorganisation goes to their agency of
    today, recorded as the admin's moves are."""
    if person.agency.is_current_on(today()) or person.agency_id == demo_agency.id:
        return
    db.session.add(PersonMove(user_id=person.id, from_agency_id=person.agency_id,
                              to_agency_id=demo_agency.id, at=utcnow()))
    person.agency = demo_agency
