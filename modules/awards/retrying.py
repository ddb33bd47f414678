"""Two people acting on one list or nomination at the same moment: the rows' lock (or, on
SQLite, the one writer it lets in) serves them one after the other. When the database broke
a lock wait (a deadlock, "database is locked") or a row's version moved under us, nothing
of ours was kept: run the write again, and it sees what the other did (and says so)."""

from functools import wraps

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.races import lost_a_lock

ATTEMPTS = 5


def retrying(write):
    @wraps(write)
    def run(*args, **kwargs):
        for attempt in range(ATTEMPTS):
            try:
                return write(*args, **kwargs)
            except (OperationalError, StaleDataError) as error:
                # A version check failed (another wrote the row since we read it) or the
                # database broke a lock wait: run again on what the other left.
                db.session.rollback()
                lost = isinstance(error, StaleDataError) or lost_a_lock(error)
                if not lost or attempt == ATTEMPTS - 1:
                    raise
        return None

    return run
