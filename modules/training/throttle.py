"""A rate limit that holds across processes: each request of a limited kind is a row, counted
over a sliding window (as the login throttle counts failures). Used by the public certificate
check (per address) and by wrong check-in codes (per person)."""

from dataclasses import dataclass
from datetime import timedelta
from math import ceil

from flask import current_app
from sqlalchemy import delete, func, select

from app.clock import utcnow
from app.extensions import db
from modules.training.certificate_models import LookupHit

KEEP = timedelta(days=1)  # rows older than this are of no window any more


@dataclass(frozen=True)
class Limit:
    scope: str
    count_setting: str  # app.config keys, with their defaults
    count: int
    window_setting: str
    window_seconds: int

    def allowed(self) -> int:
        return int(current_app.config.get(self.count_setting, self.count))

    def window(self) -> timedelta:
        return timedelta(seconds=int(current_app.config.get(self.window_setting,
                                                            self.window_seconds)))


CERTIFICATE_CHECK = Limit("gcn_check", "CERTIFICATE_CHECK_LIMIT", 20,
                          "CERTIFICATE_CHECK_WINDOW_SECONDS", 600)
WRONG_CODE = Limit("checkin_code", "CHECKIN_WRONG_CODE_LIMIT", 10,
                   "CHECKIN_WRONG_CODE_WINDOW_SECONDS", 600)


def wait_seconds(limit: Limit, key: str) -> int:
    """0 when `key` may go on; else how many seconds until the oldest hit of its window
    leaves it (the Retry-After)."""
    since = utcnow() - limit.window()
    count, oldest = db.session.execute(
        select(func.count(), func.min(LookupHit.at)).where(
            LookupHit.scope == limit.scope, LookupHit.key == key[:64], LookupHit.at >= since)
    ).one()
    if count < limit.allowed():
        return 0
    return max(1, ceil((oldest + limit.window() - utcnow()).total_seconds()))


def record(limit: Limit, key: str) -> None:
    """Count one hit (the caller commits); old rows go."""
    now = utcnow()
    db.session.execute(delete(LookupHit).where(LookupHit.at < now - KEEP))
    db.session.add(LookupHit(scope=limit.scope, key=key[:64], at=now))
