"""The inbox's first page with 100,000 open work items, on SQLite and on PostgreSQL.

Seeds 100,000 open work items spread over every agency (a clerk's agency holds about 2,000
of them, a few claimed by the clerk), beside 20,000 done ones as history, then times the
first page of "My work" for one clerk as the page queries it: the counts of its two tabs
("my steps", "my agency's steps"), then the agency's tab (filter, sort by due date, 25 rows
with their case and holder, the total count). Also times a search. Prints the median per
database; target: 50 ms or less.

    .venv/bin/python bench/inbox.py [postgresql://postgres@127.0.0.1:5432/test]
"""

import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

OPEN, DONE = 100_000, 20_000
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


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


def measure(url: str) -> tuple[float, float]:
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db
    from app.workflow import add_version, start_process
    from tests import factories
    from tests.workflow.diagrams import two_steps

    if url.startswith("postgres"):
        from sqlalchemy import create_engine

        from app.config import normalise_database_url

        with create_engine(normalise_database_url(url)).begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    app = create_app(TestingConfig(url))
    with app.app_context():
        upgrade()
        agencies = factories.seeded_agencies()
        clerk = factories.make_user("bench.clerk", agency_code="SCT")
        add_version(two_steps(), "two_steps.bpmn", publish=True)
        instance = start_process("two_steps")
        seed(db, instance.id, [a.id for a in agencies.values()], clerk.id)
        if url.startswith("postgres"):
            # As autovacuum leaves a table in use: statistics, and the visibility map that
            # lets the inbox read its indexes without the rows.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        medians = []
        for search in (None, "ho so so 12"):
            times = []
            for _ in range(30):
                db.session.expire_all()
                started = time.perf_counter()
                total = first_page(clerk, search)
                times.append(time.perf_counter() - started)
            assert total > 1000 if search is None else total >= 1
            medians.append(statistics.median(times[5:]))
        return medians[0], medians[1]


def main() -> None:
    pg = sys.argv[1] if len(sys.argv) > 1 else PG_DEFAULT
    folder = tempfile.mkdtemp(prefix="bench-inbox-")
    print(f"open work items: {OPEN:,} (and {DONE:,} done)")
    for name, url in (("SQLite", f"sqlite:///{folder}/inbox.db"), ("PostgreSQL", pg)):
        page, search = measure(url)
        print(f"{name:<10} inbox first page, median: {page * 1000:.1f} ms; "
              f"with a search: {search * 1000:.1f} ms")


if __name__ == "__main__":
    main()
