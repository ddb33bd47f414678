"""Signing in, with a throttle on failures that holds across workers (it lives in the
database, not in one worker's memory).

Two limits, each over a sliding window: the failures of one address whatever the accounts
(a success with one's own account resets nothing), and the failures on one account from
one address (so an account under attack slows its attacker, never its owner signing in
from elsewhere). A try is counted as a failure before its password is checked, under a
lock per address, so tries that arrive together count exactly. A refused try is answered
at once with the seconds to wait; nothing sleeps."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from math import ceil

from flask import current_app
from sqlalchemy import delete, func, select, text
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth import password_policy
from app.auth.models import DEFAULT_HASH_METHOD, LoginAttempt, User
from app.clock import utcnow
from app.extensions import db

ATTEMPTS_KEPT = timedelta(days=30)


@cache
def _unknown_user_hash(method: str) -> str:
    return generate_password_hash("no such user", method=method)


@dataclass
class LoginResult:
    user: User | None = None
    password_too_weak: bool = False  # signed in, but must choose a password the rules allow
    retry_after: int = 0  # > 0: refused by the throttle for this long (seconds)

    @property
    def locked_minutes(self) -> int:
        return ceil(self.retry_after / 60)


def _window() -> timedelta:
    return timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"])


def _lock_address(remote_addr: str) -> None:
    """Hold the address's tries one at a time until the next commit. PostgreSQL: a lock
    named after the address. SQLite: the pruning below is a write, and SQLite lets one
    writer at a time."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
                           {"key": "sign-in " + remote_addr})
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.at < utcnow() - ATTEMPTS_KEPT))


def _nth_latest_failure(where, n: int) -> datetime | None:
    return db.session.scalar(
        select(LoginAttempt.at).where(LoginAttempt.succeeded.is_(False), *where)
        .order_by(LoginAttempt.at.desc(), LoginAttempt.id.desc()).offset(n - 1).limit(1))


def _retry_at(username: str, remote_addr: str) -> datetime | None:
    """When the address may try this account again, or None when it may now."""
    config = current_app.config
    since = utcnow() - _window()
    last_success = db.session.scalar(select(func.max(LoginAttempt.at)).where(
        LoginAttempt.username == username, LoginAttempt.remote_addr == remote_addr,
        LoginAttempt.succeeded.is_(True)))
    pair_since = max(since, last_success) if last_success else since
    limits = (
        ([LoginAttempt.remote_addr == remote_addr, LoginAttempt.at > since],
         config["LOGIN_MAX_FAILURES_PER_ADDRESS"]),
        ([LoginAttempt.remote_addr == remote_addr, LoginAttempt.username == username,
          LoginAttempt.at > pair_since], config["LOGIN_MAX_FAILURES"]),
    )
    # The limit-th latest failure leaves the window when the count drops below the limit.
    ends = [nth + _window() for where, limit in limits
            if (nth := _nth_latest_failure(where, limit)) is not None]
    return max(ends, default=None)


def authenticate(username: str, password: str, remote_addr: str | None) -> LoginResult:
    username = username.strip().lower()
    remote_addr = (remote_addr or "unknown")[:64]
    _lock_address(remote_addr)
    retry_at = _retry_at(username, remote_addr)
    if retry_at is not None:
        db.session.commit()
        return LoginResult(retry_after=max(1, ceil((retry_at - utcnow()).total_seconds())))
    attempt = LoginAttempt(username=username, remote_addr=remote_addr, succeeded=False,
                           at=utcnow())
    db.session.add(attempt)
    db.session.commit()  # counted, and the lock released, before the slow password check

    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        # As long as for a real account: the same hash method as theirs.
        method = current_app.config.get("PASSWORD_HASH_METHOD", DEFAULT_HASH_METHOD)
        check_password_hash(_unknown_user_hash(method), password)
    ok = user is not None and user.active and user.check_password(password)
    if not ok:
        return LoginResult()
    attempt.succeeded = True
    too_weak = not password_policy.acceptable(password, user)
    if too_weak:  # set before the rules were what they are
        user.must_change_password = True
    db.session.commit()
    return LoginResult(user=user, password_too_weak=too_weak)


def unlock(user: User) -> int:
    """An admin lifts the throttle on `user`'s account: its recent failures, from every
    address, are forgotten. Returns how many."""
    removed = db.session.execute(delete(LoginAttempt).where(
        LoginAttempt.username == user.username, LoginAttempt.succeeded.is_(False))).rowcount
    db.session.commit()
    return removed


@dataclass
class Failures:
    count: int
    addresses: list[str]


def recent_failures(user: User) -> Failures:
    """The failed sign-ins on `user`'s account within the window, and where they came from."""
    rows = db.session.execute(
        select(LoginAttempt.remote_addr, func.count()).where(
            LoginAttempt.username == user.username, LoginAttempt.succeeded.is_(False),
            LoginAttempt.at > utcnow() - _window())
        .group_by(LoginAttempt.remote_addr).order_by(func.count().desc())).all()
    return Failures(sum(count for _, count in rows), [address for address, _ in rows])
