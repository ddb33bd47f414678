"""Writes to people: create, change, deactivate, passwords. Views call these; these commit."""

import secrets
import string

from flask_babel import lazy_gettext as _
from sqlalchemy import func, select

from app.api import tokens
from app.auth import password_policy, sessions
from app.auth.models import Agency, SignInSession, User, UserRole
from app.auth.roles import Role
from app.extensions import db


class UserError(ValueError):
    """A change refused for a reason the admin can read."""


def temporary_password() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(12))


def check_password_policy(password: str, user: User) -> None:
    """UserError when the rules (app.auth.password_policy) refuse `password` for `user`."""
    try:
        password_policy.check_password(password, username=user.username,
                                       full_name=user.full_name, agency=user.agency)
    except password_policy.PasswordRefused as refused:
        raise UserError(refused.args[0]) from None


def create_user(
    *,
    username: str,
    full_name: str,
    agency: Agency,
    roles,
    email: str | None = None,
    password: str | None = None,
    locale: str = "vi",
) -> tuple[User, str | None]:
    """Create a person. Without a password, one is made up and returned once to show the admin;
    the person must change it at first sign-in."""
    username = username.strip().lower()
    if db.session.scalar(select(User.id).where(User.username == username)):
        raise UserError(_("The user name %(name)s is taken.", name=username))
    temporary = None
    if password is None:
        password = temporary = temporary_password()
    user = User(
        username=username,
        full_name=full_name.strip(),
        email=(email or "").strip() or None,
        agency=agency,
        locale=locale,
        must_change_password=temporary is not None,
    )
    user.roles = roles
    if temporary is None:
        check_password_policy(password, user)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user, temporary


def _active_admins_except(user: User) -> int:
    return db.session.scalar(
        select(func.count(User.id))
        .join(UserRole)
        .where(UserRole.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id)
    )


def update_user(user: User, *, actor: User, full_name, email, agency, roles, locale) -> None:
    roles = {Role(role) for role in roles}
    if Role.ADMIN in user.roles and Role.ADMIN not in roles and not _active_admins_except(user):
        raise UserError(_("The last administrator cannot lose that role."))
    if user.id == actor.id and Role.ADMIN not in roles:
        raise UserError(_("You cannot remove your own administrator role."))
    user.full_name = full_name.strip()
    user.email = (email or "").strip() or None
    user.agency = agency
    user.roles = roles
    user.locale = locale
    db.session.commit()


def set_active(user: User, active: bool, *, actor: User) -> None:
    if not active and user.id == actor.id:
        raise UserError(_("You cannot deactivate your own account."))
    if not active and Role.ADMIN in user.roles and not _active_admins_except(user):
        raise UserError(_("The last administrator cannot be deactivated."))
    user.active = active
    if not active:  # and none of it comes back with a reactivation
        sessions.end_all(user)
        tokens.revoke_all(user)
    db.session.commit()


def reset_password(user: User) -> str:
    """Give the person a temporary password, to be changed at the next sign-in. Whoever
    holds one of their sessions or API tokens is shut out with the old password."""
    password = temporary_password()
    user.set_password(password)
    user.must_change_password = True
    sessions.end_all(user)
    tokens.revoke_all(user)
    db.session.commit()
    return password


def change_password(user: User, current: str, new: str, *,
                    keep: SignInSession | None = None) -> None:
    """The person's new password; their sessions in other browsers end (`keep` is the one
    they changed it from)."""
    if not user.check_password(current):
        raise UserError(_("The current password is wrong."))
    if new == current:
        raise UserError(_("The new password must differ from the current one."))
    check_password_policy(new, user)
    user.set_password(new)
    user.must_change_password = False
    sessions.end_all(user, keep=keep)
    db.session.commit()
