"""Reporting rounds through the pages: the coordinator returns a report with a comment and the
agency sends it again without retyping; signing off warns first, on the same page, of who
has not reported and of the deadline, then ends the steps still open and tells their
agencies; a report sent late is kept, marked late, and its agency told; opening a round
that is open says so and keeps the list."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.notifications.models import Notification
from app.plan import reporting
from app.plan.models import AgencyReport, ReportCycle, ReportState
from app.workflow.cli import _run_once
from app.workflow.models import AuditEvent, ProcessInstance, WorkItem
from tests import factories
from tests.conftest import login, post_form
from tests.pages import form_values
from tests.tasks.test_case_so_far import case_panel


@pytest.fixture
def round_2025(plan, agencies, clock):
    workflow.sync_folder()
    clock.current = datetime(2025, 11, 17, 2, 0)  # Monday 17/11/2025, 09:00
    return reporting.open_annual_cycle(2025)


@pytest.fixture
def clients(app, agencies):
    people = {"sct": ("cv.sct", "SCT", ["agency_staff"], "Phạm Thị Huyền"),
              "coordinator": ("dieu.phoi", "STTTT", ["coordinator"], "Trần Thị Điều")}
    found = {}
    for key, (username, agency, roles, name) in people.items():
        user = factories.make_user(username, roles=roles, agency_code=agency, full_name=name)
        found[key] = app.test_client()
        login(found[key], username, factories.PASSWORD)
        found[key].user = user
    return found


def steps_of(agency_code, process="periodic_reporting") -> list[WorkItem]:
    db.session.expire_all()
    return db.session.scalars(select(WorkItem).join(WorkItem.agency).where(
        WorkItem.status == "open", WorkItem.process_key == process,
        WorkItem.agency.has(code=agency_code)).order_by(WorkItem.id)).all()


def report_of(cycle, agency_code) -> AgencyReport:
    db.session.expire_all()
    return next(r for r in db.session.get(ReportCycle, cycle.id).reports
                if r.agency.code == agency_code)


def file_through_pages(client, agency_code, answers=None) -> list[dict]:
    """Each of the agency's report steps in turn, as its page offers it (what it shows filled
    in is sent as it is); returns what each page offered."""
    offered = []
    while steps := steps_of(agency_code):
        step = steps[0]
        url = f"/tasks/{step.id}"
        page = client.get(url).get_data(as_text=True)
        values = form_values(page, url, url)
        offered.append({"task": step.task_name, "values": dict(values),
                        "panel": case_panel(page)})
        for name, value in (answers or {}).get(step.task_name, {}).items():
            values[name] = value
        assert post_form(client, url, values).status_code == 302, (step.task_name, values)
    return offered


FIRST = {"report_item_step": {"field_results": "Tổ chức 3 hội nghị", "field_figures": "120 lượt",
                              "field_assessment": "rated_good"},
         "summary": {"field_difficulties": "Thiếu kinh phí", "field_proposals": "Bổ sung"}}


def review_step(cycle, agency_code) -> WorkItem:
    return reporting.review_steps(db.session.get(ReportCycle, cycle.id))[
        report_of(cycle, agency_code).id]


def test_a_report_returned_with_a_comment_comes_back_as_the_agency_left_it(
        round_2025, clients):
    sct, coordinator = clients["sct"], clients["coordinator"]
    file_through_pages(sct, "SCT", FIRST)

    # The round's page leads the coordinator to the report waiting for review.
    review = review_step(round_2025, "SCT")
    page = coordinator.get(f"/plan/reports/{round_2025.id}").get_data(as_text=True)
    assert f'href="/tasks/{review.id}"' in page and "Chờ xem xét" in page
    page = coordinator.get(f"/tasks/{review.id}").get_data(as_text=True)
    panel = case_panel(page)
    assert panel.count("Kết quả thực hiện Tổ chức 3 hội nghị") == 3  # each item, by name
    assert "Nhiệm vụ 2.1. Triển khai" in panel and "Tự đánh giá Hoàn thành tốt" in panel
    assert "Khó khăn, vướng mắc Thiếu kinh phí" in panel and "rated_good" not in panel
    post_form(coordinator, f"/tasks/{review.id}", {
        "field_decision": "send_back", "field_review_comment": "Bổ sung số liệu năm 2025"})

    report = report_of(round_2025, "SCT")
    assert report.state == ReportState.RETURNED
    assert "Bổ sung số liệu năm 2025" in coordinator.get(
        f"/plan/reports/{round_2025.id}").get_data(as_text=True)
    assert db.session.scalar(select(Notification.text).where(
        Notification.user_id == sct.user.id, Notification.kind == "returned"))

    # The agency's steps again: the comment on each, each item's own answers filled in.
    offered = file_through_pages(sct, "SCT", {"report_item_step": {
        "field_figures": "120 lượt cán bộ, 4 tọa đàm"}})
    assert [o["task"] for o in offered] == ["report_item_step"] * 3 + ["summary"]
    for entry in offered:
        assert "Ý kiến Bổ sung số liệu năm 2025" in entry["panel"]
    assert {o["values"]["field_results"] for o in offered[:3]} == {"Tổ chức 3 hội nghị"}
    assert offered[3]["values"]["field_difficulties"] == "Thiếu kinh phí"

    report = report_of(round_2025, "SCT")
    assert report.state == ReportState.RECEIVED and report.revised_at is not None
    assert {entry["figures"] for entry in report.items} == {"120 lượt cán bộ, 4 tọa đàm"}
    post_form(coordinator, f"/tasks/{review_step(round_2025, 'SCT').id}",
              {"field_decision": "accept"})
    assert report_of(round_2025, "SCT").state == ReportState.ACCEPTED
    assert db.session.scalar(select(Notification.text).where(
        Notification.user_id == sct.user.id, Notification.kind == "accepted"))


SIGN_OFF = {"number": "125/BC-STTTT", "issued_on": "01/12/2025",
            "strengths": "Các cơ quan đã triển khai nghiêm túc Kế hoạch.",
            "signer_authority": "GIÁM ĐỐC", "signer_name": "Nguyễn Văn Bình"}


def test_signing_off_warns_first_then_ends_the_open_steps_and_tells_their_agencies(
        round_2025, clients, clock, agencies):
    sct, coordinator = clients["sct"], clients["coordinator"]
    others = [r.agency.code for r in round_2025.reports if r.agency.code != "SCT"]
    reviewed_later, missing = others[0], others[1:]
    file_through_pages(sct, "SCT", FIRST)
    post_form(coordinator, f"/tasks/{review_step(round_2025, 'SCT').id}", {
        "field_decision": "send_back", "field_review_comment": "Bổ sung"})
    clerk = factories.make_user("cv.other", agency_code=reviewed_later)
    other = coordinator.application.test_client()
    login(other, "cv.other", factories.PASSWORD)
    file_through_pages(other, reviewed_later, FIRST)
    told = {code: factories.make_user(f"cv.{code.lower()}", agency_code=code)
            for code in missing[:2]}

    # 01/12, before the agencies' deadline of 05/12: the page asks first, and says why.
    clock.current = datetime(2025, 12, 1, 2, 0)
    url = f"/plan/reports/{round_2025.id}"
    warned = post_form(coordinator, url, SIGN_OFF)
    page = warned.get_data(as_text=True)
    assert warned.status_code == 200 and 'id="before-sign-off"' in page
    assert "Chưa hết hạn gửi báo cáo của các cơ quan (05/12/2025)" in page
    assert f"Chưa báo cáo ({len(missing)}):" in page
    assert agencies[missing[0]].name_vi in page
    assert "Đã trả lại nhưng chưa gửi lại (1): Sở Công Thương" in page
    assert f"Chưa xem xét (1): {agencies[reviewed_later].name_vi}" in page
    assert 'value="Các cơ quan đã triển khai nghiêm túc Kế hoạch."' in page or \
        "Các cơ quan đã triển khai nghiêm túc Kế hoạch." in page  # what was typed is kept
    assert db.session.get(ReportCycle, round_2025.id).signed_at is None

    done = post_form(coordinator, url, {**SIGN_OFF, "confirm": "1"}, follow_redirects=True)
    page = done.get_data(as_text=True)
    assert "Tải bản PDF" in page
    assert f"Các bước báo cáo còn mở ({len(others) + 1} cơ quan) đã kết thúc" in page

    # Every report process of the round has ended cleanly, by the round's closing message.
    db.session.expire_all()
    instances = [db.session.get(ProcessInstance, r.instance_id) for r in round_2025.reports]
    assert {instance.status for instance in instances} == {"completed"}
    assert db.session.scalar(select(WorkItem.id).where(
        WorkItem.instance_id.in_([i.id for i in instances]), WorkItem.status == "open")) is None
    received = db.session.scalars(select(AuditEvent.instance_id).where(
        AuditEvent.kind == "message", AuditEvent.actor_id == coordinator.user.id)).all()
    assert set(received) == {i.id for i in instances}

    # Who is told what: the missing agencies, and the one whose revision did not come.
    for user in told.values():
        [notice] = db.session.scalars(select(Notification.text).where(
            Notification.user_id == user.id, Notification.kind == "round_closed")).all()
        assert "khi chưa nhận được báo cáo của cơ quan" in notice
    [notice] = db.session.scalars(select(Notification.text).where(
        Notification.user_id == sct.user.id, Notification.kind == "round_closed")).all()
    assert "báo cáo đã gửi trước đó được sử dụng" in notice
    assert not db.session.scalar(select(Notification.id).where(
        Notification.user_id == clerk.id, Notification.kind == "round_closed"))
    assert report_of(round_2025, missing[0]).state == ReportState.NOT_RECEIVED
    assert report_of(round_2025, "SCT").items  # the report first sent is kept
    assert "Không nhận được trước khi ký" in coordinator.get(url).get_data(as_text=True)


def test_a_report_sent_after_the_deadline_is_kept_marked_late_and_its_agency_told(
        round_2025, clients, clock):
    sct, coordinator = clients["sct"], clients["coordinator"]
    clock.current = datetime(2025, 12, 8, 2, 0)  # after 05/12

    file_through_pages(sct, "SCT", FIRST)

    report = report_of(round_2025, "SCT")
    assert report.on_time() is False and report.items
    [notice] = db.session.scalars(select(Notification.text).where(
        Notification.user_id == sct.user.id, Notification.kind == "late")).all()
    assert "gửi ngày 08/12/2025, sau hạn 05/12/2025" in notice
    page = coordinator.get(f"/plan/reports/{round_2025.id}").get_data(as_text=True)
    assert "Trễ hạn" in page and "Tổ chức 3 hội nghị" in page
    post_form(coordinator, f"/plan/reports/{round_2025.id}",
              {**SIGN_OFF, "issued_on": "08/12/2025", "confirm": "1"})
    assert report_of(round_2025, "SCT").state == ReportState.RECEIVED  # counted, not closed


def test_opening_a_round_that_is_open_says_so_and_keeps_the_list(round_2025, clients):
    coordinator = clients["coordinator"]

    response = post_form(coordinator, "/plan/reports/open",
                         {"open-year": "2025", "open-deadline": "05/12/2025"})

    assert response.status_code == 302 and response.headers["Location"] == "/plan/reports"
    page = coordinator.get("/plan/reports").get_data(as_text=True)
    assert "Báo cáo năm 2025 đã được mở từ ngày 17/11/2025" in page
    assert f'href="/plan/reports/{round_2025.id}"' in page  # the list of rounds is there
    assert db.session.scalar(select(db.func.count(ReportCycle.id))) == 1


def test_steps_a_cut_short_sign_off_left_open_are_ended_by_the_worker(round_2025, clients,
                                                                      clock):
    clock.current = datetime(2025, 12, 8, 2, 0)
    reporting.sign_off(round_2025, number="1/BC", issued_on=date(2025, 12, 8),
                       sections={"strengths": "Tốt"}, signer_authority="GIÁM ĐỐC",
                       signer_name="A",
                       actor=clients["coordinator"].user)  # the request died after this
    assert steps_of("SCT")

    _run_once()

    assert steps_of("SCT") == []
    db.session.expire_all()
    assert {db.session.get(ProcessInstance, r.instance_id).status
            for r in round_2025.reports} == {"completed"}


def test_an_ad_hoc_report_returned_comes_back_filled_in_and_is_accepted(plan, agencies, clients):
    workflow.sync_folder()
    sct, coordinator = clients["sct"], clients["coordinator"]
    post_form(coordinator, "/plan/reports/ad-hoc", {
        "adhoc-topic": "Tình hình thông tin đối ngoại dịp Tết",
        "adhoc-agencies": [str(agencies["SCT"].id)], "adhoc-deadline": "10/06/2025"})
    [write] = steps_of("SCT", "adhoc_report")
    page = sct.get(f"/tasks/{write.id}").get_data(as_text=True)
    panel = case_panel(page)
    assert "Trần Thị Điều (Sở Thông tin và Truyền thông)" in panel
    assert "Nội dung yêu cầu báo cáo Tình hình thông tin đối ngoại dịp Tết" in panel
    assert "Hạn gửi báo cáo 10/06/2025" in panel
    post_form(sct, f"/tasks/{write.id}", {"field_content": "Không có vụ việc nổi bật"})

    cycle = db.session.scalar(select(ReportCycle))
    review = review_step(cycle, "SCT")
    assert "Nội dung báo cáo Không có vụ việc nổi bật" in case_panel(
        coordinator.get(f"/tasks/{review.id}").get_data(as_text=True))
    post_form(coordinator, f"/tasks/{review.id}", {
        "field_decision": "send_back", "field_review_comment": "Nêu rõ số tin bài"})

    [write] = steps_of("SCT", "adhoc_report")
    page = sct.get(f"/tasks/{write.id}").get_data(as_text=True)
    assert "Ý kiến Nêu rõ số tin bài" in case_panel(page)
    values = form_values(page, f"/tasks/{write.id}", f"/tasks/{write.id}")
    assert values["field_content"] == "Không có vụ việc nổi bật"
    post_form(sct, f"/tasks/{write.id}", {"field_content": values["field_content"]
                                          + "; 12 tin bài"})
    post_form(coordinator, f"/tasks/{review_step(cycle, 'SCT').id}",
              {"field_decision": "accept"})
    report = report_of(cycle, "SCT")
    assert report.state == ReportState.ACCEPTED
    assert report.content == "Không có vụ việc nổi bật; 12 tin bài"



def test_the_closing_notice_dates_the_sign_off_as_quang_ngai_reads_the_day(round_2025, clients,
                                                                           clock):
    """Signed at 00:30 on 06/12 in Quảng Ngãi (still 05/12 in UTC): the agencies read 06/12."""
    clerk = factories.make_user("cv.snv", agency_code="SNV")
    clock.current = datetime(2025, 12, 5, 17, 30)  # 06/12/2025 00:30 in Quảng Ngãi
    post_form(clients["coordinator"], f"/plan/reports/{round_2025.id}",
              {**SIGN_OFF, "issued_on": "06/12/2025", "confirm": "1"})
    [notice] = db.session.scalars(select(Notification.text).where(
        Notification.user_id == clerk.id, Notification.kind == "round_closed")).all()
    assert "đã được ký ban hành ngày 06/12/2025" in notice, notice
