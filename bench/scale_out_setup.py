"""bench/scale_out.py's setting: its process, a database migrated and seeded as production
does it, the clerks and approvers with their tokens, and the servers and timer workers it
starts."""

import subprocess
import sys
from pathlib import Path

from bench.scale_out_checks import KEY
from tests.e2e.real_server import ROOT, RealServer

FLASK = Path(sys.executable).with_name("flask")
PRODUCTION = {"APP_ENV": "production", "SECRET_KEY": "scale-out-bench-key",
              "SESSION_COOKIE_SECURE": "0", "PYTHONUNBUFFERED": "1"}


def diagram() -> str:
    from tests.workflow.diagrams import RESULT_FORM, flows, process

    body = (
        '<bpmn:startEvent id="start" />'
        f'<bpmn:userTask id="report" name="Báo cáo" camunda:formKey="report">{RESULT_FORM}'
        "</bpmn:userTask>"
        '<bpmn:intermediateCatchEvent id="settle" name="Chờ một giây">'
        "<bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration>"
        "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
        '<bpmn:userTask id="approve" name="Duyệt" camunda:formKey="approve" />'
        '<bpmn:endEvent id="end" />'
        + flows(("start", "report"), ("report", "settle"), ("settle", "approve"),
                ("approve", "end")))
    return process(KEY, body, name="Báo cáo, chờ, duyệt",
                   lanes={"SCT": ["report"], "SNV": ["approve"]})


def migrate_and_seed(env: dict) -> None:
    for command in (["db", "upgrade"], ["seed"]):
        done = subprocess.run([str(FLASK), "--app", "wsgi", *command], cwd=ROOT,  # noqa: S603
                              env=env, capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(f"flask {' '.join(command)} failed:\n{done.stderr}")


def people_and_process(url: str) -> dict:
    """Four SCT clerks and two SNV approvers with API tokens; the process published."""
    from app import create_app
    from app.api import tokens
    from app.config import TestingConfig
    from app.extensions import db
    from app.workflow import add_version
    from tests import factories

    app = create_app(TestingConfig(url))
    with app.app_context():
        add_version(diagram().encode(), f"{KEY}.bpmn", publish=True)
        clerks = [factories.make_user(f"canbo.sct{n}", agency_code="SCT",
                                      full_name=f"Cán bộ Sở Công Thương {n}") for n in range(4)]
        approvers = [factories.make_user(f"canbo.snv{n}", agency_code="SNV",
                                         full_name=f"Cán bộ Sở Nội vụ {n}") for n in range(2)]
        people = {"clerks": [tokens.create(u, "scale-out")[1] for u in clerks],
                  "approvers": [tokens.create(u, "scale-out")[1] for u in approvers]}
        db.session.remove()
        db.engine.dispose()
    return people


class Server(RealServer):
    """One of the two servers (2 workers each), in production's settings, its log kept in
    `log_dir` for the run's count of tracebacks."""

    def __init__(self, name: str, url: str, log_dir: Path):
        super().__init__(url, workers=2, log=log_dir / f"gunicorn-{name}.log")
        self.name = name
        self.env.update(PRODUCTION)


def start_worker(number: int, env: dict, log_dir: Path) -> tuple[subprocess.Popen, Path]:
    log = log_dir / f"worker-{number}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own flask command, fixed arguments
            [str(FLASK), "--app", "wsgi", "workflow", "worker", "--interval", "1"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return process, log
