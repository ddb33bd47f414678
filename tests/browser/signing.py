"""Signing in through the page, as a person does."""

from tests import factories


def sign_in(page, username, password=factories.PASSWORD):
    page.goto("/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()  # scripts run, so the menu button works
