"""Plain factory functions for test data, written through the same services the app uses."""

from sqlalchemy import select

from app.auth import user_service
from app.auth.models import Agency
from app.auth.seed import seed_agencies
from app.extensions import db

PASSWORD = "correct-horse-battery"


def seeded_agencies() -> dict[str, Agency]:
    seed_agencies()
    return {agency.code: agency for agency in db.session.scalars(select(Agency))}


def agency(code: str) -> Agency:
    return db.session.scalar(select(Agency).where(Agency.code == code))


def make_user(username, roles=("agency_staff",), agency_code="SCT", password=PASSWORD, **extra):
    user, _ = user_service.create_user(
        username=username,
        full_name=extra.pop("full_name", username.title()),
        agency=agency(agency_code),
        roles=roles,
        password=password,
        **extra,
    )
    return user
