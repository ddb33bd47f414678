"""A violation case through the pages: whoever decides the sanction reads the verification
and the record; the case page and its timeline show the decisions as they were recorded
(the extension and its reason, the decision's number and date, the fine), each once; the
admin reads the case's data as a labelled table; the inspector it was handed to delivers the
decision, it is complied with, and the case closes. The other branches, walked through the
pages: tests/journeys/test_violation_handling.py."""

import io
import re
from datetime import datetime

import pytest
from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from app.workflow.models import Attachment, WorkItem
from app.workflow.timers import tick
from tests import factories
from tests.conftest import csrf_token, login, post_form
from tests.plan.test_violations import new_case
from tests.tasks.test_case_so_far import case_panel

PDF = b"%PDF-1.4\n% bien ban\n"


@pytest.fixture
def violation_people(agencies):
    from app import workflow

    workflow.sync_folder()
    return {"inspector": factories.make_user("thanh.tra", agency_code="STTTT",
                                             full_name="Lý Thanh Tra"),
            # The coordinator, whom the admin also made an official with sanctioning
            # competence (NĐ 119/2020/NĐ-CP): the decision needs that role.
            "coordinator": factories.make_user("dieu.phoi",
                                               roles=["coordinator", "sanctioning_official"],
                                               agency_code="STTTT", full_name="Trần Điều")}


@pytest.fixture
def before_tet(clock):
    clock.current = datetime(2026, 2, 12, 2, 0)  # Thursday 12/02/2026, 09:00 in Quảng Ngãi
    return clock


@pytest.fixture
def clients(app, violation_people):
    found = {}
    for key in ("inspector", "coordinator"):
        found[key] = app.test_client()
        login(found[key], violation_people[key].username, factories.PASSWORD)
    return found


def step(case, name) -> WorkItem:
    db.session.expire_all()
    return db.session.scalar(select(WorkItem).where(WorkItem.instance_id == case.instance_id,
                                                    WorkItem.task_name == name,
                                                    WorkItem.status == "open"))


def text_of(page: str) -> str:
    main = page.split("<main", 1)[1].split("</main>")[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_a_case_decided_with_an_extension_reads_as_it_was_recorded(
        violation_people, before_tet, clients, admin_client):
    inspector, coordinator = clients["inspector"], clients["coordinator"]
    case = new_case(violation_people)

    verify = step(case, "verify")
    assert "Đăng tải thông tin sai lệch về hình ảnh tỉnh" in case_panel(
        inspector.get(f"/tasks/{verify.id}").get_data(as_text=True))
    inspector.post(f"/tasks/{verify.id}", data={
        "csrf_token": csrf_token(inspector), "field_finding": "finding_sanction",
        "field_findings_text": "Bài viết sai sự thật, có dấu hiệu vi phạm",
        "field_verify_evidence": (io.BytesIO(PDF), "xac-minh.pdf")},
        content_type="multipart/form-data")
    record = step(case, "record")
    inspector.post(f"/tasks/{record.id}", data={
        "csrf_token": csrf_token(inspector), "field_record_number": "01/BB-VPHC",
        "field_record_date": "13/02/2026", "field_violator": "Công ty TNHH X",
        "field_violation_act": "Đăng tin sai sự thật",
        "field_record_file": (io.BytesIO(PDF), "bien-ban.pdf")},
        content_type="multipart/form-data")

    # Whoever decides the sanction reads the verification and the record, files as links.
    decision = step(case, "decision")
    page = coordinator.get(f"/tasks/{decision.id}").get_data(as_text=True)
    panel = case_panel(page)
    assert "Kết quả xác minh Có vi phạm, thuộc thẩm quyền xử phạt" in panel
    assert "Nội dung xác minh, lý do Bài viết sai sự thật, có dấu hiệu vi phạm" in panel
    assert "Số biên bản 01/BB-VPHC" in panel and "Ngày lập biên bản 13/02/2026" in panel
    assert "Cá nhân, tổ chức vi phạm Công ty TNHH X" in panel
    files = {a.filename: a.id for a in db.session.scalars(select(Attachment))}
    for name in ("xac-minh.pdf", "bien-ban.pdf"):
        assert f'href="/attachments/{files[name]}">{name}</a>' in page
    post_form(coordinator, f"/tasks/{decision.id}", {
        "field_decision_action": "decide_extend", "field_extension_to": "extend_month",
        "field_extension_reason": "Người vi phạm xin giải trình"})

    # The step again, after its month (to 13/03/2026) passed: it shows its extension and why.
    before_tet.current = datetime(2026, 3, 16, 2, 0)
    tick()
    decision = step(case, "decision_extended")
    panel = case_panel(coordinator.get(f"/tasks/{decision.id}").get_data(as_text=True))
    assert "Lý do gia hạn Người vi phạm xin giải trình" in panel
    post_form(coordinator, f"/tasks/{decision.id}", {
        "field_decision_action": "decide_issue", "field_decision_number": "05/QĐ-XPVPHC",
        "field_decision_date": "16/03/2026", "field_fine_amount": "15000000"})

    # The inspector who delivers it reads the decision as it was issued.
    deliver = step(case, "deliver")
    panel = case_panel(inspector.get(f"/tasks/{deliver.id}").get_data(as_text=True))
    assert "Số quyết định 05/QĐ-XPVPHC" in panel and "Ngày ký quyết định 16/03/2026" in panel
    assert "Số tiền phạt (đồng) 15.000.000" in panel and "giải trình" not in panel

    # The case page: each decision as recorded, once; no ISO date, no ids.
    successor = factories.make_user("tt.moi", agency_code="STTTT", full_name="Đỗ Thanh Mới")
    post_form(coordinator, f"/plan/violations/{case.id}/inspector",
              {"inspector": str(successor.id), "reason": "Ông Tra đi học"})
    page = coordinator.get(f"/plan/violations/{case.id}").get_data(as_text=True)
    text = text_of(page)
    assert "Quyết định Gia hạn thời hạn ra quyết định Gia hạn Đến 01 tháng kể từ ngày lập " \
        "biên bản" in text
    assert "Lý do gia hạn Người vi phạm xin giải trình" in text
    assert "Quyết định Ban hành quyết định xử phạt" in text
    assert "Số quyết định 05/QĐ-XPVPHC Ngày ký quyết định 16/03/2026" in text
    assert "Số tiền phạt (đồng) 15.000.000" in text
    assert "Quá thời hạn (Ra quyết định xử phạt)" in text  # which limit passed
    assert text.count("Lý do gia hạn") == 1  # the issued decision does not repeat it
    assert text.count("Ông Tra đi học") == 1 and "Giao lại bước · Giao quyết định" in text
    assert "Thanh tra viên xử lý: Lý Thanh Tra → Đỗ Thanh Mới" in text
    assert "STTTT → STTTT" not in text and "tt.moi" not in text  # people by name
    assert "Thời hạn lập biên bản kể từ" not in text  # the limits are settings, not its story
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert "decide_issue" not in text and "finding_sanction" not in text

    # The admin reads the same case's data as a table, labelled, with no JSON.
    text = text_of(admin_client.get(f"/admin/instances/{case.instance_id}")
                   .get_data(as_text=True))
    assert "Thanh tra viên xử lý Đỗ Thanh Mới" in text
    assert "Thời hạn lập biên bản kể từ khi phát hiện vi phạm (ngày làm việc) 3" in text
    assert "Số tiền phạt (đồng) 15.000.000" in text and "Ngày ký quyết định 16/03/2026" in text
    assert "{" not in text and not re.search(r"\d{4}-\d{2}-\d{2}", text)

    # The inspector who has the case now delivers the decision; it is complied with: closed.
    from tests.journeys.walk import Person

    inspector = Person(admin_client.application, successor)
    inspector.fill(inspector.waiting("Giao quyết định xử phạt", case.number), {
        "delivered_on": "17/03/2026", "delivery_method": "Giao trực tiếp"})
    inspector.fill(inspector.waiting("Theo dõi chấp hành quyết định", case.number), {
        "complied": "complied_yes", "compliance_notes": "Đã nộp phạt ngày 20/03/2026"})
    assert inspector.inbox() == []
    text = text_of(coordinator.get(f"/plan/violations/{case.id}").get_data(as_text=True))
    assert "Đã đóng: đã xử phạt, đã chấp hành" in text
    assert "Chấp hành Đã chấp hành Ghi chú Đã nộp phạt ngày 20/03/2026" in text

def test_cases_go_to_the_coordinating_agencys_staff_chosen_by_name(
        violation_people, before_tet, clients, app):
    """Intake and the hand-over offer the agency's staff and leads as inspectors, not its
    administrator or trainee; the hand-over starts on "— Chọn —", never on whichever
    inspector comes first, and refuses to guess."""
    factories.make_user("quan.tri", roles=["admin"], agency_code="STTTT",
                        full_name="Nguyễn Văn Quản")
    factories.make_user("hv.stttt", roles=["trainee"], agency_code="STTTT",
                        full_name="Hồ Học Việc")
    factories.make_user("ld.stttt", roles=["agency_lead"], agency_code="STTTT",
                        full_name="Lê Lãnh Đạo")
    coordinator = clients["coordinator"]
    intake = coordinator.get("/plan/violations/new").get_data(as_text=True)
    offered = re.findall(r'<option[^>]*>([^<]+)</option>', intake.split('name="inspector"')[1]
                         .split("</select>")[0])
    assert offered == ["— Chọn —", "Lê Lãnh Đạo", "Lý Thanh Tra"]

    case = new_case(violation_people)
    page = coordinator.get(f"/plan/violations/{case.id}").get_data(as_text=True)
    options = page.split('name="inspector"')[1].split("</select>")[0]
    assert re.findall(r'<option[^>]*>([^<]+)</option>', options) == [
        "— Chọn —", "Lê Lãnh Đạo"]
    assert 'selected value=""' in options or 'value="" selected' in options
    blank = post_form(coordinator, f"/plan/violations/{case.id}/inspector",
                      {"inspector": "", "reason": "Ông Tra đi học"})
    assert blank.status_code == 400 and "Hãy chọn thanh tra viên xử lý vụ việc." in \
        blank.get_data(as_text=True)
    admin = db.session.scalar(select(User).where(User.username == "quan.tri"))
    refused = post_form(coordinator, f"/plan/violations/{case.id}/inspector",
                        {"inspector": str(admin.id), "reason": "Ông Tra đi học"})
    assert refused.status_code == 400
    db.session.expire_all()
    assert step(case, "verify").assigned_to_id == violation_people["inspector"].id


def test_the_case_page_opens_the_step_waiting_for_the_reader(violation_people, before_tet,
                                                             clients):
    """The coordinator who decides the sanction goes from the case to the step; a step named
    to the inspector is not offered to the coordinator as theirs."""
    case = new_case(violation_people)
    coordinator, inspector = clients["coordinator"], clients["inspector"]
    verify = step(case, "verify")
    page = coordinator.get(f"/plan/violations/{case.id}").get_data(as_text=True)
    assert "Mở bước này" not in page  # the inspector's, by name
    post_form(inspector, f"/tasks/{verify.id}", {
        "field_finding": "finding_sanction", "field_findings_text": "Có vi phạm"})
    post_form(inspector, f"/tasks/{step(case, 'record').id}", {
        "field_record_number": "01/BB-VPHC", "field_record_date": "13/02/2026",
        "field_violator": "Công ty TNHH X", "field_violation_act": "Đăng tin sai sự thật"})
    decision = step(case, "decision")
    page = coordinator.get(f"/plan/violations/{case.id}").get_data(as_text=True)
    assert f'href="/tasks/{decision.id}">Mở bước này</a>' in page
