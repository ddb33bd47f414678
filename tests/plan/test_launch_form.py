"""The coordinator's launch form: it offers a deadline that can still be met, a working day,
and refuses one that has passed, for one item or a whole year."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app import workflow
from app.calendar import is_working_day
from app.extensions import db
from app.plan.assignments import default_due_on
from app.plan.models import Assignment
from tests import factories
from tests.conftest import login, post_form

SHIPPED = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "task_assignment.bpmn"


@pytest.fixture
def coordinator(app, plan):
    workflow.add_version(SHIPPED.read_bytes(), SHIPPED.name, publish=True)
    factories.make_user("dieu.phoi", roles=["coordinator"], agency_code="STTTT")
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    return client


def _offered(page: str) -> str:
    box = re.search(r'<input[^>]*name="due_on"[^>]*>', page).group(0)
    return re.search(r'value="([^"]*)"', box).group(1)


@pytest.mark.parametrize("now, offered", [
    (datetime(2025, 6, 2, 1, 30), "28/11/2025"),  # 30/11/2025 is a Sunday: the Friday before
    (datetime(2025, 12, 3, 1, 30), "17/12/2025"),  # November has passed: ten working days on
    (datetime(2026, 11, 30, 1, 30), "14/12/2026"),  # on the day itself: not "today" either
], ids=["june", "december", "last-day"])
def test_the_deadline_offered_is_a_working_day_still_ahead(coordinator, clock, now, offered):
    clock.current = now

    page = coordinator.get("/plan/").get_data(as_text=True)

    assert _offered(page) == offered
    day = datetime.strptime(offered, "%d/%m/%Y").date()
    assert day > now.date() and is_working_day(day)
    assert default_due_on(now.year) == day


@pytest.mark.parametrize("where", ["item", "year"])
def test_a_deadline_in_the_past_is_refused_next_to_the_box(coordinator, items, clock, where):
    clock.current = datetime(2025, 12, 3, 1, 30)  # Wednesday 03/12/2025
    url = f"/plan/items/{items['3.7'].id}/launch" if where == "item" else "/plan/launch"

    response = post_form(coordinator, url, {"year": "2025", "due_on": "02/12/2025"})

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Thời hạn đã qua: hãy chọn hôm nay hoặc một ngày sau." in page
    assert 'value="02/12/2025"' in page
    assert db.session.scalar(select(db.func.count(Assignment.id))) == 0

    response = post_form(coordinator, url, {"year": "2025", "due_on": "03/12/2025"})
    assert response.status_code == 302
    due = {a.due_on for a in db.session.scalars(select(Assignment))}
    assert due == {date(2025, 12, 3)}
