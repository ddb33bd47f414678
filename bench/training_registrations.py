"""Registrations per second through the pages, against the real server, on PostgreSQL and on
SQLite.

gunicorn with 4 worker processes on a fresh, migrated database (the plan and the shipped
diagrams loaded as `flask seed` does). 120 officials sign in, each with their own browser
(cookies, CSRF token read from the class page), then 8 of them at a time press "Đăng ký"
(the class page's POST: the class's row lock, the registration, its enrollment process
started) until all have registered. Two rounds:

- one class: everyone registers for the same class of 30 seats (each request waits for the
  class's row lock: the contended case; 30 seats, then the waiting list);
- six classes: each person registers for one of six classes (20 each).

Prints, per database and round, registrations per second and the POST's p50 / p95 latency,
and checks every answer was 302 and the seats add up.

    .venv/bin/python bench/training_registrations.py [postgresql://postgres@127.0.0.1:5432/bench]
"""

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PEOPLE, CONCURRENT, WORKERS, SEATS = 120, 8, 4, 30
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/bench"


def prepare(url: str) -> dict:
    """The database: the plan and diagrams, an organiser, 7 open classes, 120 officials."""
    from flask_migrate import upgrade

    from app import create_app, workflow
    from app.config import TestingConfig
    from app.plan.seed import seed_plan
    from bench.databases import empty_postgres
    from tests import factories
    from tests.e2e.training_setup import open_class_today

    if url.startswith("postgres"):
        empty_postgres(url)
    app = create_app(TestingConfig(url))
    with app.app_context():  # the real clock: the server has no other
        upgrade()
        factories.seeded_agencies()
        seed_plan()
        workflow.sync_folder()
        organiser = factories.make_user("dieu.phoi", roles=("coordinator", "agency_staff"),
                                        agency_code="STTTT")
        one = open_class_today("BENCH-ONE", SEATS, organiser)
        six = [open_class_today(f"BENCH-SIX-{n}", SEATS, organiser) for n in range(6)]
        codes = ("SCT", "SNV", "STC", "SYT")
        people = [factories.make_user(f"bench.{n:03d}", roles=("trainee",),
                                      agency_code=codes[n % len(codes)]).username
                  for n in range(PEOPLE)]
        return {"one": one, "six": six, "people": people}


def register_all(server_url: str, browsers: list, class_of) -> dict:
    """Every browser registers for class_of(index); CONCURRENT at a time."""
    pages = [f"/training/classes/{class_of(n)}" for n in range(len(browsers))]
    tokens = [browser.csrf(page) for browser, page in zip(browsers, pages, strict=True)]
    queue, lock = list(range(len(browsers))), threading.Lock()
    answers: list = [None] * len(browsers)

    def work() -> None:
        while True:
            with lock:
                if not queue:
                    return
                index = queue.pop(0)
            began = time.perf_counter()
            status, _ = browsers[index].post(pages[index] + "/register", {}, tokens[index])
            answers[index] = (status, time.perf_counter() - began)

    threads = [threading.Thread(target=work) for _ in range(CONCURRENT)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies = sorted(a[1] for a in answers)
    return {"per_second": len(answers) / elapsed, "p50": statistics.median(latencies),
            "p95": latencies[int(0.95 * len(latencies)) - 1], "elapsed": elapsed,
            "not_302": sum(1 for a in answers if a[0] != 302)}


def seats_add_up(url: str, classes: list[int], expected_seats: int) -> bool:
    from sqlalchemy import func, select

    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db
    from modules.training.models import Registration

    with create_app(TestingConfig(url)).app_context():
        rows = db.session.execute(select(Registration.status, func.count()).where(
            Registration.class_id.in_(classes)).group_by(Registration.status)).all()
        counts = dict(rows)
        return (counts.get("confirmed", 0) == expected_seats
                and sum(counts.values()) == PEOPLE)


def measure(name: str, url: str) -> None:
    from tests import factories
    from tests.e2e.browser import Browser
    from tests.e2e.real_server import RealServer

    setup = prepare(url)
    server = RealServer(url, workers=WORKERS).start()
    try:
        browsers = [Browser(server.url).sign_in(user, factories.PASSWORD)
                    for user in setup["people"]]
        one = register_all(server.url, browsers, lambda n: setup["one"])
        six = register_all(server.url, browsers, lambda n: setup["six"][n % 6])
    finally:
        server.stop()
    one["ok"] = seats_add_up(url, [setup["one"]], SEATS)
    six["ok"] = seats_add_up(url, setup["six"], PEOPLE)
    for label, r in (("one class ", one), ("six classes", six)):
        print(f"{name:<10} {label}: {r['per_second']:6.1f} registrations/s, "
              f"p50 {r['p50'] * 1000:5.0f} ms, p95 {r['p95'] * 1000:5.0f} ms "
              f"({PEOPLE} in {r['elapsed']:.1f} s; answers other than 302: {r['not_302']}; "
              f"seats add up: {r['ok']})")


def main() -> None:
    pg = sys.argv[1] if len(sys.argv) > 1 else PG_DEFAULT
    folder = tempfile.mkdtemp(prefix="bench-training-")
    print(f"{PEOPLE} officials press 'Đăng ký', {CONCURRENT} at a time, gunicorn {WORKERS} "
          f"workers")
    measure("SQLite", f"sqlite:///{folder}/training.db")
    measure("PostgreSQL", pg)


if __name__ == "__main__":
    main()
