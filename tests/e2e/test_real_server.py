"""A process walked against the real server: gunicorn with two worker processes on the
tests' database, restarted in the middle. Each step may land on either worker, each with
its own spec cache, and after the restart on processes that never saw the instance."""

from pathlib import Path

import pytest
from sqlalchemy import select

from app.api import tokens
from app.extensions import db
from app.workflow import add_version
from app.workflow.models import ProcessInstance
from tests import factories
from tests.e2e.real_server import RealServer

DEMO = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "demo_report.bpmn"


@pytest.fixture
def server(database_url, agencies):
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    running = RealServer(database_url, workers=2)
    db.session.commit()
    yield running.start()
    running.stop()


def _token(username, agency_code, roles=("agency_staff",)):
    user = factories.make_user(username, roles=roles, agency_code=agency_code)
    return tokens.create(user, "e2e")[1]


def _only_step(server, token):
    status, body = server.call("GET", "/api/v1/work-items", token)
    assert status == 200 and body["total"] == 1, body
    return body["items"][0]


def test_cooperating_agencies_answer_after_a_restart_and_the_review_opens(server):
    coordinator = _token("dieuphoi.e2e", "STTTT", roles=("coordinator", "agency_staff"))
    lead = _token("lanhdao.e2e", "SVHTTDL")
    answering = {"SCT": _token("sct.e2e", "SCT"), "SNV": _token("snv.e2e", "SNV")}

    status, started = server.call("POST", "/api/v1/instances", coordinator, {
        "process": "demo_report", "subject": "Hội chợ OCOP 2026"})
    assert status == 201, started
    [assign] = started["open_steps"]
    status, _ = server.call("POST", f"/api/v1/work-items/{assign['id']}/complete", coordinator, {
        "values": {"noi_dung": "Tổ chức hội chợ OCOP", "loai": "thuong_xuyen", "khan": False,
                   "can_phoi_hop": True}})
    assert status == 200
    implement = _only_step(server, lead)
    status, body = server.call("POST", f"/api/v1/work-items/{implement['id']}/complete", lead,
                               {"values": {"ket_qua": "Đã tổ chức 3 gian hàng"}})
    assert status == 200 and {s["agency"] for s in body["open_steps"]} >= {"SCT", "SNV"}, body

    server.restart()  # the children were made by processes that are gone now

    for code, token in answering.items():
        step = _only_step(server, token)
        status, body = server.call("POST", f"/api/v1/work-items/{step['id']}/complete", token,
                                   {"values": {"y_kien": f"{code} thống nhất"}})
        assert status == 200, body
    review = _only_step(server, coordinator)
    assert review["title"] == "Xem xét, chấp nhận"
    status, body = server.call("POST", f"/api/v1/work-items/{review['id']}/complete",
                               coordinator, {"values": {"ket_luan": "chap_nhan"}})
    assert (status, body["status"]) == (200, "completed"), body

    db.session.expire_all()
    instance = db.session.scalar(select(ProcessInstance))
    assert (instance.status, instance.error_message) == ("completed", None)
