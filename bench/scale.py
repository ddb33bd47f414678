"""Scale: 1,000,000 instances and 5,000,000 work items on PostgreSQL. Run by hand.

A sample is made through the engine's own functions (start_process); the rest in bulk,
in the database (INSERT ... SELECT), copying the sample: a finished instance has five done
steps; one in ten still runs, its last step open for an agency, with the sample's state, so
that it can be completed like any other. Before each batch the free disk space is checked
(the database's size per instance measured on what is there): the run stops at the size
the disk holds with room to spare. At 10,000, 100,000 and 1,000,000 instances (those it
reaches) it times a completion and a clerk's first inbox page, and prints a table.
Then it gives 100,000 running instances a timer that is not due and a few one that is, and
times the worker's tick: it must cost what is due, not what waits.

    .venv/bin/python bench/scale.py [instances] [postgresql://.../bench_scale]
"""

import shutil
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/bench_scale"
CHECKPOINTS = (10_000, 100_000, 1_000_000)
BATCH = 50_000  # instances per bulk statement
SAMPLE = 200  # instances made through the engine
KEEP_FREE = 0.5  # use at most half the free disk
WAITING_TIMERS, DUE_TIMERS = 100_000, 20


def db_size(db) -> int:
    from sqlalchemy import text

    return db.session.scalar(text("SELECT pg_database_size(current_database())"))


def free_disk(db) -> int:
    from sqlalchemy import text

    try:
        folder = db.session.scalar(text("SHOW data_directory"))
        return shutil.disk_usage(folder).free
    except Exception:  # not a superuser, or another machine: the disk we can see
        db.session.rollback()
        return shutil.disk_usage("/").free


def bulk(db, first: int, last: int, version_id: int, state: str, task_id: str) -> None:
    """Instances first..last (business keys), and five work items each, in two statements."""
    from sqlalchemy import text

    before = db.session.scalar(text("SELECT coalesce(max(id), 0) FROM process_instances"))
    db.session.execute(text("""
        INSERT INTO process_instances (version_id, business_key, subject, status, state,
                                       lock_version, started_at, ended_at)
        SELECT :version, 'HS-' || g, 'Hồ sơ số ' || g,
               CASE WHEN g % 10 = 0 THEN 'running' ELSE 'completed' END,
               CASE WHEN g % 10 = 0 THEN :state ELSE '{}' END, 1,
               now() - make_interval(hours => g % 8760),
               CASE WHEN g % 10 = 0 THEN NULL ELSE now() END
        FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS g"""),
        {"version": version_id, "state": state, "first": first, "last": last})
    db.session.execute(text("""
        INSERT INTO work_items (instance_id, task_id, task_name, title, process_key, subject,
                                agency_id, status, due_at, created_at, completed_at,
                                lock_version, search_text, announced_at)
        SELECT i.id,
               CASE WHEN k = 5 AND i.status = 'running' THEN :task ELSE md5(i.id || '-' || k) END,
               CASE WHEN k = 5 THEN 'report' ELSE 'step_' || k END,
               'Báo cáo bước ' || k, 'two_steps', i.subject,
               a.ids[1 + (i.id + k) % cardinality(a.ids)],
               CASE WHEN k = 5 AND i.status = 'running' THEN 'open' ELSE 'completed' END,
               i.started_at + interval '10 days', i.started_at,
               CASE WHEN k = 5 AND i.status = 'running' THEN NULL ELSE i.started_at END,
               1, lower('bao cao buoc ' || k || ' ho so so ' || i.business_key), now()
        FROM process_instances i CROSS JOIN generate_series(1, 5) AS k
             CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM agencies) AS a
        WHERE i.id > :before"""),
        {"task": task_id, "before": before})
    db.session.commit()


def analyze(db) -> None:
    from sqlalchemy import text

    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def time_completions(db, clerk, rounds: int = 15) -> float:
    """Complete `rounds` open 'report' steps of the clerk's agency, each a bulk instance."""
    from sqlalchemy import select

    from app.workflow import complete
    from app.workflow.models import WorkItem

    items = db.session.scalars(select(WorkItem.id).where(
        WorkItem.status == "open", WorkItem.agency_id == clerk.agency_id,
        WorkItem.task_name == "report").order_by(WorkItem.id.desc()).limit(rounds)).all()
    times = []
    for item_id in items:
        db.session.expire_all()
        started = time.perf_counter()
        complete(item_id, clerk, {"result": "Đã xong"})
        times.append(time.perf_counter() - started)
    return median_ms(times)


def time_inbox(db, clerk, rounds: int = 15) -> float:
    from bench.inbox import first_page

    times = []
    for _ in range(rounds):
        db.session.expire_all()
        started = time.perf_counter()
        first_page(clerk)
        times.append(time.perf_counter() - started)
    return median_ms(times[3:])


def time_tick(db) -> tuple[float, float, int, int]:
    """The tick with WAITING_TIMERS timers not due: alone, then with DUE_TIMERS due."""
    from sqlalchemy import text

    from app.clock import utcnow
    from app.workflow.timers import tick

    now = utcnow()
    # Waiting: finished ones made to wait too, when too few run (they never come due here).
    waiting = db.session.execute(text("""
        UPDATE process_instances SET next_timer_at = :later, status = 'running'
        WHERE id IN (SELECT id FROM process_instances ORDER BY status = 'running' DESC, id
                     LIMIT :n)"""),
        {"later": now + timedelta(days=30), "n": WAITING_TIMERS}).rowcount
    db.session.commit()
    analyze(db)
    started = time.perf_counter()
    assert tick() == 0
    idle = time.perf_counter() - started
    db.session.execute(text("""
        UPDATE process_instances SET next_timer_at = :past
        WHERE id IN (SELECT id FROM process_instances WHERE next_timer_at IS NOT NULL
                     AND state <> '{}' ORDER BY id LIMIT :n)"""),
        {"past": now - timedelta(minutes=1), "n": DUE_TIMERS})
    db.session.commit()
    started = time.perf_counter()
    moved = tick()
    return idle * 1000, (time.perf_counter() - started) * 1000, waiting, moved


def main() -> None:
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db
    from app.workflow import add_version, start_process
    from app.workflow.models import ProcessInstance, WorkItem
    from bench.databases import empty_postgres
    from tests import factories
    from tests.workflow.diagrams import two_steps

    target = int(sys.argv[1]) if len(sys.argv) > 1 else CHECKPOINTS[-1]
    url = sys.argv[2] if len(sys.argv) > 2 else PG_DEFAULT
    empty_postgres(url)
    app = create_app(TestingConfig(url))
    rows = []
    with app.app_context():
        upgrade()
        factories.seeded_agencies()
        clerk = factories.make_user("bench.clerk", agency_code="SCT")
        version, _ = add_version(two_steps(), "two_steps.bpmn", publish=True)
        for n in range(SAMPLE):  # through the engine: what the bulk copies
            start_process("two_steps", business_key=f"MAU-{n}", subject=f"Hồ sơ mẫu {n}")
        model = db.session.scalars(select(ProcessInstance).limit(1)).one()
        task_id = db.session.scalar(select(WorkItem.task_id).where(
            WorkItem.instance_id == model.id))
        made = 0
        per_instance = None
        print(f"target {target:,} instances; free disk {free_disk(db) / 2**30:.1f} GiB")
        started = time.perf_counter()
        while made < target:
            step = min(BATCH, target - made,
                       *(point - made for point in CHECKPOINTS if point > made))
            if per_instance is not None:
                room = free_disk(db) * KEEP_FREE
                if per_instance * step > room:
                    print(f"stopping at {made:,} instances: the next batch needs "
                          f"{per_instance * step / 2**30:.1f} GiB, half the free disk is "
                          f"{room / 2**30:.1f} GiB")
                    break
            size_before = db_size(db)
            bulk(db, made + 1, made + step, version.id, model.state, task_id)
            per_instance = (db_size(db) - size_before) / step
            made += step
            if made in CHECKPOINTS or made == target:
                analyze(db)  # as autovacuum would have by then
                items = db.session.scalar(select(func.count()).select_from(WorkItem))
                rows.append((made, items, db_size(db), time_completions(db, clerk),
                             time_inbox(db, clerk)))
                print(f"  {made:>9,} instances made ({time.perf_counter() - started:.0f} s)")
        idle, busy, waiting, moved = time_tick(db)
    print()
    print(f"{'instances':>10} {'work items':>11} {'database':>9} {'complete':>9} {'inbox':>7}")
    for made, items, size, completion, inbox in rows:
        print(f"{made:>10,} {items:>11,} {size / 2**30:>7.2f} G {completion:>6.1f} ms "
              f"{inbox:>4.1f} ms")
    print(f"\nworker tick, {waiting:,} timers waiting: none due {idle:.1f} ms; "
          f"{moved} due {busy:.1f} ms ({busy / max(moved, 1):.1f} ms each)")


if __name__ == "__main__":
    main()
