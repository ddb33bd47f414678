"""What a person sees in a real browser: language, sign-in, the phone layout, the keyboard."""

import pytest

from app.extensions import db
from tests import factories
from tests.browser.signing import sign_in as _sign_in

pytestmark = pytest.mark.browser


def test_sign_in_page_is_vietnamese_and_loads_only_local_assets(page, agencies):
    factories.make_user("clerk.sct", full_name="Phạm Thị Huyền")

    _sign_in(page, "clerk.sct")

    assert page.locator("h1").inner_text() == "Xin chào, Phạm Thị Huyền"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.console_errors == []  # a CSP violation or a missing file would show here
    assert page.foreign_requests == []


def test_wrong_password_shows_the_reason_and_keeps_the_user_name(page, agencies):
    page.goto("/login")
    page.get_by_label("Tên đăng nhập").fill("clerk.sct")
    page.get_by_label("Mật khẩu").fill("wrong")
    page.get_by_role("button", name="Đăng nhập").click()

    assert page.get_by_role("alert").inner_text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert page.get_by_label("Tên đăng nhập").input_value() == "clerk.sct"


def test_on_a_phone_the_menu_folds_and_opens(phone, agencies):
    factories.make_user("admin.test", roles=["admin"])
    _sign_in(phone, "admin.test")
    people_link = phone.locator("#main-nav").get_by_role("link", name="Người dùng", exact=True)
    assert not people_link.is_visible()

    phone.get_by_role("button", name="Mở menu").click()
    phone.locator("#main-nav.collapse.show").wait_for()  # unfolded, its animation over
    phone.get_by_role("button", name="Quản trị").click()

    people_link.wait_for(state="visible")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # nothing forces sideways scrolling


def test_keyboard_users_can_skip_to_content_and_see_focus(page):
    page.goto("/login")

    page.keyboard.press("Tab")

    focused = page.evaluate("document.activeElement.textContent.trim()")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused == "Chuyển đến nội dung chính"
    assert outline != "none"


def test_switching_to_english_sticks(page, agencies):
    factories.make_user("clerk.sct")
    _sign_in(page, "clerk.sct")

    page.get_by_role("button", name="English").click()
    page.goto("/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("button", name="Sign out").is_visible()


def test_deactivating_an_agency_asks_first(page, agencies):
    factories.make_user("admin.test", roles=["admin"])
    _sign_in(page, "admin.test")
    page.goto("/admin/agencies?q=BAO_QN")
    row = page.get_by_role("row").filter(has_text="Báo Quảng Ngãi")

    page.once("dialog", lambda dialog: dialog.dismiss())
    row.get_by_role("button", name="Ngừng hoạt động").click()
    page.wait_for_load_state("networkidle")
    db.session.refresh(agencies["BAO_QN"])
    assert agencies["BAO_QN"].active

    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Ngừng hoạt động").click()
    page.wait_for_url("**/admin/agencies?status=all")
    db.session.refresh(agencies["BAO_QN"])
    assert not agencies["BAO_QN"].active


def test_an_error_page_leads_back_to_the_page_before(page, agencies):
    page.goto("/login")
    page.goto("/khong-co-trang-nay")

    page.get_by_role("button", name="Quay lại trang trước").click()

    page.wait_for_url("**/login")
    assert page.get_by_label("Tên đăng nhập").is_visible()
