"""Make SpiffWorkflow's timers read the application's clock.

SpiffWorkflow's timer events call `datetime.now(timezone.utc)` inside their module. We give
that module a `datetime` whose `now` asks app.clock, so that tests (and a replayed year) can
move time, and we read timer dates written without an offset as Vietnam time (UTC+7, no
daylight saving) rather than the server's zone.
"""

from datetime import UTC, datetime, timedelta, timezone

from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer

from app.clock import utcnow

VIETNAM = timezone(timedelta(hours=7))


class _ClockedDatetime(datetime):
    @classmethod
    def now(cls, tz=None):
        current = utcnow().replace(tzinfo=UTC)
        return current.astimezone(tz) if tz else current.replace(tzinfo=None)


def install() -> None:
    spiff_timer.datetime = _ClockedDatetime
    spiff_timer.LOCALTZ = VIETNAM
