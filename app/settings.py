"""Settings an admin changes in the app rather than in code, such as the coordinating agency."""

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db

COORDINATOR_AGENCY = "coordinator_agency_code"


class Setting(db.Model):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def get_setting(key: str, default: str | None = None) -> str | None:
    row = db.session.get(Setting, key)
    return row.value if row else default


def get_int_setting(key: str, default: int) -> int:
    """A whole-number setting; `default` when unset or not a number."""
    try:
        return int(get_setting(key) or default)
    except ValueError:
        return default


def set_setting(key: str, value: str) -> None:
    """Stage a setting; the caller's service commits."""
    row = db.session.get(Setting, key)
    if row is None:
        db.session.add(Setting(key=key, value=value))
    else:
        row.value = value
