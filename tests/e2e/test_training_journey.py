"""A training enrollment walked against the real server (gunicorn, several worker processes,
on the tests' database), restarted between the lead's approval and the class: each person
in their own browser (cookies, CSRF token), every step a request that may land on any
worker, and after the restart on processes that never saw the enrollment.

The server runs on the real clock, which the test cannot move: the class is open today and
meets tomorrow; for it to have taken place, the test moves its session to yesterday (what
time would do), then the organiser takes attendance and closes the class, the timer worker
runs its tick as a separate process (`flask workflow tick`, as production's worker does),
and the trainee finds the result and the certificate, which anyone checks signed out."""

import re
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.clock import today
from app.extensions import db
from modules.training.models import ClassSession, Registration
from tests import factories
from tests.e2e.browser import Browser
from tests.e2e.real_server import GUNICORN, ROOT, RealServer
from tests.e2e.training_setup import open_class_today
from tests.journeys.conftest import shipped  # noqa: F401 - the plan and diagrams, as seeded
from tests.journeys.walk import main_text, text_of

FLASK = GUNICORN.with_name("flask")
TRAINEE, LEAD = "Đặng Thị Ngọc Hường", "Lê Văn Lãnh"
NUMBER = re.compile(r"Tải giấy chứng nhận số (GCN-\d{4}-\d{4}-[A-Z0-9]{6}) \(PDF\)")


@pytest.fixture
def people_and_class(shipped, clock):  # noqa: F811 - the fixture imported above
    clock.current = datetime.now(UTC).replace(tzinfo=None)  # the server's clock
    organiser = factories.make_user("dieu.phoi", roles=("coordinator", "agency_staff"),
                                    agency_code="STTTT", full_name="Trần Thị Điều")
    factories.make_user("hv.huong", roles=("agency_staff",), agency_code="SCT",
                        full_name=TRAINEE)
    factories.make_user("lanh.dao", roles=("agency_lead",), agency_code="SCT", full_name=LEAD)
    class_id = open_class_today("TTDN-E2E-02", 30, organiser, days_ahead=1,
                                approval_needed=True)
    db.session.commit()
    return class_id


@pytest.fixture
def server(database_url, people_and_class):
    running = RealServer(database_url, workers=3).start()
    yield running
    running.stop()


def _the_class_took_place(class_id: int) -> None:
    """Time passes: the session of tomorrow is moved to yesterday, 08:00-11:30."""
    session = db.session.scalar(select(ClassSession).where(ClassSession.class_id == class_id))
    session.day = today() - timedelta(days=1)
    db.session.commit()


def _worker_tick(server: RealServer) -> None:
    done = subprocess.run(  # noqa: S603 - our own flask command, fixed arguments
        [str(FLASK), "--app", "wsgi", "workflow", "tick"], cwd=ROOT, env=server.env,
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_register_approve_restart_attend_close_and_the_certificate_checks_signed_out(
        people_and_class, server):
    class_id = people_and_class
    class_page = f"/training/classes/{class_id}"
    trainee = Browser(server.url).sign_in("hv.huong", factories.PASSWORD)
    lead = Browser(server.url).sign_in("lanh.dao", factories.PASSWORD)

    # The trainee registers: the class needs her lead's approval.
    landed = main_text(trainee.follow(trainee.submit(class_page, class_page + "/register", {})))
    assert "Chờ lãnh đạo cơ quan duyệt" in landed

    # The lead finds it on the agency's training page and approves it in the step's page.
    status, agency = lead.get("/training/agency")
    step = re.search(r'href="(/tasks/\d+)">TTDN-E2E-02 · ' + TRAINEE, agency)[1]
    lead.follow(lead.submit(step, step, {"field_decision": "approve"}))

    server.restart()  # the enrollment was made by processes that are gone now

    status, mine = trainee.get("/training/my")
    assert status == 200
    assert f"Đã xác nhận chỗ {LEAD} đã duyệt" in main_text(mine)

    _the_class_took_place(class_id)
    organiser = Browser(server.url).sign_in("dieu.phoi", factories.PASSWORD)
    attendance = f"{class_page}/attendance"
    status, page = organiser.get(attendance)
    tick = re.search(r'href="(/training/classes/\d+/sessions/\d+/attendance)"', page)[1]
    status, tick_page = organiser.get(tick)
    registration = re.search(r'name="present" value="(\d+)"', tick_page)[1]
    landed = main_text(organiser.follow(organiser.submit(tick, tick, {"present": registration})))
    assert "1/1" in landed  # present at the one session
    landed = main_text(organiser.follow(organiser.submit(attendance, f"{attendance}/rule", {
        "min_percent": "80", "signer_authority": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        "signer_name": "Nguyễn Văn Ký", "close": "1"})))
    assert "1 học viên hoàn thành" in landed
    landed = main_text(organiser.follow(organiser.submit(attendance, f"{class_page}/close", {})))
    assert "Đã kết thúc lớp TTDN-E2E-02." in landed

    _worker_tick(server)  # an enrollment still at its reminder catches up, as in production

    status, mine = trainee.get("/training/my")
    text = main_text(mine)
    assert "Kết quả: Hoàn thành · có mặt 1/1 buổi" in text, text
    number = NUMBER.search(text)[1]
    link = re.search(r'href="(/training/certificates/\d+\.pdf)"', mine)[1]
    status, kind, pdf = trainee.download(link)
    assert (status, kind) == (200, "application/pdf") and pdf.startswith(b"%PDF")

    stranger = Browser(server.url)  # nobody signed in: the QR code printed on the paper
    status, checked = stranger.get(f"/gcn/{number}")
    assert status == 200
    shown = dict((text_of(k), text_of(v)) for k, v in re.findall(
        r"<dt[^>]*>(.*?)</dt><dd[^>]*>(.*?)</dd>", checked, re.S))
    assert shown["Cấp cho"] == TRAINEE and shown["Số giấy chứng nhận"] == number

    db.session.expire_all()
    row = db.session.scalar(select(Registration).where(Registration.class_id == class_id))
    assert (row.status, row.result, row.decided_by.username) == (
        "confirmed", "completed", "lanh.dao")
