"""Sixteen people complete the same step at the same moment: exactly one wins, the others
are told who won and when, and the instance is exactly as the winner left it."""

import threading

from sqlalchemy import func, select

from app.extensions import db
from app.workflow import AlreadyCompleted, Conflict, complete, start_process
from app.workflow.models import AuditEvent, ProcessInstance, WorkItem
from tests import factories

RACERS = 16


def test_sixteen_simultaneous_completions_make_one(app, two_steps, people):
    clerks = [factories.make_user(f"racer{n:02d}", agency_code="SCT", full_name=f"Người {n:02d}")
              for n in range(RACERS)]
    instance = start_process("two_steps", user=people["sct"])
    item = db.session.scalar(select(WorkItem).where(WorkItem.instance_id == instance.id))
    version_before = instance.lock_version
    ids = [(clerk.id, clerk.full_name) for clerk in clerks]
    item_id = item.id  # plain values only: ORM objects belong to this thread's session
    db.session.commit()
    barrier = threading.Barrier(RACERS, timeout=30)
    outcomes = [None] * RACERS

    def race(slot, user_id):
        with app.app_context():
            from app.auth.models import User

            user = db.session.get(User, user_id)
            db.session.commit()  # hand the connection back while waiting for the others
            barrier.wait()
            try:
                complete(item_id, user, {"result": f"báo cáo của {user.full_name}"})
                outcomes[slot] = ("won", None)
            except AlreadyCompleted as refused:
                outcomes[slot] = ("told", refused.who)
            except Conflict as refused:
                outcomes[slot] = ("conflict", str(refused))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=race, args=(n, ids[n][0])) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    winners = [n for n, (result, _) in enumerate(outcomes) if result == "won"]
    assert len(winners) == 1, outcomes
    winner_name = ids[winners[0]][1]
    losers = [outcome for n, outcome in enumerate(outcomes) if n != winners[0]]
    assert all(outcome == ("told", winner_name) for outcome in losers), outcomes

    db.session.expire_all()
    fresh = db.session.get(ProcessInstance, instance.id)
    assert fresh.status == "running"
    assert fresh.lock_version == version_before + 1
    open_items = db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == "open")).all()
    assert [i.title for i in open_items] == ["Duyệt"]
    completions = db.session.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.instance_id == instance.id, AuditEvent.kind == "completed"))
    assert completions == 1
    done = db.session.get(WorkItem, item_id)
    assert done.completed_by.full_name == winner_name
