"""A year of the plan with the clock the tests control: items launched and reported, one
late, the annual round opened on its day, reminders, consolidation, and the official PDF."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app import workflow
from app.extensions import db
from app.notifications.models import Notification
from app.plan import reporting
from app.plan.assignments import launch_item
from app.plan.models import AgencyReport, Assignment, ReportCycle
from app.workflow.cli import _run_once
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import login, pdf_text, post_form


@pytest.fixture
def processes(agencies):
    workflow.sync_folder()


@pytest.fixture
def staff(agencies):
    return {
        "stttt": factories.make_user("cv.stttt", agency_code="STTTT"),
        "sct": factories.make_user("cv.sct", agency_code="SCT"),
        "snv": factories.make_user("cv.snv", agency_code="SNV"),
        "coordinator": factories.make_user("dieu.phoi", roles=["coordinator"],
                                           agency_code="STTTT", full_name="Trần Thị Điều"),
    }


def open_steps_of(agency_code, process_key):
    return db.session.scalars(select(WorkItem).join(WorkItem.agency).where(
        WorkItem.status == "open", WorkItem.process_key == process_key,
        WorkItem.agency.has(code=agency_code)).order_by(WorkItem.id)).all()


def step_of(assignment, task_name):
    return db.session.scalar(select(WorkItem).where(
        WorkItem.instance_id == assignment.instance_id, WorkItem.task_name == task_name,
        WorkItem.status == "open"))


def file_annual_report(user, agency_code):
    """Answer each item's step in turn, then the summary."""
    while steps := open_steps_of(agency_code, "periodic_reporting"):
        step = steps[0]
        if step.task_name == "report_item_step":
            workflow.complete(step.id, user, {"results": f"Kết quả của {agency_code}",
                                              "figures": "3 hội nghị",
                                              "assessment": "rated_good"})
        else:
            workflow.complete(step.id, user, {"difficulties": f"Thiếu kinh phí ({agency_code})",
                                              "proposals": "Bổ sung biên chế"})


REPORT = {"action": "send_report", "progress": "completed", "what_done": "Đã thực hiện"}


def test_a_year_of_the_plan(plan, items, processes, staff, clock, app):
    coordinator = staff["coordinator"]
    # June 2025: two items launched, due 28/11/2025.
    [brand_week] = launch_item(items["3.1"], 2025, date(2025, 11, 28), coordinator)
    [awards] = launch_item(items["5.4"], 2025, date(2025, 11, 28), coordinator)

    # The Department of Industry and Trade reports in September; it is accepted.
    clock.current = datetime(2025, 9, 15, 3, 0)
    workflow.complete(step_of(brand_week, "implement").id, staff["sct"], REPORT)
    workflow.complete(step_of(brand_week, "review").id, coordinator, {"decision": "accept"})

    # 15/11/2025 is a Saturday: the worker opens the annual round by itself on the next
    # working day, Monday 17/11.
    clock.current = datetime(2025, 11, 15, 1, 0)
    _run_once()
    assert reporting.annual_cycle(2025) is None
    clock.current = datetime(2025, 11, 17, 1, 0)
    _run_once()
    cycle = reporting.annual_cycle(2025)
    assert cycle.deadline == date(2025, 12, 5)
    assert (cycle.period_from, cycle.period_to) == (date(2024, 12, 15), date(2025, 12, 14))
    sct_report = next(r for r in cycle.reports if r.agency.code == "SCT")
    steps = open_steps_of("SCT", "periodic_reporting")
    assert len(steps) == 1  # one item at a time
    assert workflow.data_of(steps[0])["item_title"].startswith("2.1. Triển khai thực hiện")

    # 25/11 08:30, three working days before 28/11: the reminder for item 5.4.
    clock.current = datetime(2025, 11, 25, 1, 30)
    _run_once()
    assert db.session.scalar(select(Notification).where(
        Notification.user_id == staff["stttt"].id, Notification.kind == "due_soon"))

    # The Department of Industry and Trade files its annual report on time.
    file_annual_report(staff["sct"], "SCT")
    db.session.expire_all()
    sct_report = db.session.get(AgencyReport, sct_report.id)
    assert [entry["code"] for entry in sct_report.items] == ["2.1", "3.1", "3.7"]
    assert sct_report.on_time() is True

    # 5.4 is done late: reported on 03/12, after its deadline of 28/11.
    clock.current = datetime(2025, 12, 3, 3, 0)
    _run_once()  # the escalation of the overdue item
    assert db.session.get(Assignment, awards.id).status_on(date(2025, 12, 3)).value == \
        "overdue"
    workflow.complete(step_of(awards, "implement").id, staff["stttt"], {
        "action": "ask_input", "consult_question": "Đề nghị Sở Nội vụ cho ý kiến"})
    [question] = open_steps_of("SNV", "task_assignment")
    workflow.complete(question.id, staff["snv"], {"input_text": "Thống nhất"})
    assert workflow.data_of(step_of(awards, "implement"))["cooperating_answers"] == \
        "Sở Nội vụ: Thống nhất"
    workflow.complete(step_of(awards, "implement").id, staff["stttt"], REPORT)
    workflow.complete(step_of(awards, "review").id, coordinator, {"decision": "accept"})
    file_annual_report(staff["stttt"], "STTTT")

    # 15/12: the coordinator sees who is missing, consolidates and signs off.
    clock.current = datetime(2025, 12, 15, 2, 0)
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    page = client.get(f"/plan/reports/{cycle.id}").get_data(as_text=True)
    assert page.count("Chưa gửi") == len(cycle.reports) - 2
    assert "Kết quả của SCT" in page and "Hoàn thành tốt" in page
    sign_off = {
        "number": "125/BC-STTTT", "issued_on": "15/12/2025",
        "strengths": "Các cơ quan đã triển khai nghiêm túc Kế hoạch.",
        "signer_authority": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "signer_name": "Nguyễn Văn Bình"}
    warned = post_form(client, f"/plan/reports/{cycle.id}", sign_off).get_data(as_text=True)
    assert "Trước khi ký" in warned and "Chưa báo cáo (" in warned  # asked first
    response = post_form(client, f"/plan/reports/{cycle.id}", {**sign_off, "confirm": "1"},
                         follow_redirects=True)
    assert "Tải bản PDF" in response.get_data(as_text=True)

    download = client.get(f"/plan/reports/{cycle.id}/report.pdf")
    assert download.mimetype == "application/pdf"
    text = pdf_text(download.data)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Quảng Ngãi, ngày 15 tháng 12 năm 2025", "Số: 125/BC-STTTT",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Kết quả thực hiện Kế hoạch số 116/KH-UBND năm 2025",
        "3.1", "Sở Công Thương: Hoàn thành đúng hạn", "Hoàn thành quá hạn",
        "Các cơ quan đã triển khai nghiêm túc Kế hoạch.", "Thiếu kinh phí (SCT)",
        f"Đã nhận 2/{len(cycle.reports)} báo cáo", "Nơi nhận:", "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn Bình",
    ):
        assert expected in text, expected
    assert "Chưa giao thực hiện" in text  # items nobody launched say so

    assert db.session.get(Assignment, brand_week.id).outcome == "done_on_time"
    item_page = client.get(f"/plan/items/{items['3.1'].id}?year=2025").get_data(as_text=True)
    assert "Báo cáo năm về nhiệm vụ này, 2025" in item_page and "Kết quả của SCT" in item_page
    again = post_form(client, f"/plan/reports/{cycle.id}", {
        "number": "126/BC-STTTT", "issued_on": "16/12/2025", "strengths": "Khác",
        "signer_authority": "GIÁM ĐỐC", "signer_name": "Người khác"})
    assert again.status_code == 200
    db.session.expire_all()
    assert db.session.get(ReportCycle, cycle.id).number == "125/BC-STTTT"  # kept as issued


def test_the_round_opens_once(plan, processes, staff):
    reporting.open_annual_cycle(2025)
    with pytest.raises(reporting.ReportError):
        reporting.open_annual_cycle(2025)


def test_two_workers_on_the_rounds_day_open_it_once_and_neither_fails(plan, processes, staff,
                                                                       clock, monkeypatch,
                                                                       caplog):
    clock.current = datetime(2025, 11, 17, 2, 0)  # Monday 17/11/2025, the round's day
    reporting.open_annual_cycle(2025)  # the other worker, a moment ago
    committed = reporting.annual_cycle
    looks = []

    def annual_cycle(year):  # this worker looked before the other's round was committed
        looks.append(year)
        return None if len(looks) == 1 else committed(year)

    monkeypatch.setattr(reporting, "annual_cycle", annual_cycle)

    _run_once()

    assert db.session.scalar(select(func.count(ReportCycle.id))) == 1
    assert not [r for r in caplog.records if "failed" in r.getMessage()]


def test_an_ad_hoc_report_from_chosen_agencies(plan, processes, staff, agencies, app):
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    response = post_form(client, "/plan/reports/ad-hoc", {
        "adhoc-topic": "Tình hình thông tin đối ngoại dịp Tết",
        "adhoc-agencies": [str(agencies["SCT"].id), str(agencies["SNV"].id)],
        "adhoc-deadline": "10/06/2025"}, follow_redirects=True)
    assert "Đã gửi yêu cầu báo cáo đột xuất." in response.get_data(as_text=True)
    [step] = open_steps_of("SCT", "adhoc_report")
    assert workflow.data_of(step)["topic"] == "Tình hình thông tin đối ngoại dịp Tết"
    workflow.complete(step.id, staff["sct"], {"content": "Không có vụ việc nổi bật"})
    cycle = db.session.scalar(select(ReportCycle))
    page = client.get(f"/plan/reports/{cycle.id}").get_data(as_text=True)
    assert "Không có vụ việc nổi bật" in page and page.count("Chưa gửi") == 1

    bad = post_form(client, "/plan/reports/ad-hoc", {"adhoc-topic": "", "adhoc-deadline": "x"})
    assert bad.status_code == 400 and "is-invalid" in bad.get_data(as_text=True)


def test_reports_are_for_the_coordinator(plan, processes, staff, app):
    cycle = reporting.open_annual_cycle(2025)
    client = app.test_client()
    login(client, "cv.sct", factories.PASSWORD)
    assert client.get("/plan/reports").status_code == 403
    assert client.get(f"/plan/reports/{cycle.id}").status_code == 403
    assert post_form(client, "/plan/reports/open", {"open-year": "2026",
                                                    "open-deadline": "05/12/2026"}
                     ).status_code == 403
    assert reporting.annual_cycle(2026) is None


def test_without_the_diagram_the_round_does_not_half_open(plan, staff):
    with pytest.raises(reporting.ReportError):
        reporting.open_annual_cycle(2025)
    assert reporting.annual_cycle(2025) is None


def test_a_crash_half_way_leaves_no_half_round_and_the_worker_opens_it_again(
        plan, processes, staff, clock, monkeypatch):
    from app.workflow.models import ProcessInstance

    agencies_due = len(reporting.items_by_agency(plan, 2025))
    assert agencies_due > 2
    real_start, started = workflow.start_process, []

    def machine_dies_at_the_third_agency(*args, **kwargs):
        if len(started) == 2:
            raise ConnectionError("server closed the connection unexpectedly")
        started.append(real_start(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(workflow, "start_process", machine_dies_at_the_third_agency)
    clock.current = datetime(2025, 11, 17, 2, 0)  # the first working day from 15/11/2025
    _run_once()  # the worker's job fails; the worker carries on

    assert reporting.annual_cycle(2025) is None
    assert db.session.scalar(select(func.count(AgencyReport.id))) == 0
    assert db.session.scalar(select(func.count(ProcessInstance.id))) == 0
    assert db.session.scalar(select(func.count(WorkItem.id))) == 0

    monkeypatch.setattr(workflow, "start_process", real_start)
    _run_once()  # the next tick opens the round, whole
    cycle = reporting.annual_cycle(2025)
    assert len(cycle.reports) == agencies_due
    assert all(report.instance_id for report in cycle.reports)


def test_a_year_with_every_item_launched_signs_off_on_a_readable_pdf(plan, processes, staff,
                                                                     clock):
    from app.plan.assignments import launch_year

    launch_year(plan, 2025, date(2025, 11, 28))  # 2.1 goes to every district and department
    cycle = reporting.open_annual_cycle(2025)
    clock.current = datetime(2025, 12, 15, 2, 0)
    reporting.sign_off(cycle, number="7/BC-STTTT", issued_on=date(2025, 12, 15),
                       sections={"strengths": "Đạt yêu cầu."}, signer_authority="GIÁM ĐỐC",
                       signer_name="Nguyễn Văn Bình", actor=staff["coordinator"])

    text = " ".join(pdf_text(db.session.get(ReportCycle, cycle.id).pdf).split())
    launched = db.session.scalar(select(func.count(Assignment.id)).where(
        Assignment.item_id == db.session.scalar(select(Assignment.item_id).join(
            Assignment.item).where(Assignment.item.has(code="2.1")).limit(1))))
    assert launched > 4 and f"{launched} cơ quan: Quá hạn chưa hoàn thành {launched}" in text


def test_of_two_sign_offs_at_once_the_first_stands(plan, processes, staff, app, clock):
    from sqlalchemy import update

    cycle = reporting.open_annual_cycle(2025)
    clock.current = datetime(2025, 12, 15, 2, 0)
    fields = dict(issued_on=date(2025, 12, 15), sections={"strengths": "Tốt"},
                  signer_authority="GIÁM ĐỐC", signer_name="A")
    # Another coordinator signs while this one is writing (the row changes under us).
    db.session.execute(update(ReportCycle).where(ReportCycle.id == cycle.id).values(
        number="1/BC", signed_at=datetime(2025, 12, 15, 2, 0), signed_by_id=staff["stttt"].id))
    db.session.commit()
    from sqlalchemy.orm.attributes import set_committed_value

    set_committed_value(cycle, "signed_at", None)  # as this request read it, before
    with pytest.raises(reporting.ReportError):
        reporting.sign_off(cycle, number="2/BC", actor=staff["coordinator"], **fields)
    db.session.expire_all()
    assert db.session.get(ReportCycle, cycle.id).number == "1/BC"


def test_a_report_is_dated_between_its_rounds_opening_and_today(plan, processes, staff, app,
                                                                 clock):
    cycle = reporting.open_annual_cycle(2025)  # on 02/06/2025
    clock.current = datetime(2025, 12, 15, 2, 0)
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    fields = {"number": "9/BC-STTTT", "strengths": "Đạt yêu cầu.",
              "signer_authority": "GIÁM ĐỐC", "signer_name": "Nguyễn Văn Bình"}

    for day in ("01/01/2030", "01/01/1990"):
        page = post_form(client, f"/plan/reports/{cycle.id}", {**fields, "issued_on": day},
                         follow_redirects=True).get_data(as_text=True)
        assert "Báo cáo phải đề ngày từ 02/06/2025" in page
        assert "Đạt yêu cầu." in page  # what was written is kept
    db.session.expire_all()
    assert db.session.get(ReportCycle, cycle.id).signed_at is None


def test_an_ad_hoc_round_is_not_signed_off_as_the_annual_report(plan, processes, staff):
    cycle = reporting.request_ad_hoc("Tình hình dịp Tết", [staff["sct"].agency], date(2025, 6, 10),
                                     staff["coordinator"])
    with pytest.raises(reporting.ReportError):
        reporting.sign_off(cycle, number="1/BC", issued_on=date(2025, 6, 11),
                           sections={"strengths": "x"}, signer_authority="GIÁM ĐỐC",
                           signer_name="A", actor=staff["coordinator"])


def test_the_annual_round_is_unique_in_the_database(plan, processes, staff):
    from sqlalchemy.exc import IntegrityError

    reporting.open_annual_cycle(2025)
    db.session.add(ReportCycle(kind="annual", year=2025, annual_year=2025, title="x",
                               period_from=date(2024, 12, 15), period_to=date(2025, 12, 14),
                               deadline=date(2025, 12, 5)))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_odd_years_and_pages_are_not_errors(plan, processes, staff, app, items):
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    assert client.get(f"/plan/items/{items['1.1'].id}?year=99999999999999999999").status_code \
        == 200
    assert client.get("/plan/violations/?page=99999999999999999999").status_code == 200
    assert client.get("/plan/dashboard?year=abc").status_code == 200
