"""Seats are never oversold, shown against the real server as production runs it: gunicorn
with 4 worker processes on PostgreSQL. 50 officials, each signed in with their own browser
(cookies, CSRF token), press "Đăng ký" for the last seat of a class at the same moment; the
class's row lock (modules/training/seats.py) serves them one after another whichever worker
takes each request. One gets the seat, 49 get places 1..49 on the waiting list.

The server runs on the real clock, so the test's clock is set to the real time too and the
class is open for registration today, in Quảng Ngãi's time."""

import re
import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.extensions import db
from modules.training import enrollment
from modules.training.models import Registration
from tests import factories
from tests.e2e.browser import Browser
from tests.e2e.real_server import RealServer
from tests.e2e.training_setup import open_class_today
from tests.journeys.conftest import shipped  # noqa: F401 - the plan and diagrams, as seeded

RACERS, WORKERS = 50, 4
PLACE = re.compile(r"thứ tự (\d+) trong danh sách chờ")
STATUS = re.compile(r'<span class="registration-status">([^<]*)</span>')


@pytest.fixture
def postgres(database_url):
    if not database_url.startswith("postgres"):
        pytest.skip("PostgreSQL only: SQLite lets one writer in at a time and has no row "
                    "locks, and gunicorn's 4 worker processes sharing one SQLite file is not "
                    "how the app is deployed; tests/training/test_seat_race.py shows the "
                    "last seat on SQLite within one process")
    return database_url


@pytest.fixture
def last_seat(postgres, shipped, clock):  # noqa: F811 - the fixture imported above
    """A class of 2 seats, one taken: (its id, the 50 racers' usernames)."""
    clock.current = datetime.now(UTC).replace(tzinfo=None)  # the server's clock
    organiser = factories.make_user("dieu.phoi", roles=("coordinator", "agency_staff"),
                                    agency_code="STTTT")
    class_id = open_class_today("TTDN-E2E-01", 2, organiser)
    first = factories.make_user("hv.dau", roles=("trainee",), agency_code="SCT")
    enrollment.register(class_id, first)
    racers = [factories.make_user(f"hv.{n:02d}", roles=("trainee",), agency_code="SNV",
                                  full_name=f"Học Viên {n:02d}").username
              for n in range(RACERS)]
    db.session.commit()
    return class_id, racers


@pytest.fixture
def server(postgres):
    running = RealServer(postgres, workers=WORKERS).start()
    yield running
    running.stop()


def test_fifty_people_pressing_register_for_the_last_seat_get_one_seat_and_49_places(
        last_seat, server):
    class_id, racers = last_seat
    page = f"/training/classes/{class_id}"
    browsers = [Browser(server.url).sign_in(name, factories.PASSWORD) for name in racers]
    tokens = [browser.csrf(page) for browser in browsers]
    start, answers = threading.Barrier(RACERS), [None] * RACERS

    def press(index: int) -> None:
        start.wait()
        answers[index] = browsers[index].post(page + "/register", {}, tokens[index])[0]

    threads = [threading.Thread(target=press, args=(n,)) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert answers == [302] * RACERS  # everyone registered: no 500, no refusal

    seen = []  # what each racer's class page says of their registration, fresh from the DB
    for browser in browsers:
        status, body = browser.get(page)
        assert status == 200
        place = PLACE.search(body)
        status = STATUS.search(body)[1]
        seen.append(int(place[1]) if place else "seat" if status == "Đã xác nhận chỗ" else status)
    assert seen.count("seat") == 1
    assert sorted(p for p in seen if p != "seat") == list(range(1, RACERS))  # no gap, no twin

    db.session.expire_all()
    rows = db.session.scalars(select(Registration).where(Registration.class_id == class_id)
                              .order_by(Registration.queue_no)).all()
    assert [row.status for row in rows].count("confirmed") == 2  # the first one and one racer
    assert [row.queue_no for row in rows] == list(range(1, RACERS + 2))
