"""The inbox's first page with 100,000 open work items, on SQLite and on PostgreSQL.

Seeds 100,000 open work items spread over every agency (a clerk's agency holds about 2,000
of them, a few claimed by the clerk), beside 20,000 done ones as history, then times the
first page of "My work" for one clerk as the page queries it: the counts of its two tabs
("my steps", "my agency's steps"), then the agency's tab (filter, sort by due date, 25 rows
with their case and holder, the total count). Also times a search. Prints the median per
database; target: 50 ms or less.

On PostgreSQL the page is timed twice: first without planner statistics (autovacuum off,
as after a fresh restore, before anything ran ANALYZE), then after VACUUM ANALYZE; the
queries must be safe without statistics (each branch starts from an index on status).
Then the small case of issue 14: an empty page beside 4,000 finished items, without and
with statistics.

    .venv/bin/python bench/inbox.py [postgresql://postgres@127.0.0.1:5432/bench_inbox]
"""

import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

OPEN, DONE = 100_000, 20_000
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/bench_inbox"


def seed(db, instance_id: int, agency_ids: list[int], clerk_id: int) -> None:
    from app.folding import fold
    from app.workflow.models import WorkItem

    start = datetime(2025, 1, 1)
    rows = [{
        "instance_id": instance_id, "task_id": f"{n:036d}", "task_name": "report",
        "title": f"Báo cáo {n}", "process_key": "two_steps", "subject": f"Hồ sơ số {n}",
        "search_text": fold(f"Báo cáo {n} Hồ sơ số {n}"),
        "agency_id": agency_ids[n % len(agency_ids)],
        "claimed_by_id": clerk_id if n % 997 == 0 else None,
        "status": "open" if n < OPEN else "completed",
        "due_at": start + timedelta(hours=n % 5000), "created_at": start,
    } for n in range(OPEN + DONE)]
    for chunk in range(0, len(rows), 10_000):
        db.session.execute(WorkItem.__table__.insert(), rows[chunk:chunk + 10_000])
    db.session.commit()


def first_page(clerk, search=None) -> int:
    """What the inbox page asks of the database for its first page."""
    from app.workflow import InboxFilter, tab_counts, work_items_for

    counts = tab_counts(clerk, InboxFilter(search=search))
    page = work_items_for(clerk, InboxFilter(status="unclaimed", search=search),
                          total=counts["unclaimed"])
    [(item.title, item.instance.status, item.claimed_by) for item in page.items]
    return counts["unclaimed"]


NO_AUTOVACUUM = ("work_items", "process_instances", "users", "user_roles", "agencies",
                 "agency_group_members")


def _without_autovacuum(db) -> None:
    from sqlalchemy import text

    for table in NO_AUTOVACUUM:
        db.session.execute(text(f"ALTER TABLE {table} SET (autovacuum_enabled = false)"))
    db.session.commit()


def _analyze(db) -> None:
    from sqlalchemy import text

    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


def _median_ms(action, rounds: int = 30) -> float:
    from app.extensions import db

    times = []
    for _ in range(rounds):
        db.session.expire_all()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times[5:]) * 1000


def measure(url: str) -> dict[str, float]:
    from flask_migrate import upgrade

    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db
    from app.workflow import add_version, start_process
    from tests import factories
    from tests.workflow.diagrams import two_steps

    if url.startswith("postgres"):
        from bench.databases import empty_postgres

        empty_postgres(url)
    app = create_app(TestingConfig(url))
    with app.app_context():
        upgrade()
        agencies = factories.seeded_agencies()
        clerk = factories.make_user("bench.clerk", agency_code="SCT")
        add_version(two_steps(), "two_steps.bpmn", publish=True)
        instance = start_process("two_steps")
        postgres = url.startswith("postgres")
        if postgres:
            _without_autovacuum(db)
        seed(db, instance.id, [a.id for a in agencies.values()], clerk.id)
        assert first_page(clerk) > 1000 and first_page(clerk, "ho so so 12") >= 1
        found = {}
        if postgres:
            found["page, no statistics"] = _median_ms(lambda: first_page(clerk))
            # As autovacuum leaves a table in use: statistics, and the visibility map that
            # lets the inbox read its indexes without the rows.
            _analyze(db)
        found["page"] = _median_ms(lambda: first_page(clerk))
        found["search"] = _median_ms(lambda: first_page(clerk, "ho so so 12"))
        return found


def empty_page_beside_finished(url: str) -> dict[str, float]:
    """Issue 14's case: a clerk whose 4,000 steps are all done opens an empty inbox."""
    from flask_migrate import upgrade

    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db
    from app.workflow import add_version, start_process
    from app.workflow.models import WorkItem
    from bench.databases import empty_postgres
    from tests import factories
    from tests.workflow.diagrams import two_steps

    empty_postgres(url)
    app = create_app(TestingConfig(url))
    with app.app_context():
        upgrade()
        _without_autovacuum(db)
        agencies = factories.seeded_agencies()
        clerk = factories.make_user("bench.clerk", agency_code="SCT")
        add_version(two_steps(), "two_steps.bpmn", publish=True)
        instance = start_process("two_steps")
        done = datetime(2025, 1, 2)
        db.session.execute(WorkItem.__table__.insert(), [{
            "instance_id": instance.id, "task_id": f"{n:036d}", "task_name": "report",
            "title": f"Báo cáo {n}", "process_key": "two_steps", "subject": f"Hồ sơ {n}",
            "search_text": "", "agency_id": agencies["SCT"].id, "claimed_by_id": clerk.id,
            "completed_by_id": clerk.id, "status": "completed", "completed_at": done,
            "due_at": done, "created_at": done} for n in range(4000)])
        db.session.execute(WorkItem.__table__.update().values(status="completed"))
        db.session.commit()
        assert first_page(clerk) == 0
        before = _median_ms(lambda: first_page(clerk))
        _analyze(db)
        return {"no statistics": before, "after ANALYZE": _median_ms(lambda: first_page(clerk))}


def main() -> None:
    pg = sys.argv[1] if len(sys.argv) > 1 else PG_DEFAULT
    folder = tempfile.mkdtemp(prefix="bench-inbox-")
    print(f"open work items: {OPEN:,} (and {DONE:,} done)")
    for name, url in (("SQLite", f"sqlite:///{folder}/inbox.db"), ("PostgreSQL", pg)):
        found = measure(url)
        print(f"{name:<10} inbox first page, median: " + "; ".join(
            f"{label} {ms:.1f} ms" for label, ms in found.items()))
    found = empty_page_beside_finished(pg)
    print("PostgreSQL empty page beside 4,000 finished steps, median: " + "; ".join(
        f"{label} {ms:.1f} ms" for label, ms in found.items()))


if __name__ == "__main__":
    main()
