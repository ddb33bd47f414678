"""People acting at the same moment. Sixteen complete the same step: exactly one wins, the
others are told who won and when, and the instance is exactly as the winner left it. Two
agencies answer their own steps of one instance: both answers stay."""

import threading

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.workflow import AlreadyCompleted, Conflict, complete, data_of, start_process
from app.workflow.models import AuditEvent, ProcessInstance, WorkItem
from tests import factories
from tests.workflow import diagrams

RACERS = 16
# After the step, a script asks the database (a helper the plan registers): the losers
# must be told who won, not fail inside the script.
LOOKS_UP = ('<bpmn:scriptTask id="look_up" name="Tra cứu" scriptFormat="python"><bpmn:script>'
            'reviewer = agency_name("SNV")</bpmn:script></bpmn:scriptTask>')


def _at_once(app, calls):
    """Run each call in its own thread and app context, all released at the same moment;
    return what each returned or raised."""
    barrier = threading.Barrier(len(calls), timeout=30)
    outcomes = [None] * len(calls)

    def run(slot, call):
        with app.app_context():
            try:
                prepared = call()
                db.session.commit()  # hand the connection back while waiting for the others
                barrier.wait()
                outcomes[slot] = ("won", prepared())
            except AlreadyCompleted as refused:
                outcomes[slot] = ("told", refused.who)
            except Conflict as refused:
                outcomes[slot] = ("conflict", str(refused))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _completing(item_id, user_id, values):
    """A call for _at_once: load the user in the thread, then complete when released."""
    def prepare():
        from app.auth.models import User

        user = db.session.get(User, user_id)
        return lambda: complete(item_id, user, values) and user.full_name
    return prepare


@pytest.mark.parametrize("looks_up", [False, True], ids=["plain", "script asks the database"])
def test_sixteen_simultaneous_completions_make_one(app, deploy, people, looks_up):
    xml = diagrams.two_steps()
    if looks_up:
        xml = xml.replace('<bpmn:endEvent id="end" />', LOOKS_UP + '<bpmn:endEvent id="end" />')
        xml = xml.replace('sourceRef="report" targetRef="approve"',
                          'sourceRef="look_up" targetRef="approve"').replace(
            "</bpmn:process>", '<bpmn:sequenceFlow id="f_look" sourceRef="report" '
                               'targetRef="look_up" /></bpmn:process>')
    deploy(xml)
    clerks = [factories.make_user(f"racer{n:02d}", agency_code="SCT", full_name=f"Người {n:02d}")
              for n in range(RACERS)]
    instance = start_process("two_steps", user=people["sct"])
    item = db.session.scalar(select(WorkItem).where(WorkItem.instance_id == instance.id))
    version_before = instance.lock_version
    ids = [(clerk.id, clerk.full_name) for clerk in clerks]
    item_id = item.id  # plain values only: ORM objects belong to this thread's session
    db.session.commit()

    outcomes = _at_once(app, [_completing(item_id, user_id, {"result": f"báo cáo của {name}"})
                              for user_id, name in ids])

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
    assert data_of(open_items[0])["result"] == f"báo cáo của {winner_name}"


def test_two_agencies_answering_at_the_same_moment_both_keep_their_answers(app, deploy,
                                                                           people):
    deploy(diagrams.multi_instance("subprocess", sequential=False))
    instance_id = start_process("asking", data={"entries": [
        {"agency": "SCT", "answer": ""}, {"agency": "SNV", "answer": ""}]}).id
    steps = {item.agency.code: item.id for item in db.session.scalars(
        select(WorkItem).where(WorkItem.instance_id == instance_id))}
    clerks = {"SCT": people["sct"].id, "SNV": people["snv"].id}
    db.session.commit()

    outcomes = _at_once(app, [_completing(steps[code], clerks[code], {"answer": f"{code} ý kiến"})
                              for code in ("SCT", "SNV")])

    assert [result for result, _ in outcomes] == ["won", "won"], outcomes
    db.session.expire_all()
    [review] = db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance_id, WorkItem.status == "open")).all()
    assert data_of(review)["entries"] == [{"agency": "SCT", "answer": "SCT ý kiến"},
                                          {"agency": "SNV", "answer": "SNV ý kiến"}]
