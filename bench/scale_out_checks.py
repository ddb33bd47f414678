"""What the database says happened to bench/scale_out.py's instances: each step completed
once, each timer fired once, every instance ended, nothing in error."""

import time
from collections import Counter

from sqlalchemy import create_engine, text

from app.config import normalise_database_url

KEY = "scale_out"  # the benchmark's process


# The benchmark's instances (the seed starts others, the plan's), their steps and events.
INSTANCES = text("SELECT i.id, i.status FROM process_instances i "
                 "JOIN definition_versions v ON v.id = i.version_id "
                 "JOIN process_definitions d ON d.id = v.definition_id WHERE d.key = :key")
ITEMS = text("SELECT i.id, w.task_name, w.status FROM process_instances i "
             "JOIN definition_versions v ON v.id = i.version_id "
             "JOIN process_definitions d ON d.id = v.definition_id "
             "LEFT JOIN work_items w ON w.instance_id = i.id WHERE d.key = :key")
EVENTS = text("SELECT i.id, e.kind, e.task_name, count(e.id) FROM process_instances i "
              "JOIN definition_versions v ON v.id = i.version_id "
              "JOIN process_definitions d ON d.id = v.definition_id "
              "LEFT JOIN audit_events e ON e.instance_id = i.id WHERE d.key = :key "
              "GROUP BY i.id, e.kind, e.task_name")


def check(url: str) -> dict:
    """What the database says happened to the process's instances."""
    engine = create_engine(normalise_database_url(url))
    with engine.connect() as connection:
        statuses = Counter(row[1] for row in connection.execute(INSTANCES, {"key": KEY}))
        items = connection.execute(ITEMS, {"key": KEY}).all()
        events = connection.execute(EVENTS, {"key": KEY}).all()
    engine.dispose()
    instances = {row[0] for row in items}
    done = Counter((row[0], row[1]) for row in items if row[2] == "completed")
    audited = {(row[0], row[1], row[2]): row[3] for row in events}
    steps = [(i, step) for i in instances for step in ("report", "approve")]
    return {
        "instances": len(instances), "statuses": dict(statuses),
        "items_lost": sum(done[s] == 0 for s in steps),
        "items_doubled": sum(done[s] > 1 for s in steps),
        "items_not_done": sum(1 for row in items if row[1] and row[2] != "completed"),
        "completions_lost": sum(audited.get((i, "completed", s), 0) == 0 for i, s in steps),
        "completions_doubled": sum(audited.get((i, "completed", s), 0) > 1 for i, s in steps),
        "timers_lost": sum(audited.get((i, "timer", "settle"), 0) == 0 for i in instances),
        "timers_doubled": sum(audited.get((i, "timer", "settle"), 0) > 1 for i in instances),
        "timers": sum(audited.get((i, "timer", "settle"), 0) for i in instances),
        "finished": sum(audited.get((i, "finished", None), 0) for i in instances),
        "errors": sum(n for (_, kind, _), n in audited.items() if kind == "error"),
    }


def wait_until_ended(url: str, deadline: float) -> None:
    engine = create_engine(normalise_database_url(url))
    with engine.connect() as connection:
        while time.monotonic() < deadline:
            running = [row for row in connection.execute(INSTANCES, {"key": KEY})
                       if row[1] == "running"]
            connection.rollback()
            if not running:
                break
            time.sleep(0.5)  # the approvers' last answers are committed; the end follows
    engine.dispose()
