"""Committing where two people may write the same rows at once."""

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db


def commit_unless_raced() -> bool:
    """Commit; if another request changed the same rows first (a version check failed, or
    SQLite found the database changed under this write), undo everything of ours and return
    False. A database that is broken in another way still raises."""
    try:
        db.session.commit()
    except (StaleDataError, OperationalError) as error:
        if isinstance(error, OperationalError) and "locked" not in str(error.orig):
            raise  # a broken database is no race; the error page says so
        db.session.rollback()
        return False
    return True
