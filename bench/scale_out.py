"""Scale out: two gunicorn servers and two timer workers on one PostgreSQL database.

Each instance waits for a timer (due a second or two after it starts, fired by whichever
worker gets it), then 'Báo cáo' (SCT) and 'Duyệt' (SNV). Threads drive the load through both
servers; each 'Báo cáo' is completed twice at the same moment, once through each server, so
that exactly one may win. At the end the database must show, for every instance: finished,
one timer fired, one completion of each step, two work items, both done. Prints the
figures and exits 1 if any step was lost or doubled.

    .venv/bin/python bench/scale_out.py [instances] [postgresql://.../bench_scale_out]
"""

import os
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.databases import drop_postgres, empty_postgres  # noqa: E402
from tests.e2e.real_server import RealServer  # noqa: E402
from tests.workflow.diagrams import flows, process  # noqa: E402

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/bench_scale_out"
THREADS = 8
FLASK = Path(sys.executable).with_name("flask")


def timed_two_steps() -> str:
    body = (
        '<bpmn:startEvent id="start" />'
        '<bpmn:intermediateCatchEvent id="wait" name="Chờ"><bpmn:timerEventDefinition>'
        '<bpmn:timeDate xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:type="bpmn:tFormalExpression">due</bpmn:timeDate>'
        '</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>'
        '<bpmn:userTask id="report" name="Báo cáo" camunda:candidateGroups="SCT" />'
        '<bpmn:userTask id="approve" name="Duyệt" camunda:candidateGroups="SNV" />'
        '<bpmn:endEvent id="end" />'
        + flows(("start", "wait"), ("wait", "report"), ("report", "approve"), ("approve", "end"))
    )
    return process("timed_two_steps", body, name="Hai bước sau hẹn giờ")


def prepare(url: str) -> dict[str, str]:
    from flask_migrate import upgrade

    from app import create_app
    from app.api import tokens as api_tokens
    from app.config import TestingConfig
    from app.extensions import db
    from app.workflow import add_version
    from tests import factories

    app = create_app(TestingConfig(url))
    with app.app_context():
        upgrade()
        factories.seeded_agencies()
        people = {"sct": factories.make_user("bench.sct", agency_code="SCT"),
                  "snv": factories.make_user("bench.snv", agency_code="SNV")}
        tokens = {key: api_tokens.create(user, "bench")[1] for key, user in people.items()}
        add_version(timed_two_steps(), "timed_two_steps.bpmn", publish=True)
        db.session.remove()
        db.engine.dispose()
    return tokens


def start_workers(url: str, count: int) -> list[subprocess.Popen]:
    env = {**os.environ, "DATABASE_URL": url, "APP_ENV": "production",
           "SECRET_KEY": "scale-out-bench-key"}
    return [subprocess.Popen(  # noqa: S603 - our own flask, fixed arguments
        [str(FLASK), "--app", "wsgi", "workflow", "worker", "--interval", "0.5"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(count)]


class Load:
    def __init__(self, servers: list[RealServer], tokens: dict[str, str]):
        self.servers, self.tokens = servers, tokens
        self.latencies: list[float] = []
        self.outcomes = {"won": 0, "lost": 0, "other": 0}
        self.lock = threading.Lock()

    def _call(self, server, *args):
        started = time.perf_counter()
        found = server.call(*args)
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
        return found

    def _waiting_step(self, server, key: str) -> int:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            status, body = self._call(server, "GET", f"/api/v1/work-items?q={key}",
                                      self.tokens["sct"])
            mine = [item for item in body.get("items", []) if item["subject"] == key]
            if mine:
                return mine[0]["id"]
            time.sleep(0.2)  # waiting for another process's timer, not the app's clock
        raise RuntimeError(f"{key}: the timer never fired")

    def run_one(self, n: int) -> None:
        first, other = self.servers[n % 2], self.servers[(n + 1) % 2]
        key = f"SO-{n:06d}"
        due = (datetime.now(UTC) + timedelta(seconds=1 + n % 3)).isoformat()
        status, body = self._call(first, "POST", "/api/v1/instances", self.tokens["sct"],
                                  {"process": "timed_two_steps", "business_key": key,
                                   "subject": key, "data": {"due": due}})
        assert status == 201, body
        step = self._waiting_step(other, key)
        path = f"/api/v1/work-items/{step}/complete"
        with ThreadPoolExecutor(2) as both:  # the same step, through each server at once
            answers = list(both.map(
                lambda server: self._call(server, "POST", path, self.tokens["sct"],
                                          {"values": {}}), (first, other)))
        with self.lock:
            for status, _ in answers:
                kind = "won" if status == 200 else "lost" if status == 409 else "other"
                self.outcomes[kind] += 1
        won = [body for status, body in answers if status == 200]
        assert len(won) == 1, answers
        approve = won[0]["open_steps"][0]["id"]
        status, body = self._call(first, "POST", f"/api/v1/work-items/{approve}/complete",
                                  self.tokens["snv"], {"values": {}})
        assert status == 200 and body["status"] == "completed", body


def check(url: str, instances: int) -> list[str]:
    """What the database says: every problem found (none: nothing lost or doubled)."""
    from sqlalchemy import create_engine, text

    from app.config import normalise_database_url

    engine = create_engine(normalise_database_url(url))
    problems = []
    with engine.connect() as connection:
        rows = connection.execute(text("""
            SELECT i.id, i.status,
              (SELECT count(*) FROM audit_events a WHERE a.instance_id = i.id
                 AND a.kind = 'timer') AS timers,
              (SELECT count(*) FROM audit_events a WHERE a.instance_id = i.id
                 AND a.kind = 'completed' AND a.task_name = 'report') AS reports,
              (SELECT count(*) FROM audit_events a WHERE a.instance_id = i.id
                 AND a.kind = 'completed' AND a.task_name = 'approve') AS approvals,
              (SELECT count(*) FROM work_items w WHERE w.instance_id = i.id) AS items,
              (SELECT count(*) FROM work_items w WHERE w.instance_id = i.id
                 AND w.status = 'completed') AS done
            FROM process_instances i""")).all()
    engine.dispose()
    if len(rows) != instances:
        problems.append(f"{len(rows)} instances, not {instances}")
    for row in rows:
        if (row.status, row.timers, row.reports, row.approvals, row.items, row.done) != \
                ("completed", 1, 1, 1, 2, 2):
            problems.append(f"instance {row.id}: {row.status}, timers {row.timers}, "
                            f"reports {row.reports}, approvals {row.approvals}, "
                            f"items {row.items} ({row.done} done)")
    return problems


def main() -> int:
    instances = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    url = sys.argv[2] if len(sys.argv) > 2 else PG_DEFAULT
    empty_postgres(url)
    tokens = prepare(url)
    servers = [RealServer(url, workers=2).start() for _ in range(2)]
    workers = start_workers(url, 2)
    try:
        load = Load(servers, tokens)
        started = time.perf_counter()
        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(load.run_one, range(instances)))
        elapsed = time.perf_counter() - started
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=30)
        for server in servers:
            server.stop()
    problems = check(url, instances)
    drop_postgres(url)
    latencies = sorted(load.latencies)
    print(f"{instances} instances through 2 gunicorn servers (2 workers each) and 2 timer "
          f"workers on one PostgreSQL database, {THREADS} threads: {elapsed:.1f} s, "
          f"{instances * 2 / elapsed:.1f} steps completed/s")
    print(f"requests: {len(latencies)}, p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95) - 1] * 1000:.0f} ms")
    print(f"the same step completed through both servers at once: {load.outcomes['won']} won, "
          f"{load.outcomes['lost']} refused (409), {load.outcomes['other']} other")
    print("lost or doubled: none" if not problems else "PROBLEMS:\n  " + "\n  ".join(problems))
    return 1 if problems or load.outcomes["other"] else 0


if __name__ == "__main__":
    sys.exit(main())
