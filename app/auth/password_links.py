"""Links to set one's password: for a new account, and for a forgotten password.

A link carries a token signed with the app's secret (itsdangerous), holding the person's id
and a fingerprint of their password hash: setting a password changes the hash, so the link
dies once used, and so does every older link. It expires after PASSWORD_LINK_HOURS, counted
on the app's clock. Nothing of a link is stored."""

import hashlib
from datetime import UTC, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from app.auth.models import User
from app.clock import utcnow
from app.extensions import db

SALT = "password-link"
PATH = "/account/set-password/"


class LinkError(ValueError):
    """A link that cannot set a password, with the reason the person reads."""


class _ClockedSerializer(URLSafeTimedSerializer):
    """Stamps and checks tokens on the app's clock, so a test can let a link expire."""

    def make_signer(self, salt=None):
        signer = super().make_signer(salt)
        signer.get_timestamp = lambda: int(utcnow().replace(tzinfo=UTC).timestamp())
        return signer


def signed(salt: str) -> URLSafeTimedSerializer:
    """Signs and reads data with the app's secret, timed on the app's clock."""
    return _ClockedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _serializer() -> URLSafeTimedSerializer:
    return signed(SALT)


def lifetime() -> timedelta:
    return timedelta(hours=current_app.config["PASSWORD_LINK_HOURS"])


def _fingerprint(user: User) -> str:
    # The hash itself is not put in the link: a token is signed, not secret.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:20]


def token_for(user: User) -> str:
    return _serializer().dumps({"user": user.id, "hash": _fingerprint(user)})


def url_for_user(user: User) -> str:
    """The full link, as the person opens it from a mail (no request needed: the worker
    writes mails too)."""
    return current_app.config["PUBLIC_URL"].rstrip("/") + PATH + token_for(user)


def expires_at():
    """When a link made now stops working (naive UTC, as every stored time)."""
    return utcnow() + lifetime()


def user_for(token: str, *, for_update: bool = False) -> User:
    """The person whose password the link may set; LinkError says why not. `for_update`
    locks the person's row, so that two submits of one link set one password."""
    try:
        data = _serializer().loads(token, max_age=int(lifetime().total_seconds()))
    except SignatureExpired:
        raise LinkError(_l("This link has expired. Ask for a new one.")) from None
    except BadSignature:
        raise LinkError(_l("This link is not valid. Check that it was copied whole.")) from None
    user_id = data.get("user") if isinstance(data, dict) else None
    user = db.session.get(User, user_id, with_for_update=for_update) \
        if isinstance(user_id, int) else None
    if user is None or not user.active:
        raise LinkError(_l("This link is not valid. Check that it was copied whole."))
    if data.get("hash") != _fingerprint(user):
        raise LinkError(_l("This link has already been used, or a newer one was sent. "
                           "Ask for a new one if you need it."))
    return user
