"""Signing in, with a throttle on repeated failures that holds across processes (it lives in
the database, not in one worker's memory)."""

from dataclasses import dataclass
from datetime import timedelta
from math import ceil

from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth.models import LoginAttempt, User
from app.clock import utcnow
from app.extensions import db

ADDRESS_FAILURE_FACTOR = 4  # one address may mistype across accounts a little more
_UNKNOWN_USER_HASH = generate_password_hash("no such user")


@dataclass
class LoginResult:
    user: User | None = None
    locked_minutes: int = 0  # > 0: refused by the throttle, whatever the password


def _window_start():
    return utcnow() - timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"])


def _recent_failures(column, value) -> tuple[int, object]:
    """Failures since the window opened and since the last success; and the oldest one."""
    since = _window_start()
    last_success = db.session.scalar(
        select(func.max(LoginAttempt.at)).where(
            column == value, LoginAttempt.succeeded.is_(True), LoginAttempt.at >= since
        )
    )
    after = LoginAttempt.at > last_success if last_success else LoginAttempt.at >= since
    count, oldest = db.session.execute(
        select(func.count(), func.min(LoginAttempt.at)).where(
            column == value, LoginAttempt.succeeded.is_(False), after
        )
    ).one()
    return count, oldest


def _locked_minutes(username: str, remote_addr: str) -> int:
    limit = current_app.config["LOGIN_MAX_FAILURES"]
    window = timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"])
    for column, value, cap in (
        (LoginAttempt.username, username, limit),
        (LoginAttempt.remote_addr, remote_addr, limit * ADDRESS_FAILURE_FACTOR),
    ):
        count, oldest = _recent_failures(column, value)
        if count >= cap:
            remaining = oldest + window - utcnow()
            return max(1, ceil(remaining.total_seconds() / 60))
    return 0


def authenticate(username: str, password: str, remote_addr: str) -> LoginResult:
    username = username.strip().lower()
    remote_addr = remote_addr or "unknown"
    locked = _locked_minutes(username, remote_addr)
    if locked:
        return LoginResult(locked_minutes=locked)

    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        check_password_hash(_UNKNOWN_USER_HASH, password)  # same time as for a real account
    ok = user is not None and user.active and user.check_password(password)
    db.session.add(
        LoginAttempt(username=username, remote_addr=remote_addr, succeeded=ok, at=utcnow())
    )
    if ok:
        db.session.execute(
            LoginAttempt.__table__.delete().where(LoginAttempt.at < utcnow() - timedelta(days=30))
        )
    db.session.commit()
    return LoginResult(user=user if ok else None)
