"""The plan's date is written one way everywhere, as the plan writes it: 03/6/2024."""

import re
from datetime import date, datetime
from pathlib import Path

from app.plan import reporting
from app.plan.citation import cited_date
from app.plan.models import ReportCycle
from tests import factories
from tests.conftest import pdf_text

ROOT = Path(__file__).resolve().parents[2]


def test_a_documents_date_is_written_as_the_plan_writes_it():
    assert cited_date(date(2024, 6, 3)) == "03/6/2024"
    assert cited_date(date(2024, 1, 5)) == "05/01/2024"  # January and February keep the 0
    assert cited_date(date(2025, 12, 15)) == "15/12/2025"


def test_pages_and_the_consolidated_report_cite_the_plan_the_same_way(
        staff_client, plan, agencies, clock, db):
    from app import workflow

    footer = "Kế hoạch 116/KH-UBND ngày 03/6/2024 của UBND tỉnh Quảng Ngãi"
    assert footer in staff_client.get("/login", follow_redirects=True).get_data(as_text=True)
    assert "Kế hoạch 116/KH-UBND ngày 03/6/2024" in staff_client.get("/plan/").get_data(
        as_text=True)

    workflow.sync_folder()
    cycle = reporting.open_annual_cycle(2025)
    clock.current = datetime(2025, 12, 15, 2, 0)
    reporting.sign_off(cycle, number="7/BC-STTTT", issued_on=date(2025, 12, 15),
                       sections={"strengths": "Đạt yêu cầu."}, signer_authority="GIÁM ĐỐC",
                       signer_name="Nguyễn Văn Bình",
                       actor=factories.make_user("dieu.phoi", roles=["coordinator"]))
    text = pdf_text(db.session.get(ReportCycle, cycle.id).pdf)
    assert "Thực hiện Kế hoạch số 116/KH-UBND ngày 03/6/2024" in text


def test_no_text_of_the_system_writes_the_plans_date_another_way():
    other_ways = re.compile(r"03/06/2024|(?<![\d/])3/6/2024|03-06-2024|2024-06-03")
    texts = [path for folder in ("app", "workflows", "docs") for path in
             (ROOT / folder).rglob("*") if path.suffix in {".py", ".html", ".bpmn", ".md", ".po"}]
    texts.append(ROOT / "README.md")
    for path in texts:
        found = other_ways.search(path.read_text(encoding="utf-8"))
        assert found is None, f"{path.relative_to(ROOT)} writes {found.group(0)}"


def test_no_text_of_the_system_cites_the_plan_as_the_chairmans():
    """Kế hoạch 116/KH-UBND is the Provincial People's Committee's ("UBND tỉnh ban hành Kế
    hoạch", its preamble): nothing the system writes cites it "của Chủ tịch UBND tỉnh"
    (only the plan's own text, kept as it was issued, says so under its appendix)."""
    chairman = re.compile(r"Kế hoạch[^.\n]{0,80}của Chủ tịch (UBND|Ủy ban nhân dân) tỉnh")
    for folder in ("app", "workflows"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".html", ".bpmn", ".po"}:
                found = chairman.search(path.read_text(encoding="utf-8"))
                assert found is None, f"{path.relative_to(ROOT)} writes {found.group(0)}"
