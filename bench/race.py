"""Sixteen people complete one step at the same moment, against the real server.

gunicorn with 4 worker processes on PostgreSQL (the database is emptied and migrated first).
Each round starts an instance of a two-step process, releases 16 simultaneous completions of
its first step through the JSON API, then has the second agency complete the next step.
Prints, per round, how many won (target 1), how many were told 409 naming the winner
(target 15), the slowest answer (target: each within 200 ms), and whether the instance then
went on to its end.

    .venv/bin/python bench/race.py [rounds] [postgresql://postgres@127.0.0.1:5432/bench]
"""

import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RACERS, WORKERS = 16, 4
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/bench"


def prepare(url: str) -> dict:
    """An empty, migrated database with the agencies, 16 clerks of one agency, an approver
    of the next, their tokens and the published process."""
    from flask_migrate import upgrade

    from app import create_app
    from app.api import tokens
    from app.config import TestingConfig
    from app.workflow import add_version
    from bench.databases import empty_postgres
    from tests import factories
    from tests.workflow.diagrams import two_steps

    empty_postgres(url)
    app = create_app(TestingConfig(url))
    with app.app_context():
        upgrade()
        factories.seeded_agencies()
        clerks = [factories.make_user(f"racer{n:02d}", agency_code="SCT",
                                      full_name=f"Người thứ {n:02d}") for n in range(RACERS)]
        approver = factories.make_user("approver", agency_code="SNV")
        add_version(two_steps(), "two_steps.bpmn", publish=True)
        return {"clerks": [(c.full_name, tokens.create(c, "race")[1]) for c in clerks],
                "approver": tokens.create(approver, "race")[1]}


def one_round(server, people: dict) -> dict:
    starter = people["clerks"][0][1]
    status, started = server.call("POST", "/api/v1/instances", starter, {"process": "two_steps"})
    assert status == 201, started
    step = started["open_steps"][0]["id"]
    barrier = threading.Barrier(RACERS)
    answers = [None] * RACERS

    def complete(slot: int, name: str, token: str) -> None:
        barrier.wait()
        began = time.perf_counter()
        status, body = server.call("POST", f"/api/v1/work-items/{step}/complete", token,
                                   {"values": {"result": f"báo cáo của {name}"}})
        answers[slot] = (status, body, time.perf_counter() - began, name)

    threads = [threading.Thread(target=complete, args=(n, name, token))
               for n, (name, token) in enumerate(people["clerks"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    won = [a for a in answers if a[0] == 200]
    winner = won[0][3] if len(won) == 1 else None
    told = [a for a in answers if a[0] == 409 and winner and winner in str(a[1])]
    next_step = won[0][1]["open_steps"][0]["id"] if len(won) == 1 else None
    ended = False
    if next_step is not None:
        status, body = server.call("POST", f"/api/v1/work-items/{next_step}/complete",
                                   people["approver"], {"values": {}})
        ended = status == 200 and body["status"] == "completed"
    times = [a[2] for a in answers]
    return {"won": len(won), "told": len(told), "other": RACERS - len(won) - len(told),
            "slowest": max(times), "median": statistics.median(times), "ended": ended}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    url = sys.argv[2] if len(sys.argv) > 2 else PG_DEFAULT
    from tests.e2e.real_server import RealServer

    people = prepare(url)
    server = RealServer(url, workers=WORKERS).start()
    try:
        one_round(server, people)  # warm: every worker's first request, the spec caches
        results = [one_round(server, people) for _ in range(rounds)]
    finally:
        server.stop()
    print(f"{RACERS} simultaneous completions of one step, gunicorn {WORKERS} workers, "
          f"PostgreSQL, {rounds} rounds")
    for n, r in enumerate(results, 1):
        print(f"round {n:2d}: won {r['won']}, told 409 naming the winner {r['told']}, "
              f"other {r['other']}, slowest {r['slowest'] * 1000:.0f} ms, "
              f"median {r['median'] * 1000:.0f} ms, went on to its end: {r['ended']}")
    slowest = max(r["slowest"] for r in results)
    every = all(r["won"] == 1 and r["told"] == RACERS - 1 and r["ended"] for r in results)
    print(f"every round 1 won + {RACERS - 1} told + ended: {every}")
    print(f"slowest answer over all rounds: {slowest * 1000:.0f} ms (target: 200 ms)")


if __name__ == "__main__":
    main()
