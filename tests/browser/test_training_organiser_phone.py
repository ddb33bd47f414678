"""The organiser's training pages on a 390 px phone, as found walking them: a session's day
and times each readable in full (the day was cut to "dd/mm/yy", the times to "11:"), and the
reason for cancelling a registration typed in a field of usable width (it was squeezed to a
few pixels inside the table's cell); the page never moves sideways."""

import re

import pytest
from playwright.sync_api import expect

from app import workflow
from app.extensions import db
from modules.training import enrollment
from tests import factories
from tests.browser.test_layout import _sign_in
from tests.browser.test_training_phone import WIDE, _published_class

pytestmark = pytest.mark.browser


@pytest.fixture
def organiser_phone(browser, live_server, agencies):
    workflow.sync_folder()
    coordinator = factories.make_user("dieu.phoi", roles=["coordinator", "agency_staff"],
                                      agency_code="STTTT")
    training_class = _published_class(coordinator)
    trainee = factories.make_user("hoc.vien", roles=["trainee"], agency_code="SCT",
                                  full_name="Đặng Thị Học")
    enrollment.register(training_class.id, trainee)
    db.session.commit()
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    phone = context.new_page()
    _sign_in(phone, "dieu.phoi")
    yield phone, training_class
    context.close()


def _width(locator) -> float:
    return locator.bounding_box()["width"]


def test_a_session_row_shows_its_day_and_times_whole(organiser_phone):
    phone, training_class = organiser_phone
    phone.goto(f"/training/courses/{training_class.course_id}/classes/new")
    phone.wait_for_load_state("load")
    day, starts, ends = (phone.locator(f"input[name='sessions-0-{name}']")
                         for name in ("day", "starts_at", "ends_at"))
    assert _width(day) >= 200  # "dd/mm/yyyy" and room to spare
    assert _width(starts) >= 140 and _width(ends) >= 140
    assert phone.evaluate(WIDE) <= 390


def test_the_reason_for_cancelling_a_registration_has_room_to_be_typed(organiser_phone):
    phone, training_class = organiser_phone
    phone.goto(f"/training/classes/{training_class.id}/registrations")
    phone.wait_for_load_state("load")
    phone.get_by_text("Hủy đăng ký", exact=True).first.tap()
    reason = phone.get_by_label("Lý do").first
    expect(reason).to_be_visible()
    assert _width(reason) >= 180
    reason.fill("Không đúng đối tượng của lớp")
    phone.get_by_role("button", name="Hủy đăng ký của Đặng Thị Học").tap()
    phone.wait_for_url(re.compile(r"/registrations$"))
    expect(phone.locator(".roster-row")).to_contain_text("Không đúng đối tượng của lớp")
    assert phone.evaluate(WIDE) <= 390
