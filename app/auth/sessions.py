"""Signed-in sessions the server can end. The browser's cookie holds a random key; the
database holds its digest, who it signs in, and when it ended. Sign-out ends one; a new
password ends the person's others; an admin's reset or deactivation ends them all."""

import hashlib
import secrets
from datetime import timedelta

from flask import session
from sqlalchemy import delete, select, update

from app.auth.models import SignInSession, User
from app.clock import utcnow
from app.extensions import db

SESSION_KEY = "sign_in"  # where the key sits in Flask's session cookie
SEEN_RECORDED_EVERY = timedelta(minutes=1)  # not a write per request
ENDED_KEPT = timedelta(days=30)  # then an ended session's row goes


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def start(user: User, remote_addr: str | None, user_agent: str | None) -> None:
    """Open a session for `user` in this browser (after the password was checked)."""
    key = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.execute(delete(SignInSession).where(SignInSession.ended_at < now - ENDED_KEPT))
    db.session.add(SignInSession(
        user_id=user.id, key_digest=_digest(key), created_at=now, last_seen_at=now,
        remote_addr=(remote_addr or "unknown")[:64], user_agent=(user_agent or "")[:255]))
    db.session.commit()
    session[SESSION_KEY] = key


def _this_browsers():
    """The condition that finds this browser's live session, or None without a key."""
    key = session.get(SESSION_KEY)
    if not isinstance(key, str):
        return None
    return (SignInSession.key_digest == _digest(key)) & SignInSession.ended_at.is_(None)


def current() -> SignInSession | None:
    """This browser's live session, or None."""
    here = _this_browsers()
    return None if here is None else db.session.scalar(select(SignInSession).where(here))


def user_of_this_browser(user_id: int) -> User | None:
    """The user this browser's live session signs in (Flask-Login's loader): None when the
    session was ended, whatever the cookie says. One query, on every page."""
    here = _this_browsers()
    if here is None:
        return None
    found = db.session.execute(
        select(SignInSession, User).join(User, User.id == SignInSession.user_id)
        .where(here, SignInSession.user_id == user_id)).first()
    if found is None:
        return None
    live, user = found
    now = utcnow()
    if now - live.last_seen_at >= SEEN_RECORDED_EVERY:
        live.last_seen_at = now
        db.session.commit()
    return user


def end_this_one() -> None:
    live = current()
    if live is not None:
        live.ended_at = utcnow()
        db.session.commit()
    session.pop(SESSION_KEY, None)


def end_all(user: User, *, keep: SignInSession | None = None) -> int:
    """End `user`'s live sessions but `keep`; the caller commits. Returns how many."""
    query = update(SignInSession).where(
        SignInSession.user_id == user.id, SignInSession.ended_at.is_(None))
    if keep is not None:
        query = query.where(SignInSession.id != keep.id)
    return db.session.execute(query.values(ended_at=utcnow())).rowcount


def end_one(user: User, session_id: int) -> bool:
    """An admin ends one of `user`'s sessions; False when it was no live session of theirs."""
    row = db.session.get(SignInSession, session_id)
    if row is None or row.user_id != user.id or row.ended_at is not None:
        return False
    row.ended_at = utcnow()
    db.session.commit()
    return True


def end_others() -> int:
    """The signed-in person ends their sessions in every other browser."""
    live = current()
    if live is None:
        return 0
    ended = end_all(db.session.get(User, live.user_id), keep=live)
    db.session.commit()
    return ended


def live_sessions_of(user: User) -> list[SignInSession]:
    return db.session.scalars(select(SignInSession).where(
        SignInSession.user_id == user.id, SignInSession.ended_at.is_(None))
        .order_by(SignInSession.last_seen_at.desc(), SignInSession.id.desc())).all()


def end_every(user: User) -> int:
    """An admin ends all of `user`'s sessions. Returns how many."""
    ended = end_all(user)
    db.session.commit()
    return ended
