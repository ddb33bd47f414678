"""The demo process and three clerks signed in at its agencies, for the step and start pages."""

from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import add_version, start_process
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import login

DEMO = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "demo_report.bpmn"


@pytest.fixture
def demo(agencies):
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    return start_process("demo_report", subject="Tuần lễ Thương hiệu quốc gia 2025")


@pytest.fixture
def clerks(app, agencies):
    people = {
        "sttt": factories.make_user("clerk.stttt", agency_code="STTTT", full_name="Trần Giao"),
        "svh": factories.make_user("clerk.svh", agency_code="SVHTTDL", full_name="Lê Làm"),
        "sct": factories.make_user("clerk.sct", agency_code="SCT", full_name="Phạm Phối"),
    }
    clients = {}
    for key, user in people.items():
        clients[key] = app.test_client()
        login(clients[key], user.username, factories.PASSWORD)
    return clients


def open_item(title):
    return db.session.scalar(select(WorkItem).where(WorkItem.title == title,
                                                    WorkItem.status == "open"))
