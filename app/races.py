"""Committing where two people may write the same rows at once."""

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db


def commit_unless_raced() -> bool:
    """Commit; if another request changed the same rows first (a version check failed, or
    SQLite found the database changed under this write), undo everything of ours and return
    False. A database that is broken in another way still raises."""
    return _unless_raced(db.session.commit)


def flush_unless_raced() -> bool:
    """Write what is pending now, with the same answer as commit_unless_raced: the rows
    written are then ours until the commit, and a lost race is known before more work."""
    return _unless_raced(db.session.flush)


def _unless_raced(write) -> bool:
    try:
        write()
    except (StaleDataError, OperationalError) as error:
        if isinstance(error, OperationalError) and "locked" not in str(error.orig):
            raise  # a broken database is no race; the error page says so
        db.session.rollback()
        return False
    return True
