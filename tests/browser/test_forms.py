"""Step forms in Chromium: fields that show for one choice only, choices that start on
"— Chọn —", and the calendar beside each dd/mm/yyyy box."""


import pytest

from app import workflow
from tests import factories
from tests.browser.test_layout import _sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def decision(agencies, clock):
    return factories.case_awaiting_decision(clock)


def test_fields_for_one_choice_show_with_it_and_empty_when_it_changes(page, decision):
    _sign_in(page, "dieu.phoi")
    page.goto(f"/tasks/{decision.id}")
    choice = page.get_by_label("Quyết định", exact=True)
    reason = page.get_by_label("Lý do gia hạn")
    number = page.get_by_label("Số quyết định")

    assert choice.input_value() == ""  # nothing chosen for the coordinator
    assert choice.locator("option:checked").inner_text() == "— Chọn —"
    assert not reason.is_visible() and not number.is_visible()

    choice.select_option("decide_issue")
    assert number.is_visible() and not reason.is_visible()
    number.fill("05/QĐ-XPVPHC")

    choice.select_option("decide_extend")
    assert reason.is_visible() and not number.is_visible()
    assert number.input_value() == ""  # what was typed for the other choice is gone
    page.get_by_label("Gia hạn", exact=True).select_option("extend_month")
    reason.fill("Người vi phạm xin giải trình")
    page.get_by_role("button", name="Hoàn thành bước này").click()

    assert "Đã hoàn thành: Ra quyết định xử phạt." in page.get_by_role("status").first.inner_text()
    data = workflow.data_of(factories.open_step(decision.instance_id, "decision_extended"))
    assert data["extension_reason"] == "Người vi phạm xin giải trình"
    assert data["decision_number"] is None
    assert page.console_errors == [] and page.foreign_requests == []


def test_a_date_is_picked_on_the_calendar_or_typed_as_dd_mm_yyyy(page, decision):
    _sign_in(page, "dieu.phoi")
    page.goto(f"/tasks/{decision.id}")
    page.get_by_label("Quyết định", exact=True).select_option("decide_issue")
    day_box = page.get_by_label("Ngày ký quyết định")

    day_box.fill("05/03/2026")
    page.get_by_role("button", name="Chọn ngày trên lịch").click()
    calendar = page.locator("#field_decision_date-calendar")
    assert calendar.is_visible()
    assert "Tháng 3 2026" in calendar.locator(".view-switch").inner_text()
    assert calendar.locator(".datepicker-cell.selected").inner_text() == "5"

    calendar.locator(".datepicker-cell.day:not(.prev):not(.next)", has_text="12").first.click()

    assert not calendar.is_visible()
    assert day_box.input_value() == "12/03/2026"
    day_box.fill("13/03/2026")  # typing still works, and wins
    page.get_by_label("Số quyết định").fill("05/QĐ-XPVPHC")
    page.get_by_role("button", name="Hoàn thành bước này").click()

    assert "Đã hoàn thành" in page.get_by_role("status").first.inner_text()
    deliver = factories.open_step(decision.instance_id, "deliver")
    assert workflow.data_of(deliver)["decision_date"] == "2026-03-13"
    assert page.console_errors == [] and page.foreign_requests == []


def test_the_calendar_closes_with_escape_and_a_click_elsewhere(page, decision):
    _sign_in(page, "dieu.phoi")
    page.goto(f"/tasks/{decision.id}")
    page.get_by_label("Quyết định", exact=True).select_option("decide_issue")
    opener = page.get_by_role("button", name="Chọn ngày trên lịch")
    calendar = page.locator("#field_decision_date-calendar")

    opener.click()
    calendar.locator(".next-button").click()  # to the next month: still open
    assert calendar.is_visible()
    page.keyboard.press("Escape")
    assert not calendar.is_visible()
    opener.click()
    page.get_by_role("heading", level=1).click()
    assert not calendar.is_visible()


def test_an_optional_date_and_number_left_empty_complete_the_demos_first_step(page, agencies):
    from pathlib import Path

    demo = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "demo_report.bpmn"
    workflow.add_version(demo.read_bytes(), demo.name, publish=True)
    instance = workflow.start_process("demo_report", subject="Lễ hội Cầu Ngư")
    factories.make_user("clerk.stttt", agency_code="STTTT", full_name="Trần Giao")
    _sign_in(page, "clerk.stttt")
    page.goto(f"/tasks/{factories.open_step(instance.id, 'assign').id}")
    assert page.get_by_label("Loại nhiệm vụ").input_value() == ""  # "— Chọn —"

    page.get_by_label("Nội dung nhiệm vụ").fill("Tổ chức lễ hội Cầu Ngư ở Lý Sơn")
    page.get_by_label("Loại nhiệm vụ").select_option("thuong_xuyen")
    page.get_by_role("button", name="Hoàn thành bước này").click()

    assert "Đã hoàn thành: Giao nhiệm vụ." in page.get_by_role("status").first.inner_text()
    data = workflow.data_of(factories.open_step(instance.id, "implement"))
    assert data["han_bao_cao"] is None and data["so_san_pham"] is None
