"""A clerk completes a step of the demo process in a real browser, on a desktop and a phone."""

from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import add_version, data_of, start_process
from app.workflow.models import WorkItem
from tests import factories
from tests.browser.test_layout import _sign_in

pytestmark = pytest.mark.browser
DEMO = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "demo_report.bpmn"


@pytest.fixture
def demo_case(agencies):
    add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    start_process("demo_report", subject="Lễ hội Cầu Ngư")
    factories.make_user("clerk.stttt", agency_code="STTTT", full_name="Trần Giao")


def _fill_assignment(page, day="15/12/2025"):
    page.get_by_role("link", name="Giao nhiệm vụ").click()
    page.get_by_label("Nội dung nhiệm vụ").fill("Tổ chức lễ hội Cầu Ngư ở Lý Sơn")
    page.get_by_label("Số sản phẩm dự kiến").fill("4")
    page.get_by_label("Hạn báo cáo đề nghị").fill(day)
    page.get_by_label("Loại nhiệm vụ").select_option("thuong_xuyen")


def test_a_clerk_completes_a_step_with_a_vietnamese_date(page, demo_case):
    _sign_in(page, "clerk.stttt")
    page.goto("/tasks")
    _fill_assignment(page)

    page.get_by_role("button", name="Hoàn thành bước này").click()

    assert "Đã hoàn thành: Giao nhiệm vụ." in page.get_by_role("status").first.inner_text()
    db.session.expire_all()
    implement = db.session.scalar(select(WorkItem).where(
        WorkItem.title == "Thực hiện và báo cáo"))
    assert data_of(implement)["han_bao_cao"] == "2025-12-15"
    assert page.console_errors == [] and page.foreign_requests == []


def test_a_wrong_date_is_explained_next_to_the_field_and_the_rest_is_kept(page, demo_case):
    _sign_in(page, "clerk.stttt")
    page.goto("/tasks")
    _fill_assignment(page, day="31/02/2025")

    page.get_by_role("button", name="Hoàn thành bước này").click()

    date_box = page.get_by_label("Hạn báo cáo đề nghị")
    assert date_box.get_attribute("aria-invalid") == "true" or \
        "is-invalid" in date_box.get_attribute("class")
    assert page.get_by_label("Nội dung nhiệm vụ").input_value() == \
        "Tổ chức lễ hội Cầu Ngư ở Lý Sơn"


def test_on_a_phone_the_inbox_and_the_form_fit_the_screen(phone, demo_case):
    _sign_in(phone, "clerk.stttt")
    phone.goto("/tasks")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375

    phone.get_by_role("link", name="Giao nhiệm vụ").click()
    phone.wait_for_url("**/tasks/*")  # on a busy machine the step's page is still loading

    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert phone.get_by_role("button", name="Hoàn thành bước này").is_visible()


def test_a_file_over_the_limit_is_refused_before_sending_and_the_answers_stay(page, demo_case):
    from app.workflow.attachments import MAX_BYTES

    _sign_in(page, "clerk.stttt")
    page.goto("/tasks")
    _fill_assignment(page)
    requests = []
    page.on("request", lambda request: request.method == "POST" and requests.append(request))
    page.get_by_label("Tài liệu kèm theo").set_input_files(files=[{
        "name": "bien-ban.pdf", "mimeType": "application/pdf",
        "buffer": b"%PDF-1.4\n" + b"0" * MAX_BYTES}])

    page.get_by_role("button", name="Hoàn thành bước này").click()

    assert "Tệp lớn hơn 10 MB." in page.locator("#field_tai_lieu-size").inner_text()
    assert requests == []  # nothing was sent, nothing typed was lost
    assert page.get_by_label("Nội dung nhiệm vụ").input_value() == \
        "Tổ chức lễ hội Cầu Ngư ở Lý Sơn"
