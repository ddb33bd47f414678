"""The plan's pages in a real browser: the dashboard and the reports on a phone, with the
demo year in place; the CSP lets their bar charts draw without a console error."""

from datetime import datetime
from pathlib import Path

import pytest

from app import workflow
from app.auth.reorg_seed import seed_reorganisation
from app.auth.seed import DEMO_PASSWORD, seed_demo_users
from app.plan.demo import seed_demo_year
from app.plan.seed import seed_plan
from tests import signatures
from tests.browser.signing import sign_in
from tests.browser.test_widths import TOPS

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_year(agencies, clock):
    clock.current = datetime(2025, 11, 27, 3, 0)
    seed_reorganisation()
    seed_plan()
    workflow.sync_folder()
    seed_demo_users()
    seed_demo_year()


def _sign_in(page, username):
    sign_in(page, username, DEMO_PASSWORD)


def test_the_dashboard_on_a_phone(phone, demo_year):
    _sign_in(phone, "dieuphoi")
    phone.goto("/plan/dashboard?year=2025")

    assert phone.locator("h1").inner_text() == "Tiến độ thực hiện Kế hoạch 116/KH-UBND năm 2025"
    bars = phone.locator(".progress-stacked")
    assert bars.count() == 3  # one per lead agency with an assignment (5.4: Sở VHTTDL now)
    widths = bars.first.locator(".progress").evaluate_all(
        "nodes => nodes.map(n => n.getBoundingClientRect().width)")
    assert all(width > 0 for width in widths)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert phone.console_errors == [] and phone.foreign_requests == []


def test_the_coordinator_signs_off_the_annual_report(page, demo_year):
    _sign_in(page, "dieuphoi")
    page.goto("/plan/reports")
    page.get_by_role("link", name="Báo cáo kết quả thực hiện Kế hoạch 116/KH-UBND năm 2025").click()
    page.get_by_label("Số văn bản").fill("125/BC-SVHTTDL")
    page.get_by_label("III.1. Ưu điểm").fill("Các cơ quan triển khai nghiêm túc.")
    page.get_by_label("Người ký").fill("Nguyễn Văn Bình")
    page.get_by_role("button", name="Ký duyệt và xuất bản PDF").click()
    # The page says first who has not reported and that their deadline is still to come.
    warning = page.get_by_role("alert").filter(has_text="Trước khi ký ban hành")
    assert "Chưa hết hạn gửi báo cáo" in warning.inner_text()
    assert page.get_by_label("Người ký").input_value() == "Nguyễn Văn Bình"  # kept
    # Signing off renders the whole year's report: allow a loaded machine more than the
    # default 30 s before the next page.
    page.get_by_role("button", name="Xác nhận và ký ban hành").click(timeout=90_000)

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải bản PDF dự thảo").click()
    assert download.value.suggested_filename == "bao-cao-ke-hoach-116-nam-2025-du-thao.pdf"

    # Signed outside the system, then uploaded: the page shows who signed it.
    root = signatures.authority()
    signed = signatures.sign(Path(download.value.path()).read_bytes(),
                             signatures.signer(root, "Nguyễn Văn Bình", "Sở Văn hóa"))
    page.get_by_label("Báo cáo đã ký số (tệp PDF)").set_input_files(
        {"name": "bao-cao-ky-so.pdf", "mimeType": "application/pdf", "buffer": signed})
    page.get_by_role("button", name="Tải lên và phát hành").click()
    issued = page.locator("#issued").inner_text()
    assert "Người ký: Nguyễn Văn Bình (Sở Văn hóa)" in issued
    assert "Chưa kiểm tra với chứng thư gốc tin cậy" in issued
    assert page.console_errors == []


def test_on_a_laptop_the_whole_menu_fits(page, demo_year):
    _sign_in(page, "quantri")  # an admin has the longest menu
    page.goto("/plan/dashboard?year=2025")
    sign_out = page.get_by_role("button", name="Đăng xuất")
    box = sign_out.bounding_box()
    assert sign_out.is_visible() and box["x"] + box["width"] <= 1280
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


@pytest.mark.parametrize("username", ["dieuphoi", "lanhdao.svhttdl", "noivu"])
def test_the_demo_peoples_menu_keeps_to_one_line_of_a_1366_px_laptop(browser, live_server,
                                                                     demo_year, username):
    context = browser.new_context(base_url=live_server, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    _sign_in(page, username)
    tops = page.evaluate(TOPS)
    context.close()
    assert len(tops) >= 6 and len(set(tops)) == 1, tops
