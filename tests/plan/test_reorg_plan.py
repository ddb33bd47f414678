"""The plan after the 2025 reorganisation: its pages keep its own wording and say who holds
each item's work now; launches and report rounds reach only live agencies; and a database
seeded in 2024 gets today's province from the seed, its people and open work included."""

from datetime import date, datetime

from sqlalchemy import select

from app import workflow
from app.auth.models import User
from app.auth.person_moves import PersonMove
from app.extensions import db
from app.plan import reporting
from app.plan.assignments import launch_item
from app.plan.catalogue import current_plan, item_by_code
from app.plan.models import Assignment
from app.plan.seed import seed_plan
from app.plan.violations import service as violations
from app.workflow.models import WorkItem
from tests import factories


def test_the_plan_keeps_its_wording_and_names_todays_holder(staff_client, province_today):
    """Kế hoạch 116/KH-UBND names Sở Thông tin và Truyền thông; since 01/3/2025 its
    foreign-information items are Sở VHTTDL's (Thông tư 10/2025/TT-BVHTTDL, Điều 1) and its
    other work Sở KH&CN's (the province's merger): each item says which, in its own words."""
    seed_plan()
    plan = current_plan()

    item_12 = staff_client.get(f"/plan/items/{item_by_code(plan, '1.2').id}")
    item_41 = staff_client.get(f"/plan/items/{item_by_code(plan, '4.1').id}")
    catalogue = staff_client.get("/plan/").get_data(as_text=True)

    assert "Sở Thông tin và Truyền thông (nay là Sở Văn hóa, Thể thao và Du lịch)" in \
        item_12.get_data(as_text=True)
    assert "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)" in \
        item_41.get_data(as_text=True)
    assert "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính)" in catalogue
    assert "Sở Công Thương (nay là" not in catalogue  # a live agency is just itself


def test_the_plans_district_level_reads_as_the_communes_since_july_2025(
        clock, staff_client, province_today):
    """Nghị quyết 1677/NQ-UBTVQH15: from 01/7/2025 Quảng Ngãi has no district level, and the
    96 commune-level units carry what the plan gives "UBND cấp huyện": the plan's pages keep
    its words and say who acts now, "UBND cấp huyện (nay là UBND cấp xã)"; before July 2025
    they read as the plan; a group of one level that goes on ("Các sở, ban, ngành") never."""
    seed_plan()
    item_11 = f"/plan/items/{item_by_code(current_plan(), '1.1').id}"
    before = staff_client.get(item_11).get_data(as_text=True)
    assert "UBND cấp huyện" in before and "UBND cấp huyện (nay là" not in before

    clock.current = datetime(2026, 3, 2, 1, 30)
    item = staff_client.get(item_11).get_data(as_text=True)
    catalogue = staff_client.get("/plan/").get_data(as_text=True)
    for page in (item, catalogue):
        assert "UBND cấp huyện (nay là UBND cấp xã)" in page
        assert "Các sở, ban, ngành (nay là" not in page
    assert "UBND cấp huyện</" not in catalogue.replace(" (nay là UBND cấp xã)", "x")


def test_launches_and_rounds_reach_only_live_agencies(clock, province_today):
    """A launch and a report round go to the agency holding the item's work on the day (Nghị
    quyết 1677/NQ-UBTVQH15: no district after 30/6/2025; Sở TT&TT ended 28/02/2025)."""
    seed_plan()
    workflow.sync_folder()
    plan = current_plan()
    clock.current = datetime(2025, 11, 17, 2, 0)

    [assignment] = launch_item(item_by_code(plan, "1.2"), 2025, date(2025, 11, 28))
    cycle = reporting.open_annual_cycle(2025)

    day = clock().date()
    assert assignment.agency.code == "SVHTTDL"
    assert cycle.reports and all(report.agency.is_current_on(day) for report in cycle.reports)
    codes = {report.agency.code for report in cycle.reports}
    assert "STTTT" not in codes and not any(code.startswith("UBND_H") for code in codes)
    assert {"SVHTTDL", "SKHCN", "SNNMT"} <= codes


def test_a_database_seeded_in_2024_gets_todays_province(app, clock, agencies):
    """The seed over a 2024 database: Sở TT&TT's people and open work follow the same rules
    as on the admin's page (Thông tư 10/2025/TT-BVHTTDL, Điều 1: foreign information, its
    inspections and coordination to Sở VHTTDL; the rest to Sở KH&CN), every move recorded,
    nothing open left with an ended agency; a second seed changes nothing."""
    clock.current = datetime(2024, 10, 1, 2, 0)
    seed_plan()
    workflow.sync_folder()
    coordinator = factories.make_user("dieu.phoi", roles=["coordinator", "agency_staff"],
                                      agency_code="STTTT", full_name="Trần Điều")
    inspector = factories.make_user("thanh.tra", agency_code="STTTT", full_name="Lý Thanh Tra")
    plan = current_plan()
    for code in ("1.2", "4.1"):
        launch_item(item_by_code(plan, code), 2024, date(2024, 11, 29), coordinator)
    case = violations.open_case(source="monitoring", received_on=date(2024, 10, 1),
                                subject="Trang tin X", channel=None, description="Tin sai lệch",
                                inspector=inspector, actor=coordinator)
    clock.current = datetime(2025, 6, 2, 1, 30)

    first = app.test_cli_runner().invoke(args=["seed"])
    second = app.test_cli_runner().invoke(args=["seed"])

    assert first.exit_code == 0, first.output
    assert "2 people and 5 open items (steps, plan assignments) moved" in first.output
    assert "moved" not in second.output and "The 2025 reorganisation: 0 added." in second.output
    db.session.expire_all()
    assert db.session.get(User, coordinator.id).agency.code == "SVHTTDL"
    assert db.session.get(User, inspector.id).agency.code == "SKHCN"
    assert len(db.session.scalars(select(PersonMove)).all()) == 2
    sttt = factories.agency("STTTT")
    assert db.session.scalar(select(WorkItem.id).where(
        WorkItem.agency_id == sttt.id, WorkItem.status == "open")) is None
    verify = factories.open_step(case.instance_id, "verify")
    assert verify.agency.code == "SVHTTDL" and verify.claimed_by_id is None
    assert {x.item.code: x.agency.code for x in db.session.scalars(select(Assignment))} == \
        {"1.2": "SVHTTDL", "4.1": "SKHCN"}
    assert {p.username for p in violations.inspectors()} == {"dieu.phoi"}
