"""Agencies (the organisations of the plan), their groups, and the people who use the system."""

import unicodedata
from datetime import date, datetime
from enum import StrEnum

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth.roles import Role
from app.clock import utcnow
from app.extensions import db
from app.text import vietnamese_order

DEFAULT_HASH_METHOD = "scrypt"  # werkzeug's own default: memory-hard, salted


class AgencyKind(StrEnum):
    PROVINCIAL_LEADERSHIP = "provincial_leadership"
    DEPARTMENT = "department"
    DISTRICT_COMMITTEE = "district_committee"
    COMMUNE_COMMITTEE = "commune_committee"
    PRESS = "press"
    POLICE_MILITARY = "police_military"
    ASSOCIATION = "association"
    CENTRAL = "central"

    @property
    def label(self) -> str:
        return str(AGENCY_KIND_LABELS[self])


AGENCY_KIND_LABELS = {
    AgencyKind.PROVINCIAL_LEADERSHIP: _l("Provincial leadership"),
    AgencyKind.DEPARTMENT: _l("Department or provincial agency"),
    AgencyKind.DISTRICT_COMMITTEE: _l("District People's Committee"),
    AgencyKind.COMMUNE_COMMITTEE: _l("Commune People's Committee"),
    AgencyKind.PRESS: _l("Press"),
    AgencyKind.POLICE_MILITARY: _l("Police or military"),
    AgencyKind.ASSOCIATION: _l("Association or mass organisation"),
    AgencyKind.CENTRAL: _l("Central agency"),
}

# How an official lists agencies: the province's leadership, its departments, then the rest.
KIND_ORDER = (AgencyKind.PROVINCIAL_LEADERSHIP, AgencyKind.DEPARTMENT, AgencyKind.POLICE_MILITARY,
              AgencyKind.PRESS, AgencyKind.ASSOCIATION, AgencyKind.COMMUNE_COMMITTEE,
              AgencyKind.DISTRICT_COMMITTEE, AgencyKind.CENTRAL)

agency_group_members = Table(
    "agency_group_members",
    db.metadata,
    Column("group_id", ForeignKey("agency_groups.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id", ondelete="CASCADE"), primary_key=True),
)


class CodeAndNames:
    """A stable code (what diagrams and settings name) and a name in each language."""

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_vi: Mapped[str] = mapped_column(String(255))
    name_en: Mapped[str] = mapped_column(String(255))

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" else self.name_vi


class Agency(CodeAndNames, db.Model):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(default=True)
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))

    successor: Mapped["Agency | None"] = relationship(remote_side=[id])
    groups: Mapped[list["AgencyGroup"]] = relationship(
        secondary=agency_group_members, back_populates="members"
    )

    @property
    def sort_key(self) -> tuple:
        """Its place in a list: by kind as KIND_ORDER has it, then in Vietnamese order."""
        rank = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return rank, vietnamese_order(self.name_vi)

    def is_current_on(self, day: date) -> bool:
        """Whether the agency exists and works on `day` (the admin's switch and its dates)."""
        return (
            self.active
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or day <= self.valid_to)
        )

    def current_holder(self) -> "Agency":
        """The agency that carries all of this one's work today: itself, or the end of its
        successions (app.auth.successions.route says it for one item, process or duty)."""
        from app.auth.successions import route

        holder = route(self)
        return holder if isinstance(holder, Agency) else self

    def __repr__(self) -> str:
        return f"<Agency {self.code}>"


class AgencyGroup(CodeAndNames, db.Model):
    """A set of agencies the plan names as one ("Các sở, ban, ngành", "UBND cấp huyện")."""

    __tablename__ = "agency_groups"

    id: Mapped[int] = mapped_column(primary_key=True)

    members: Mapped[list[Agency]] = relationship(
        secondary=agency_group_members, back_populates="groups", order_by=Agency.name_vi
    )

    def expand(self, day: date, work=None) -> list[Agency]:
        """The agencies an assignment to this group reaches on `day`.

        An ended member is replaced by its successor for that work (`work`, a
        successions.Work), so work never goes to an agency that no longer exists; each
        agency appears once.
        """
        from app.auth.successions import ANY_WORK, expand

        return expand(self, day, work or ANY_WORK)


class UserRole(db.Model):
    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(40))


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))
    password_hash: Mapped[str] = mapped_column(String(255))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str] = mapped_column(String(8), default="vi")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    agency: Mapped[Agency] = relationship()
    role_rows: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    @property
    def roles(self) -> set[Role]:
        return {Role(row.role) for row in self.role_rows}

    @roles.setter
    def roles(self, roles) -> None:
        wanted = {Role(role) for role in roles}
        self.role_rows = [row for row in self.role_rows if row.role in wanted]
        have = {row.role for row in self.role_rows}
        self.role_rows.extend(UserRole(role=role.value) for role in wanted - have)

    def has_any_role(self, *roles: Role) -> bool:
        return not self.roles.isdisjoint(roles)

    # NFC on both sides: a password typed with combining marks (as pages now send all text)
    # or composed (from the command line) is the same password.
    def set_password(self, password: str) -> None:
        method = current_app.config.get("PASSWORD_HASH_METHOD", DEFAULT_HASH_METHOD)
        self.password_hash = generate_password_hash(unicodedata.normalize("NFC", password),
                                                    method=method)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, unicodedata.normalize("NFC", password))


class LoginAttempt(db.Model):
    """One try at signing in; recent failures throttle an account and an address."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    remote_addr: Mapped[str] = mapped_column(String(64), index=True)
    succeeded: Mapped[bool]
    at: Mapped[datetime] = mapped_column(index=True)


class SignInSession(db.Model):
    """One browser's signed-in session, which the server can end: the browser's cookie
    carries a random key whose digest is kept here; a session whose row has ended (sign-out,
    a new password, an admin's reset or deactivation) signs nobody in, copied or not."""

    __tablename__ = "sign_in_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key_digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    remote_addr: Mapped[str] = mapped_column(String(64))
    user_agent: Mapped[str] = mapped_column(String(255))


# Models that hang on Agency, imported here so that whoever loads the agencies has them.
from app.auth import person_moves as _person_moves  # noqa: E402, F401
from app.auth import successions as _successions  # noqa: E402, F401
