"""Starting the demo process from its page: who may (its candidate starter groups, an ended
starter's successor), and where the starter lands."""

from datetime import datetime

import pytest

from app.workflow import add_version
from tests import factories
from tests.conftest import login, post_form
from tests.tasks.conftest import DEMO, open_item


@pytest.fixture
def published_demo(agencies):
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)


def test_the_coordinating_agency_starts_the_demo_and_lands_on_its_first_step(published_demo,
                                                                             clerks):
    page = clerks["sttt"].get("/processes/new").get_data(as_text=True)
    assert "Giao và báo cáo nhiệm vụ (quy trình mẫu)" in page

    response = post_form(clerks["sttt"], "/processes/demo_report/start",
                         {"subject": "Lễ hội Điện Trường Bà"})

    item = open_item("Giao nhiệm vụ")
    assert response.headers["Location"] == f"/tasks/{item.id}"
    assert item.subject == "Lễ hội Điện Trường Bà"


def test_an_agency_outside_candidate_starter_groups_cannot_start_it(published_demo, clerks):
    assert "quy trình mẫu" not in clerks["sct"].get("/processes/new").get_data(as_text=True)

    post_form(clerks["sct"], "/processes/demo_report/start", {"subject": "x"})

    assert open_item("Giao nhiệm vụ") is None


def test_the_demo_is_started_by_whoever_holds_its_process_of_an_ended_starter(
        app, clock, province_today):
    """The diagram names Sở Thông tin và Truyền thông as its starter; since 01/3/2025 that
    process of its work is Sở Văn hóa, Thể thao và Du lịch's (its succession for
    `demo_report`), not Sở Khoa học và Công nghệ's, which holds the rest of its work: the
    coordinator at Sở VHTTDL starts it, a clerk at Sở KH&CN does not."""
    clock.current = datetime(2026, 3, 2, 1, 30)
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    svh = factories.make_user("dieu.svh", agency_code="SVHTTDL", roles=["coordinator",
                                                                         "agency_staff"])
    khcn = factories.make_user("clerk.khcn", agency_code="SKHCN")
    clients = {}
    for user in (svh, khcn):
        clients[user.username] = app.test_client()
        login(clients[user.username], user.username, factories.PASSWORD)

    assert "quy trình mẫu" in clients["dieu.svh"].get("/processes/new").get_data(as_text=True)
    assert "quy trình mẫu" not in clients["clerk.khcn"].get("/processes/new").get_data(
        as_text=True)
    response = post_form(clients["dieu.svh"], "/processes/demo_report/start",
                         {"subject": "Lễ hội Điện Trường Bà"})
    item = open_item("Giao nhiệm vụ")
    assert response.headers["Location"] == f"/tasks/{item.id}"
    assert item.agency.code == "SVHTTDL"
