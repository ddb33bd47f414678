"""The dashboard: a year's items by lead agency with their status, counts per agency, and
the same exported to Excel and PDF."""

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.plan.assignments import launch_item
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import login, pdf_text


@pytest.fixture
def year_in_progress(plan, items, agencies, clock):
    """3.7 launched to four agencies: one done on time, one done late, one overdue, one in
    progress (its own deadline is later)."""
    workflow.sync_folder()
    coordinator = factories.make_user("dieu.phoi", roles=["coordinator"], agency_code="STTTT")
    clerks = {code: factories.make_user(f"cv.{code.lower()}", agency_code=code)
              for code in ("SCT", "SNGV", "SKHDT", "SVHTTDL")}
    assignments = {a.agency.code: a for a in
                   launch_item(items["3.7"], 2025, date(2025, 6, 30), coordinator)}
    assignments["SVHTTDL"].due_on = date(2025, 12, 31)
    db.session.commit()

    def finish(code):
        for task in ("implement", "review"):
            step = db.session.scalar(select(WorkItem).where(
                WorkItem.instance_id == assignments[code].instance_id,
                WorkItem.task_name == task, WorkItem.status == "open"))
            user = clerks[code] if task == "implement" else coordinator
            values = ({"action": "send_report", "progress": "completed", "what_done": "Xong"}
                      if task == "implement" else {"decision": "accept"})
            workflow.complete(step.id, user, values)

    finish("SCT")
    clock.current = datetime(2025, 7, 10, 3, 0)
    finish("SNGV")
    factories.make_user("lanh.dao", roles=["agency_lead"], agency_code="SCT")
    return assignments


def test_the_year_at_a_glance(app, year_in_progress):
    client = app.test_client()
    login(client, "lanh.dao", factories.PASSWORD)
    page = client.get("/plan/dashboard?year=2025").get_data(as_text=True)
    assert "Tiến độ thực hiện Kế hoạch 116/KH-UBND năm 2025" in page
    for label in ("Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Quá hạn chưa hoàn thành",
                  "Đang thực hiện trong hạn"):
        assert label in page
    assert "Sở Công Thương<span class=\"visually-hidden\"> (Hoàn thành đúng hạn)" in page
    assert "Sở Ngoại vụ<span class=\"visually-hidden\"> (Hoàn thành quá hạn)" in page
    assert "Sở Kế hoạch và Đầu tư<span class=\"visually-hidden\"> (Quá hạn chưa hoàn thành)" \
        in page
    assert "Chưa giao" in page  # the year's other items


def test_exports(app, year_in_progress):
    client = app.test_client()
    login(client, "lanh.dao", factories.PASSWORD)
    book = load_workbook(io.BytesIO(client.get("/plan/dashboard.xlsx?year=2025").data))
    rows = [[cell.value for cell in row] for row in book["Nhiệm vụ 2025"].iter_rows()]
    assert rows[0] == ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Tình trạng"]
    mine = [row for row in rows if row[0] == "3.7"]
    assert {(row[2], row[4]) for row in mine} == {
        ("Sở Công Thương", "Hoàn thành đúng hạn"), ("Sở Ngoại vụ", "Hoàn thành quá hạn"),
        ("Sở Kế hoạch và Đầu tư", "Quá hạn chưa hoàn thành"),
        ("Sở Văn hóa, Thể thao và Du lịch", "Đang thực hiện trong hạn")}
    counts = {row[0].value: row[-1].value for row in book["Theo cơ quan"].iter_rows(min_row=2)}
    assert counts["Tổng"] == 4

    response = client.get("/plan/dashboard.pdf?year=2025")
    text = pdf_text(response.data)
    assert "TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH SỐ 116/KH-UBND NĂM 2025" in text
    assert "Quá hạn chưa hoàn thành" in text


def test_staff_do_not_see_the_dashboard(app, year_in_progress):
    client = app.test_client()
    login(client, "cv.sct", factories.PASSWORD)
    assert client.get("/plan/dashboard").status_code == 403
    assert client.get("/plan/dashboard.xlsx").status_code == 403
