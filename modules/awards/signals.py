"""The nominations' processes hear of what the pages did through an outbox: a service adds
a Signal (a message for one nomination's process) in its own transaction; after it commits,
the signals of a few nominations are delivered at once, and a long list's (Home Affairs
approving 300 nominees) by the worker, a batch each tick, so that no page waits on hundreds
of processes. The module's tables are the record either way; the processes follow in order,
and each signal is delivered once (marked sent in the delivery's own transaction)."""

import logging

from sqlalchemy import select, update

from app import workflow
from app.clock import utcnow
from app.extensions import db
from modules.awards.models import Nomination, NominationStatus, Signal

AT_ONCE = 25  # up to this many signals are delivered before the page answers
BATCH = 200  # the worker's signals per tick
log = logging.getLogger(__name__)


def queue(nomination: Nomination, message: str) -> None:
    """Owe `message` to the nomination's process (the caller commits)."""
    db.session.add(Signal(nomination_id=nomination.id, message=message, created_at=utcnow()))


def _pending(limit: int, nomination_ids=None) -> list[int]:
    query = select(Signal.id).where(Signal.sent_at.is_(None)).order_by(Signal.id).limit(limit)
    if nomination_ids is not None:
        query = query.where(Signal.nomination_id.in_(nomination_ids))
    return list(db.session.scalars(query))


def _deliver_one(signal_id: int, actor=None) -> bool:
    """Mark it sent and deliver it, in one transaction: of two deliverers, one does it."""
    taken = db.session.execute(update(Signal).where(
        Signal.id == signal_id, Signal.sent_at.is_(None)).values(sent_at=utcnow())
        .execution_options(synchronize_session=False))
    if taken.rowcount != 1:
        db.session.rollback()
        return False
    signal = db.session.get(Signal, signal_id)
    nomination = db.session.get(Nomination, signal.nomination_id)
    if nomination.instance_id is not None and nomination.status != NominationStatus.ENDED.value:
        workflow.send_message(signal.message, nomination.business_key, actor, keep=True)
    db.session.commit()
    return True


def deliver(limit: int = BATCH, nomination_ids=None, actor=None) -> int:
    """Deliver up to `limit` owed signals, oldest first; how many went."""
    sent = 0
    for signal_id in _pending(limit, nomination_ids):
        try:
            sent += _deliver_one(signal_id, actor)
        except Exception:  # one process in error must not hold up the others
            db.session.rollback()
            log.exception("commendation signal %s not delivered", signal_id)
    return sent


def after_commit(nomination_ids, actor=None) -> None:
    """What the page does after its change committed: deliver a few signals now (a single
    nomination's step), leave a long list's to the worker."""
    ids = list(nomination_ids)
    if len(ids) <= AT_ONCE:
        deliver(AT_ONCE * 4, ids, actor)


def worker_job() -> None:
    deliver()
