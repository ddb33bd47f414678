"""Making, checking and revoking API tokens."""

import hashlib
import secrets
from datetime import timedelta
from functools import cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import joinedload

from app.api.models import ApiToken
from app.auth.models import User
from app.clock import utcnow
from app.extensions import db

PREFIX = "ttdn_"
USE_RECORDED_EVERY = timedelta(minutes=10)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(user, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the plain token is returned once and never stored."""
    plain = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name.strip()[:100] or str(_l("API token")),
                     token_hash=_digest(plain), prefix=plain[:12], created_at=utcnow())
    db.session.add(token)
    db.session.commit()
    return token, plain


def revoke(user, token_id: int) -> bool:
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id or token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    db.session.commit()
    return True


def revoke_all(user) -> None:
    """Revoke every live token of `user` (an admin's reset, a deactivation); the caller
    commits. Reactivating the person later does not bring them back."""
    db.session.execute(update(ApiToken).where(ApiToken.user_id == user.id,
                                              ApiToken.revoked_at.is_(None))
                       .values(revoked_at=utcnow()))


def tokens_of(user) -> list[ApiToken]:
    return db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                              .order_by(ApiToken.created_at.desc())).all()


@cache
def _token_owner_query():
    # Built once: on every API request, building the statement cost more than running it.
    # The owner's roles come along: every step they act on asks for them; and their agency,
    # which a step that stays in it is assigned to without asking again.
    return (select(User, ApiToken.id, ApiToken.last_used_at).join(ApiToken.user)
            .options(joinedload(User.role_rows), joinedload(User.agency))
            .where(ApiToken.token_hash == bindparam("digest"), ApiToken.revoked_at.is_(None),
                   User.active.is_(True)))


def user_for(plain: str):
    """The active user a valid, unrevoked token belongs to, or None."""
    found = db.session.execute(_token_owner_query(),
                               {"digest": _digest(plain)}).unique().first()
    if found is None:
        return None
    user, token_id, last_used_at = found
    now = utcnow()
    if last_used_at is None or now - last_used_at > USE_RECORDED_EVERY:
        # Not on every call: a write per request costs a commit.
        db.session.execute(update(ApiToken).where(ApiToken.id == token_id)
                           .values(last_used_at=now))
        db.session.commit()
    return user
