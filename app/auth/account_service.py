"""Accounts for people who have none yet, made by an admin's import or by their agency's
lead. An account is made without a password: the person signs in with their email address
as user name and sets the password from a link (password_links) that is mailed to them, or,
where the app sends no mail, shown once to whoever made the account to pass on."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select

from app.auth import password_links, sessions
from app.auth.models import Agency, User
from app.auth.roles import Role
from app.auth.user_service import UserError, check_password_policy
from app.clock import today, utcnow
from app.extensions import db
from app.text import clean

# What a lead may give the people of their agency: never lead or admin.
LEAD_GIVES = (Role.AGENCY_STAFF, Role.TRAINEE)
USERNAME_MAX = 80  # the user name is the email address, so it must fit there
FORGOT_INTERVAL = timedelta(minutes=10)  # one "forgot password" mail per person this often


class AccountError(UserError):
    """An account that cannot be made, with the reason."""


def full_name_of(text: str | None) -> str:
    return " ".join(clean(text or "").split())


def email_of(text: str | None) -> str:
    """The address as it is kept and compared: trimmed, lower case; AccountError when it is
    no email address."""
    text = clean(text or "").strip()
    if not text:
        raise AccountError(_l("The email address is missing."))
    try:
        address = validate_email(text, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise AccountError(_l("%(email)s is not an email address.", email=text)) from None
    if len(address) > USERNAME_MAX:
        raise AccountError(_l("The email address is longer than %(n)d characters.",
                              n=USERNAME_MAX))
    return address


def holder_of(email: str) -> User | None:
    """The account that already has this address, as its email or as its user name."""
    return db.session.scalar(select(User).where(
        or_(func.lower(User.email) == email, User.username == email)).order_by(User.id).limit(1))


def check_agency(agency: Agency) -> None:
    if not agency.is_current_on(today()):
        raise AccountError(_l("%(agency)s has ended: accounts are made in the agency that "
                              "took over its work.", agency=agency.name_vi))


def add_account(*, full_name: str, email: str, agency: Agency, roles) -> User:
    """Stage a new account (the caller commits). Its password is random and known to
    nobody until the person sets theirs from a link."""
    user = User(username=email, full_name=full_name, email=email, agency=agency, locale="vi",
                must_change_password=True)
    user.roles = roles
    user.set_password(secrets.token_urlsafe(32))
    db.session.add(user)
    return user


def _may_be_given_by_lead(roles) -> set[Role]:
    wanted = {Role(role) for role in roles}
    if not wanted:
        raise AccountError(_l("Choose at least one role."))
    if not wanted <= set(LEAD_GIVES):
        raise AccountError(_l("An agency lead gives only the roles of staff and trainee."))
    return wanted


@dataclass
class Handover:
    """What the maker of an account is told: the link to pass on (when no mail goes out),
    shown once."""

    user: User
    link: str | None
    expires_at: datetime | None


def create_for_agency(*, lead: User, agency: Agency, full_name: str, email: str,
                      roles) -> Handover:
    """A lead (or an admin) makes an account for a person of `agency`."""
    if not (lead.has_any_role(Role.ADMIN)
            or (lead.has_any_role(Role.AGENCY_LEAD) and lead.agency_id == agency.id)):
        raise AccountError(_l("A lead makes accounts for their own agency only."))
    wanted = _may_be_given_by_lead(roles)
    check_agency(agency)
    name, address = full_name_of(full_name), email_of(email)
    if not name:
        raise AccountError(_l("The full name is missing."))
    if holder_of(address) is not None:
        raise AccountError(_l("%(email)s already has an account.", email=address))
    user = add_account(full_name=name, email=address, agency=agency, roles=wanted)
    db.session.flush()
    handover = send_link(user)
    db.session.commit()
    return handover


def account_for_nomination(lead: User, *, full_name: str, email: str) -> tuple[User, bool]:
    """Whom a lead nominates by name and email: the account of their agency that has the
    address, or else a new staff account of their agency, staged for the caller's
    transaction (the nomination commits both, or neither). True when it is new."""
    if not lead.has_any_role(Role.AGENCY_LEAD):
        raise AccountError(_l("A lead makes accounts for their own agency only."))
    address = email_of(email)
    holder = holder_of(address)
    if holder is not None:
        if holder.agency_id != lead.agency_id or not holder.active:
            raise AccountError(_l("%(email)s is the address of an account outside your "
                                  "agency.", email=address))
        return holder, False
    name = full_name_of(full_name)
    if not name:
        raise AccountError(_l("The full name is missing."))
    check_agency(lead.agency)
    user = add_account(full_name=name, email=address, agency=lead.agency,
                       roles={Role.AGENCY_STAFF})
    db.session.flush()
    return user, True


def hand_over(user: User) -> Handover:
    """send_link for an account already committed, committing the mail it queues."""
    handover = send_link(user)
    db.session.commit()
    return handover


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def send_link(user: User, *, forgotten: bool = False) -> Handover:
    """Mail the person a link to set their password (the worker sends it, and makes the
    link then), or, with no mail server, return the link for whoever asked to pass on.
    The caller commits."""
    if not mail_configured():
        return Handover(user, password_links.url_for_user(user), password_links.expires_at())
    from app.notifications.models import Kind, Notification

    with force_locale(user.locale or "vi"):
        text = str(_l("A link to set your password was sent to %(email)s.", email=user.email)
                   if forgotten else _l("Your account was made; a link to set your password "
                                        "was sent to %(email)s.", email=user.email))
    # Read already: it is news for the mailbox, not for the list in the app.
    db.session.add(Notification(user_id=user.id, kind=Kind.PASSWORD_LINK.value, text=text,
                                created_at=utcnow(), read_at=utcnow()))
    return Handover(user, None, None)


def forgot_password(email_text: str) -> None:
    """Mail a link to the active account with this address, at most once in
    FORGOT_INTERVAL; says nothing of whether there is one (the page answers the same)."""
    from app.notifications.models import Kind, Notification

    try:
        address = email_of(email_text)
    except AccountError:
        return
    user = holder_of(address)
    if user is None or not user.active or not user.email or not mail_configured():
        return
    recent = db.session.scalar(select(Notification.id).where(
        Notification.user_id == user.id, Notification.kind == Kind.PASSWORD_LINK.value,
        Notification.created_at > utcnow() - FORGOT_INTERVAL).limit(1))
    if recent is None:
        send_link(user, forgotten=True)
        db.session.commit()


def set_password_from_link(token: str, new: str) -> User:
    """Set the password of the link's person; the link (and any older one) dies with it."""
    user = password_links.user_for(token, for_update=True)
    check_password_policy(new, user)
    user.set_password(new)
    user.must_change_password = False
    sessions.end_all(user)  # a forgotten password may be a stolen one
    db.session.commit()
    return user
