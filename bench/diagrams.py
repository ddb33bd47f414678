"""What the diagrams cost: the bytes a browser fetches (the viewer only when someone presses
"Xem sơ đồ", the editor only on the admin's editor page), and the time the server takes to
answer a case's diagram (the violation process, the largest shipped diagram, a case at its
decision step), as the inspector (stripped of scripts) and as the admin, on SQLite and
PostgreSQL. Prints sizes in kB and p50 / p95 in milliseconds.

    .venv/bin/python bench/diagrams.py [postgresql://postgres@127.0.0.1:5432/test_bpmnui]
"""

import gzip
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROUNDS = 40
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test_bpmnui"
ASSETS = {
    "viewer (on 'Xem sơ đồ')": ["vendor/bpmn/viewer.js", "js/bpmn-i18n.js",
                                "vendor/bpmn/css/diagram-js.css", "vendor/bpmn/css/bpmn-js.css",
                                "css/bpmn.css"],
    "the button on every step page": ["js/bpmn-viewer.js"],
    "editor (admins only)": ["vendor/bpmn/modeler.js", "js/bpmn-i18n.js", "js/bpmn-editor.js",
                             "vendor/bpmn/css/diagram-js.css", "vendor/bpmn/css/bpmn-js.css",
                             "vendor/bpmn/css/properties-panel.css",
                             "vendor/bpmn/css/bpmn-js-bpmnlint.css",
                             "vendor/bpmn/bpmn-font/css/bpmn.css",
                             "vendor/bpmn/bpmn-font/font/bpmn.woff2", "css/bpmn.css"],
}


def sizes() -> None:
    print("\nbytes fetched (kB raw / gzip)")
    for label, files in ASSETS.items():
        data = [(ROOT / "app" / "static" / name).read_bytes() for name in files]
        raw = sum(len(d) for d in data) / 1024
        packed = sum(len(gzip.compress(d)) for d in data) / 1024
        print(f"  {label:<32} {raw:8.1f} {packed:8.1f}")


def run(url: str) -> None:
    from flask_migrate import upgrade

    from app import create_app
    from app.clock import FrozenClock
    from app.config import TestingConfig
    from bench.databases import empty_postgres
    from tests import factories
    from tests.conftest import login

    if url.startswith("postgres"):
        empty_postgres(url)
    app = create_app(TestingConfig(url))
    clock = FrozenClock(datetime(2026, 3, 2, 2, 0))
    app.config["CLOCK"] = clock
    with app.app_context():
        upgrade()
        factories.seeded_agencies()
        step = factories.case_awaiting_decision(clock)
        factories.make_user("bench.admin", roles=["admin"])
        diagram = f"/cases/{step.instance_id}/diagram.json?step={step.id}"
        print(f"\n{url.split('://')[0]}: the case diagram, {ROUNDS} requests (ms p50 / p95)")
        for username in ("thanh.tra", "dieu.phoi", "bench.admin"):
            client = app.test_client()
            login(client, username, factories.PASSWORD)
            spent = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                response = client.get(diagram)
                spent.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (username, response.status_code)
            spent.sort()
            kb = len(response.data) / 1024
            print(f"  {username:<12} {statistics.median(spent):7.1f} "
                  f"{spent[int(len(spent) * 0.95) - 1]:7.1f}   ({kb:.0f} kB)")


if __name__ == "__main__":
    sizes()
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/bench.db")
    run(sys.argv[1] if len(sys.argv) > 1 else PG_DEFAULT)
