"""`kill -9` in the middle of a step, against gunicorn and PostgreSQL: a web worker killed while
it completes a step, and the timer worker killed while it fires a timer. Each is caught half
way by a lock the test holds on a table the step writes last (the audit trail; the work
items as a timer opens a step), so the process dies with the step's other writes made but
not committed. Afterwards nothing is half applied,
and the step, done again, is done exactly once."""

import os
import signal
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from app.api import tokens
from app.config import normalise_database_url
from app.extensions import db
from app.workflow import add_version
from app.workflow.models import AuditEvent, ProcessInstance, WorkItem
from tests import factories
from tests.e2e.real_server import GUNICORN, ROOT, RealServer
from tests.workflow import diagrams

FLASK = Path(GUNICORN).with_name("flask")


@pytest.fixture
def postgres(database_url):
    if not database_url.startswith("postgres"):
        pytest.skip("PostgreSQL only: a killed process's open transaction is what it tests, "
                    "and SQLite's single writer is not how the app is deployed")
    return database_url


class TableLock:
    """A table the test keeps others from writing (reading goes on), and a way to see someone
    waiting to write it."""

    def __init__(self, url):
        self.engine = create_engine(normalise_database_url(url))
        self.connection = self.table = None

    def hold(self, table):
        self.table = table
        self.connection = self.engine.connect()
        self.connection.execute(text(f"LOCK TABLE {table} IN EXCLUSIVE MODE"))

    def someone_waits(self, timeout=30) -> bool:
        """Whether another process comes to wait to write the held table."""
        deadline = time.monotonic() + timeout
        # autocommit: within one transaction pg_stat_activity would repeat its first snapshot
        with self.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as watcher:
            while time.monotonic() < deadline:
                if watcher.scalar(text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        "current_database() AND wait_event_type = 'Lock' "
                        "AND query LIKE :writing"), {"writing": f"INSERT INTO {self.table}%"}):
                    return True
                time.sleep(0.05)  # polling another process, not the app's clock
        return False

    def release(self):
        if self.connection is not None:
            self.connection.rollback()
            self.connection.close()
            self.connection = None


@pytest.fixture
def table_lock(postgres):
    lock = TableLock(postgres)
    yield lock
    lock.release()
    lock.engine.dispose()


def _token(username, agency_code, roles=("agency_staff",)):
    user = factories.make_user(username, roles=roles, agency_code=agency_code)
    return tokens.create(user, "crash")[1]


def _children(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # gone meanwhile
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    return children


def _state(instance_id):
    db.session.expire_all()
    instance = db.session.get(ProcessInstance, instance_id)
    items = db.session.execute(select(WorkItem.task_name, WorkItem.status)
                               .where(WorkItem.instance_id == instance_id)
                               .order_by(WorkItem.id)).all()
    events = db.session.scalar(select(func.count()).select_from(AuditEvent)
                               .where(AuditEvent.instance_id == instance_id))
    state = instance.lock_version, instance.status, [tuple(item) for item in items], events
    db.session.rollback()  # holds no lock the test is about to take
    return state


def test_a_web_worker_killed_mid_step_leaves_the_step_undone_and_it_is_done_once(
        postgres, agencies, table_lock):
    add_version(diagrams.two_steps(), "two_steps.bpmn", publish=True)
    coordinator = _token("dieuphoi.crash", "STTTT", roles=("coordinator", "agency_staff"))
    clerk = _token("clerk.crash", "SCT")
    db.session.commit()
    server = RealServer(postgres, workers=2).start()
    try:
        status, started = server.call("POST", "/api/v1/instances", coordinator,
                                      {"process": "two_steps", "subject": "Báo cáo quý IV"})
        assert status == 201, started
        [report] = started["open_steps"]
        before = _state(started["id"])

        table_lock.hold("audit_events")  # the last table a completion writes
        answers = []
        completing = threading.Thread(target=lambda: answers.append(_call_or_none(
            server, report["id"], clerk)))
        completing.start()
        assert table_lock.someone_waits(), answers
        for worker in _children(server.process.pid):
            os.kill(worker, signal.SIGKILL)
        completing.join(timeout=30)
        table_lock.release()

        assert answers == [None]  # the connection died with the worker
        assert _state(started["id"]) == before  # nothing of the step is left behind

        server.wait_until_answering()  # gunicorn has started new workers
        status, body = server.call("POST", f"/api/v1/work-items/{report['id']}/complete",
                                   clerk, {"values": {"result": "Đã hoàn thành"}})
        assert status == 200, body
        status, again = server.call("POST", f"/api/v1/work-items/{report['id']}/complete",
                                    clerk, {"values": {"result": "Lần hai"}})
        assert status == 409, again
        _, _, items, _ = _state(started["id"])
        assert items == [("report", "completed"), ("approve", "open")]
    finally:
        server.stop()


def _call_or_none(server, item_id, token):
    try:
        return server.call("POST", f"/api/v1/work-items/{item_id}/complete", token,
                           {"values": {"result": "Đã hoàn thành"}})
    except OSError:
        return None


def test_the_timer_worker_killed_mid_tick_leaves_the_timer_due_and_it_fires_once(
        postgres, agencies, table_lock):
    coordinator = _token("dieuphoi.crash", "STTTT", roles=("coordinator", "agency_staff"))
    db.session.commit()
    server = RealServer(postgres, workers=1).start()
    try:
        due = datetime.now(UTC) + timedelta(seconds=3)  # real time: the worker is a process
        add_version(diagrams.race(at=due.isoformat(timespec="seconds")), "race.bpmn",
                    publish=True)
        db.session.commit()
        status, started = server.call("POST", "/api/v1/instances", coordinator,
                                      {"process": "race", "subject": "Nhắc nộp báo cáo"})
        assert status == 201, started
    finally:
        server.stop()
    before = _state(started["id"])
    assert before[2] == []  # waiting on the message or the moment
    while datetime.now(UTC) <= due:  # the worker's clock is the real one: its first tick fires
        time.sleep(0.1)

    table_lock.hold("work_items")  # written after the instance, as the step opens
    worker = subprocess.Popen(  # noqa: S603 - our own CLI, fixed arguments
        [str(FLASK), "--app", "wsgi", "workflow", "worker", "--interval", "1"],
        cwd=ROOT, env=server.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert table_lock.someone_waits(), "the worker never came to open the step"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        table_lock.release()
    assert _state(started["id"]) == before

    for _ in range(2):  # the next worker's tick fires it; the one after finds nothing due
        subprocess.run([str(FLASK), "--app", "wsgi", "workflow", "tick"],  # noqa: S603
                       cwd=ROOT, env=server.env, check=True, capture_output=True, timeout=120)
    _, _, items, _ = _state(started["id"])
    assert items == [("chase", "open")]
    kinds = db.session.scalars(select(AuditEvent.kind).where(
        AuditEvent.instance_id == started["id"]).order_by(AuditEvent.id)).all()
    assert kinds.count("timer") == 1, kinds
