"""How much the application adds to SpiffWorkflow.

One run: start an instance of a two-user-task process and complete both tasks, through the
JSON API (Flask test client, a fresh database: SQLite, or the PostgreSQL database named, made
and dropped by the run). The same process run by bare SpiffWorkflow, with a serialize +
deserialize around each step as any persistent engine must do. Prints both medians and,
last, `ratio app/engine: X` (target: X <= 5). In-process, without HTTP: on PostgreSQL it
shows what the database's round trips cost apart from the server's.

    .venv/bin/python bench/engine.py [runs] [postgresql://.../bench_engine]

With --server, through a real server instead: gunicorn with one worker, HTTP, on SQLite and
on PostgreSQL (a database of its own, bench_engine, made and dropped by the run), beside the
bare engine in the same run; prints the medians, the ratio for each database, the SQL
statements each operation sends, and what a SELECT 1 cost meanwhile: on PostgreSQL a round
trip, the machine's share of the ratio (bench/engine_server.py).

    .venv/bin/python bench/engine.py --server [runs] [postgresql://.../bench_engine]
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from SpiffWorkflow.bpmn import BpmnWorkflow  # noqa: E402
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer  # noqa: E402
from SpiffWorkflow.camunda.parser import CamundaParser  # noqa: E402
from SpiffWorkflow.camunda.serializer.config import CAMUNDA_CONFIG  # noqa: E402
from SpiffWorkflow.util.task import TaskState  # noqa: E402

from tests.workflow.diagrams import two_steps  # noqa: E402

DIAGRAM = two_steps()


def bare_engine_run(spec, serializer) -> float:
    started = time.perf_counter()
    workflow = BpmnWorkflow(spec)
    workflow.do_engine_steps()
    workflow = serializer.deserialize_json(serializer.serialize_json(workflow))
    for values in ({"result": "Đã hoàn thành"}, {}):
        [task] = workflow.get_tasks(state=TaskState.READY, manual=True)
        task.data.update(values)
        task.run()
        workflow.do_engine_steps()
        workflow = serializer.deserialize_json(serializer.serialize_json(workflow))
    assert workflow.is_completed()
    return time.perf_counter() - started


def bare_engine():
    """A run of the bare engine, ready to call."""
    from lxml import etree

    parser = CamundaParser()
    parser.add_bpmn_xml(etree.fromstring(DIAGRAM.encode()), "bench.bpmn")
    spec = parser.get_spec("two_steps")
    serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(CAMUNDA_CONFIG))
    return lambda: bare_engine_run(spec, serializer)


def app_run(client, tokens) -> float:
    started = time.perf_counter()
    response = client.post("/api/v1/instances", json={"process": "two_steps"},
                           headers=tokens["sct"])
    step = response.get_json()["open_steps"][0]["id"]
    response = client.post(f"/api/v1/work-items/{step}/complete",
                           json={"values": {"result": "Đã hoàn thành"}}, headers=tokens["sct"])
    step = response.get_json()["open_steps"][0]["id"]
    response = client.post(f"/api/v1/work-items/{step}/complete", json={"values": {}},
                           headers=tokens["snv"])
    assert response.get_json()["status"] == "completed", response.get_json()
    return time.perf_counter() - started


def application(url: str):
    """A run of the application on the database at `url`, ready to call."""
    from app import create_app
    from app.config import TestingConfig
    from bench.engine_server import prepare

    tokens = {key: {"Authorization": f"Bearer {token}"}
              for key, token in prepare(url, DIAGRAM).items()}
    client = create_app(TestingConfig(url)).test_client()
    app_run(client, tokens)  # warm: the spec cache, the first connection
    return lambda: app_run(client, tokens)


PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/bench_engine"


def main() -> None:
    if "--server" in sys.argv:
        from bench import engine_server

        args = [arg for arg in sys.argv[1:] if arg != "--server"]
        runs = int(args[0]) if args else 100
        engine_server.main(runs, bare_engine(), DIAGRAM, args[1] if len(args) > 1 else PG_DEFAULT)
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    if len(sys.argv) > 2:
        measure_in_process(runs, sys.argv[2])
        return
    with tempfile.TemporaryDirectory(prefix="bench-engine-") as folder:
        measure_in_process(runs, f"sqlite:///{folder}/bench.db")


def measure_in_process(runs: int, url: str) -> None:
    from bench.databases import drop_postgres, empty_postgres

    postgres = url.startswith("postgresql")
    if postgres:
        empty_postgres(url)
    try:
        run_engine, run_app = bare_engine(), application(url)
        # Interleaved, so that both feel the same machine: a slow minute slows both.
        timings = [(run_engine(), run_app()) for _ in range(runs)]
    finally:
        if postgres:
            drop_postgres(url)
    engine = statistics.median(engine for engine, _ in timings)
    app = statistics.median(app for _, app in timings)
    print(f"runs: {runs}")
    print(f"bare SpiffWorkflow, serialize+deserialize per step, median: {engine * 1000:.2f} ms")
    label = "PostgreSQL" if postgres else "SQLite"
    print(f"application through the JSON API on {label}, median: {app * 1000:.2f} ms")
    print(f"ratio app/engine: {app / engine:.2f}")


if __name__ == "__main__":
    main()
