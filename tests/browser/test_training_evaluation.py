"""The organiser's class page after the class: the course evaluation's chart is drawn on the
server as SVG bars (no script, nothing from another host) beside a table of the same numbers,
and the page logs no console error."""

from datetime import date, datetime, time

import pytest
from playwright.sync_api import expect

from app import workflow
from modules.training import courses, enrollment, evaluations
from tests import factories
from tests.browser.test_layout import _sign_in

pytestmark = pytest.mark.browser


def _ended_class_with_answers(coordinator, clock):
    course = courses.save_course(
        None, topic="Kỹ năng thông tin đối ngoại cho cán bộ cấp xã", audience="Cán bộ cấp xã",
        description=None, agency=coordinator.agency, plan_item_code="1.2", actor=coordinator)
    training_class = courses.save_class(
        None, course, code="TTDN-2025-07", venue="Hội trường Sở Thông tin và Truyền thông",
        online_link=None, lecturers="ThS. Nguyễn Văn Giảng", capacity=30,
        opens_on=date(2025, 6, 1), closes_on=date(2025, 6, 20), approval_needed=False,
        open_to_all=True, agencies=[],
        sessions=[courses.Session(date(2025, 6, 23), time(8), time(11, 30))],
        actor=coordinator)
    courses.publish(training_class)
    trainees = [factories.make_user(name, roles=["trainee"], agency_code="SCT", full_name=full)
                for name, full in (("hv.mot", "Nguyễn Thị Một"), ("hv.hai", "Trần Văn Hai"))]
    for trainee in trainees:
        enrollment.register(training_class.id, trainee)
    clock.current = datetime(2025, 6, 23, 5, 0)  # 12:00 on 23/06: the session is over
    evaluations.submit(training_class, trainees[0], {
        "content": 5, "lecturers": 4, "organisation": 5, "usefulness": 3},
        "Nên bổ sung tài liệu thực hành.")
    evaluations.submit(training_class, trainees[1], {
        "content": 4, "lecturers": 4, "organisation": 3, "usefulness": 5}, None)
    return training_class


def test_the_evaluation_summary_draws_its_chart_with_no_script_error(page, agencies, clock):
    workflow.sync_folder()
    coordinator = factories.make_user("dieu.phoi", roles=["coordinator"], agency_code="STTTT")
    training_class = _ended_class_with_answers(coordinator, clock)
    _sign_in(page, "dieu.phoi")
    page.goto(f"/training/classes/{training_class.id}/registrations")

    summary = page.locator("section.evaluation-summary")
    expect(summary.get_by_role("heading", name="Kết quả đánh giá khóa học")).to_be_visible()
    expect(summary).to_contain_text("2/2 học viên đã xác nhận chỗ gửi phiếu đánh giá.")
    charts = summary.get_by_role("img")
    expect(charts).to_have_count(4)
    first = charts.first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box["width"] > 100 and box["height"] > 100
    # Nội dung: one 5 and one 4 → two bars of the same full length.
    widths = first.locator("rect.bar").evaluate_all(
        "bars => bars.map(b => b.getBoundingClientRect().width)")
    assert len(widths) == 2 and widths[0] == pytest.approx(widths[1]) and widths[0] > 50
    expect(summary.locator("table caption")).to_contain_text("Số phiếu theo từng mức điểm")
    expect(summary.get_by_role("row", name="Nội dung khóa học")).to_contain_text("4,5")
    expect(summary.locator(".evaluation-comments li")).to_have_text(
        ["Nên bổ sung tài liệu thực hành."])
    assert page.console_errors == []
    assert page.foreign_requests == []
