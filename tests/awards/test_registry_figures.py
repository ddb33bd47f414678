"""Into the plan (Kế hoạch 116/KH-UBND item 5.4, "Tổ chức khen thưởng trong công tác thông
tin đối ngoại"): the annual report step of item 5.4 opens with the commendations decided in
the report's period (15/12 of the year before to 14/12) — awards given, per form, per
agency, a revoked one not counted — in its editable "Số liệu" field, which the lead agency
edits and sends."""

import re
from datetime import date, datetime

from sqlalchemy import select

from app import workflow
from app.auth.reorg_seed import seed_reorganisation
from app.extensions import db
from app.plan import reporting
from app.plan.seed import seed_plan
from app.workflow.models import WorkItem
from modules.awards import registry
from modules.awards.registry_models import Award
from tests.awards import test_registry_support as support
from tests.journeys.walk import option_value
from tests.pages import form_values

person = support.person  # the fixture

FIGURES = re.compile(r'<textarea[^>]*name="field_figures"[^>]*>(.*?)</textarea>', re.S)


def test_the_item_54_report_step_opens_with_the_years_commendations(app, clock, agencies,
                                                                     person):  # noqa: F811
    clock.current = datetime(2025, 11, 20, 2, 0)  # the annual round opens after 15/11
    seed_reorganisation()
    seed_plan()
    workflow.sync_folder()
    support.seed_demo_registry()  # 2718/QĐ-UBND of 19/12/2024: in the 2025 report's period
    # One award of the decision revoked: shown in the report, not counted.
    home_affairs = person("noivu", "SNV", "Võ Minh Phê", "home_affairs_approver")
    revoked = db.session.scalar(select(Award).where(Award.name == "Lê Minh Tuấn"))
    registry.revoke(revoked, reason="Hồ sơ không đúng quy định", decision_number="9/QĐ-UBND",
                    decision_date=date(2025, 3, 1), actor=home_affairs.user)
    reporting.open_annual_cycle(2025)
    [lead_agency] = [agency for agency, items in reporting.items_by_agency(
        reporting.current_plan(), 2025).items() if "5.4" in {item.code for item in items}]
    lead = person("bc.khenthuong", lead_agency.code, "Đoàn Thị Báo", "agency_staff")
    db.session.remove()

    # The lead agency reports its items one after another; 5.4 comes after the others.
    for _ in range(40):
        [row] = [row for row in lead.inbox() if row.title == "Báo cáo kết quả nhiệm vụ"]
        page = lead.get(row.url)
        if "5.4. Tổ chức khen thưởng" in page:
            break
        shown = FIGURES.search(page)
        assert "khen thưởng" not in (shown.group(1) if shown else "")  # 5.4's alone
        lead.fill(row, {"results": "Đã thực hiện theo kế hoạch.", "assessment": option_value(
            page, "field_assessment", "Hoàn thành")})
    else:
        raise AssertionError("item 5.4 never came")

    figures = form_values(page, row.url, row.url)["field_figures"]
    assert figures.splitlines() == [
        "Số khen thưởng: 6 (cá nhân: 4, tập thể: 2), theo các quyết định 2718/QĐ-UBND.",
        "Theo hình thức: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh theo chuyên đề — công "
        "tác thông tin đối ngoại: 6.",
        "Theo cơ quan, đơn vị: Báo Quảng Ngãi: 2; Sở Văn hóa, Thể thao và Du lịch: 2; "
        "Sở Công Thương: 1; Sở Nội vụ: 1.",
        "Bị hủy bỏ (không tính): 1."]
    # Older years (2022, 2023) are outside the period; the lead edits and sends the figures.
    edited = figures + "\nSố hồ sơ đề nghị bị trả lại: 1."
    sent = lead.fill(row, {"results": "Tổ chức khen thưởng cuối năm 2024.", "figures": edited,
                           "assessment": option_value(page, "field_assessment",
                                                      "Hoàn thành tốt")})
    db.session.remove()
    [summary] = lead.inbox()
    assert summary.title == "Khó khăn, đề xuất và gửi báo cáo", sent.told
    kept = workflow.data_of(db.session.get(WorkItem, summary.id))["report_items"][-1]
    assert (kept["code"], kept["figures"]) == ("5.4", edited)
