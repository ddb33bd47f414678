"""The catalogue seeded from the plan's text, what each year holds, and `plan items`."""

import pytest

from app.auth.models import Agency, AgencyGroup
from app.extensions import db
from app.plan.agency_names import UnknownAgencyName, resolve_names
from app.plan.catalogue import items_due_in
from app.plan.models import TimeframeKind
from app.plan.seed import seed_plan
from app.plan.timeframe import TimeframeError, parse_timeframe

APPENDIX_CODES = ["1.1", "1.2", "2.1", "2.2", "2.3", *[f"3.{n}" for n in range(1, 10)],
                  "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4"]


def codes(targets):
    return [target.code for target in targets]


def test_the_plan_and_its_21_items_come_from_the_text(plan, items):
    assert (plan.number, plan.issued_on.isoformat()) == ("116/KH-UBND", "2024-06-03")
    assert plan.title.startswith("Kế hoạch thực hiện Nghị quyết số 47/NQ-CP")
    assert [item.code for item in plan.items] == APPENDIX_CODES
    # OCR slips of the scan are corrected; an item cut by a page break is whole.
    assert items["1.1"].group_title.startswith("Quán triệt")
    assert items["4.1"].group_title.startswith("Đẩy mạnh đấu tranh phản bác")
    assert items["2.2"].content.endswith("sửa đổi Nghị định số 152/2020/NĐ-CP.")
    assert "và Nghị định số 70/2023/NĐ-CP" in items["2.2"].content


def test_lead_and_cooperating_agencies_point_to_agencies_and_groups(items):
    item = items["3.7"]
    assert codes(link.target for link in item.leads) == ["SCT", "SNGV", "SKHDT", "SVHTTDL"]
    assert codes(link.target for link in item.cooperating) == [
        "DON_VI_LIEN_QUAN", "UBND_CAP_HUYEN"]
    assert codes(link.target for link in items["3.4"].cooperating) == [
        "UBMTTQ_CAC_CAP", "SO_BAN_NGANH", "UBND_CAP_HUYEN", "HOI_TNKB"]
    assert codes(link.target for link in items["1.1"].leads) == ["SO_BAN_NGANH",
                                                                   "UBND_CAP_HUYEN"]
    assert items["1.2"].cooperating == []
    assert all(isinstance(link.target, AgencyGroup) for link in items["2.1"].leads)


def test_timeframes_and_what_a_year_holds(plan, items):
    assert (items["1.1"].timeframe_kind, items["1.1"].start_year) == ("year", 2024)
    assert (items["3.2"].start_year, items["3.2"].end_year) == (2024, 2030)
    assert items["1.2"].timeframe_kind == TimeframeKind.YEARLY.value
    in_2024 = {item.code for item in items_due_in(plan, 2024)}
    in_2025 = {item.code for item in items_due_in(plan, 2025)}
    in_2026 = {item.code for item in items_due_in(plan, 2026)}
    assert len(in_2024) == 21
    assert "1.1" not in in_2025 and "5.1" not in in_2025 and len(in_2025) == 19
    assert "4.2" in in_2025 and "4.2" not in in_2026
    assert items_due_in(plan, 2023) == []


def test_seeding_twice_adds_nothing(plan):
    assert seed_plan() == 0
    assert len(plan.items) == 21


@pytest.mark.parametrize(("text", "expected"), [
    ("Hàng năm", (TimeframeKind.YEARLY, None, None)),
    ("2024", (TimeframeKind.YEAR, 2024, 2024)),
    ("2024 – 2030", (TimeframeKind.SPAN, 2024, 2030)),
    ("2024 - 2028", (TimeframeKind.SPAN, 2024, 2028)),
])
def test_timeframe_texts(text, expected):
    timeframe = parse_timeframe(text)
    assert (timeframe.kind, timeframe.start_year, timeframe.end_year) == expected


@pytest.mark.parametrize("text", ["2030 - 2024", "sớm", ""])
def test_a_timeframe_that_means_nothing_is_refused(text):
    with pytest.raises(TimeframeError):
        parse_timeframe(text)


def test_names_with_commas_inside_are_read_whole(agencies):
    groups = list(db.session.scalars(db.select(AgencyGroup)))
    found = resolve_names("Sở Văn hóa Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội",
                          list(agencies.values()), groups)
    assert codes(found) == ["SVHTTDL", "SLDTBXH"]
    with pytest.raises(UnknownAgencyName, match="sở du hành vũ trụ"):
        resolve_names("Sở Ngoại vụ, Sở Du hành vũ trụ", list(agencies.values()), groups)


def test_plan_items_prints_one_line_per_item(app, plan):
    result = app.test_cli_runner().invoke(args=["plan", "items"])
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert [line.split()[0] for line in lines] == APPENDIX_CODES
    assert lines[0].startswith("1.1   Phổ biến, quán triệt nội dung Nghị quyết.")
    assert "lead: Sở Công Thương; Sở Ngoại vụ; Sở Kế hoạch và Đầu tư; Sở Văn hóa, Thể thao " \
           "và Du lịch | cooperating: Các đơn vị liên quan; UBND cấp huyện" in lines[11]


def test_plan_items_without_a_plan_says_what_to_do(app, agencies):
    result = app.test_cli_runner().invoke(args=["plan", "items"])
    assert result.exit_code == 1
    assert "run `flask --app wsgi seed` first" in result.output


def test_a_merged_agency_reaches_its_successor(plan, items, clock):
    from app.auth import agency_service

    old = db.session.scalar(db.select(Agency).where(Agency.code == "SCT"))
    new = agency_service.save_agency(None, code="SCT_MOI", name_vi="Sở Công Thương mới",
                                     name_en="New DoIT", kind="department", valid_from=None,
                                     valid_to=None)
    agency_service.merge_agency(old, new, clock().date())
    [lead] = items["3.1"].leads
    assert codes(lead.agencies_on(clock().date())) == ["SCT_MOI"]
