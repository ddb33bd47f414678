"""A trainee on a 390 px phone: signed in, they land on the classes open to them, open one
and register with a second tap; nothing on the way makes the page move sideways."""

import re

import pytest
from playwright.sync_api import expect

from app import workflow
from modules.training import courses
from tests import factories
from tests.browser.test_layout import _sign_in

pytestmark = pytest.mark.browser

WIDE = "document.documentElement.scrollWidth"


def _published_class(coordinator):
    from datetime import date, time

    course = courses.save_course(
        None, topic="Kỹ năng thông tin đối ngoại cho cán bộ cấp xã", audience="Cán bộ cấp xã",
        description=None, agency=coordinator.agency, plan_item_code="1.2", actor=coordinator)
    training_class = courses.save_class(
        None, course, code="TTDN-2025-07", venue="Hội trường Sở Thông tin và Truyền thông",
        online_link=None, lecturers=None, capacity=30, opens_on=date(2025, 6, 1),
        closes_on=date(2025, 6, 20), approval_needed=False, open_to_all=True, agencies=[],
        sessions=[courses.Session(date(2025, 6, 23), time(8), time(11, 30))],
        actor=coordinator)
    courses.publish(training_class)
    return training_class


def test_a_trainee_registers_in_two_taps_on_a_390_px_phone(browser, live_server, agencies):
    workflow.sync_folder()
    coordinator = factories.make_user("dieu.phoi", roles=["coordinator"], agency_code="STTTT")
    factories.make_user("hoc.vien", roles=["trainee"], agency_code="SCT",
                        full_name="Đặng Thị Học")
    _published_class(coordinator)
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    phone = context.new_page()
    _sign_in(phone, "hoc.vien")

    assert phone.url.endswith("/training/")  # their home is the training classes
    assert phone.evaluate(WIDE) <= 390
    phone.get_by_text("Kỹ năng thông tin đối ngoại cho cán bộ cấp xã").tap()  # tap one
    # Measured once the class page has loaded with its styles, not while it is arriving.
    phone.wait_for_url(re.compile(r"/training/classes/\d+$"))
    phone.wait_for_load_state("load")
    button = phone.get_by_role("button", name="Đăng ký")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] >= 44
    assert phone.evaluate(WIDE) <= 390
    button.tap()  # tap two
    expect(phone.get_by_text("Đã đăng ký: Đã xác nhận chỗ.")).to_be_visible()
    assert phone.evaluate(WIDE) <= 390
    context.close()
