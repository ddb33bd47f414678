"""The provincial emulation and commendation council's members, as the admin sets them up."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from modules.awards.models import CouncilMember


class CouncilError(ValueError):
    pass


def members() -> list[CouncilMember]:
    return list(db.session.scalars(select(CouncilMember).join(User).order_by(User.full_name)))


def add(username: str) -> CouncilMember:
    user = db.session.scalar(select(User).where(User.username == (username or "").strip()))
    if user is None or not user.active:
        raise CouncilError(_l("No active account has this username."))
    if db.session.get(CouncilMember, user.id) is not None:
        raise CouncilError(_l("%(name)s is a member already.", name=user.full_name))
    member = CouncilMember(user_id=user.id)
    db.session.add(member)
    db.session.commit()
    return member


def remove(user_id: int) -> None:
    member = db.session.get(CouncilMember, user_id)
    if member is not None:
        db.session.delete(member)
        db.session.commit()
