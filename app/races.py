"""Committing where two people may write the same rows at once."""

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db

# PostgreSQL's answers to two transactions waiting on each other's rows: a deadlock broken,
# a serialization failure, a lock not available. SQLite says "database is locked".
_LOST_LOCK_STATES = frozenset({"40P01", "40001", "55P03"})


def lost_a_lock(error: BaseException) -> bool:
    """Whether a database error only means another transaction held the same rows: nothing
    of ours is kept, and trying again is the answer."""
    if not isinstance(error, OperationalError):
        return False
    return ("locked" in str(error.orig)
            or getattr(error.orig, "sqlstate", None) in _LOST_LOCK_STATES)


def database_error(error: BaseException) -> DBAPIError | None:
    """The database error behind `error` (a helper a script called hit it), if any."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DBAPIError):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


def commit_unless_raced() -> bool:
    """Commit; if another request changed the same rows first (a version check failed, or
    SQLite found the database changed under this write), undo everything of ours and return
    False. A database that is broken in another way still raises."""
    try:
        db.session.commit()
    except (StaleDataError, OperationalError) as error:
        if isinstance(error, OperationalError) and not lost_a_lock(error):
            raise  # a broken database is no race; the error page says so
        db.session.rollback()
        return False
    return True
