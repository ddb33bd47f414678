"""bench/engine.py --server: the application as production runs it, gunicorn with one worker
answering the JSON API over HTTP, on SQLite and on PostgreSQL, beside bare SpiffWorkflow
(a serialize + deserialize per step) in the same run."""

import statistics
import tempfile
import time

from sqlalchemy import create_engine, text

from app.config import normalise_database_url
from bench.databases import drop_postgres, empty_postgres
from tests.e2e.real_server import RealServer
from tests.statements import counted

OPERATIONS = ("start", "complete", "complete last", "list")


def prepare(url: str, diagram: str) -> dict[str, str]:
    """A migrated database with the agencies, two clerks and the process; their tokens."""
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
        add_version(diagram, "two_steps.bpmn", publish=True)
        db.session.remove()
        db.engine.dispose()
    return tokens


def http_run(server: RealServer, tokens: dict[str, str]) -> float:
    """One instance through the API: start, complete both steps."""
    started = time.perf_counter()
    status, body = server.call("POST", "/api/v1/instances", tokens["sct"],
                               {"process": "two_steps"})
    assert status == 201, body
    status, body = server.call("POST", f"/api/v1/work-items/{body['open_steps'][0]['id']}"
                               "/complete", tokens["sct"], {"values": {"result": "Đã xong"}})
    assert status == 200, body
    status, body = server.call("POST", f"/api/v1/work-items/{body['open_steps'][0]['id']}"
                               "/complete", tokens["snv"], {"values": {}})
    assert status == 200 and body["status"] == "completed", body
    return time.perf_counter() - started


def statements_per_operation(url: str, tokens: dict[str, str], rounds: int = 5) -> dict:
    """The SQL statements each operation sends, counted in-process on the same database
    through the same code (the server's own count is the same; BEGIN/COMMIT not counted)."""
    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db

    app = create_app(TestingConfig(url))
    client = app.test_client()
    found = {name: [] for name in OPERATIONS}

    def call(name, method, path, who, body=None):
        with app.app_context():
            with counted(db.engine) as sent:
                response = client.open(path, method=method, json=body,
                                       headers={"Authorization": f"Bearer {tokens[who]}"})
            found[name].append(len(sent))
        return response.get_json()

    for _ in range(rounds + 1):  # the first warms the spec cache
        body = call("start", "POST", "/api/v1/instances", "sct", {"process": "two_steps"})
        body = call("complete", "POST", f"/api/v1/work-items/{body['open_steps'][0]['id']}"
                    "/complete", "sct", {"values": {"result": "Đã xong"}})
        call("list", "GET", "/api/v1/work-items", "snv")
        call("complete last", "POST", f"/api/v1/work-items/{body['open_steps'][0]['id']}"
             "/complete", "snv", {"values": {}})
    with app.app_context():
        db.engine.dispose()
    return {name: statistics.median(counts[1:]) for name, counts in found.items()}


def select_one(connection) -> float:
    """One `SELECT 1` between two runs: the least a statement costs right now. On PostgreSQL
    that is a round trip, which a busy virtual machine makes several times slower within
    minutes; the ratios are read beside it."""
    started = time.perf_counter()
    connection.execute(text("SELECT 1")).scalar()
    return time.perf_counter() - started


def measure(label: str, url: str, runs: int, run_engine, diagram: str) -> dict:
    tokens = prepare(url, diagram)
    server = RealServer(url, workers=1).start()
    probe = create_engine(normalise_database_url(url))
    try:
        http_run(server, tokens)  # warm: the worker parses the diagram once
        with probe.connect() as connection:
            timings = [(run_engine(), http_run(server, tokens), select_one(connection))
                       for _ in range(runs)]
    finally:
        server.stop()
        probe.dispose()
    engine, app, least = (statistics.median(column) for column in zip(*timings, strict=True))
    return {"label": label, "engine": engine, "app": app, "select_one": least,
            "statements": statements_per_operation(url, tokens)}


def main(runs: int, run_engine, diagram: str, postgres_url: str) -> None:
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-engine-") as folder:
        results.append(measure("SQLite", f"sqlite:///{folder}/bench.db", runs, run_engine,
                               diagram))
    empty_postgres(postgres_url)
    try:
        results.append(measure("PostgreSQL", postgres_url, runs, run_engine, diagram))
    finally:
        drop_postgres(postgres_url)
    print(f"runs: {runs}, one two-step instance each (start, complete, complete), over HTTP "
          "to gunicorn with one worker")
    for found in results:
        per_op = ", ".join(f"{name} {count:g}" for name, count in found["statements"].items())
        print(f"{found['label']:<10} bare SpiffWorkflow median {found['engine'] * 1000:.2f} ms; "
              f"application median {found['app'] * 1000:.2f} ms; "
              f"ratio app/engine: {found['app'] / found['engine']:.2f}")
        print(f"{'':<10} statements per operation: {per_op}; "
              f"SELECT 1 median {found['select_one'] * 1000:.3f} ms")
