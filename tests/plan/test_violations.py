"""Violation handling (plan item 2.3): every branch, each time limit a timer in working days,
computed across Tết Bính Ngọ (holidays 16/02–20/02/2026)."""

import io
from datetime import datetime

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.notifications.models import Notification
from app.plan.violations import service
from app.plan.violations.models import ViolationCase
from app.workflow.models import Attachment, WorkItem
from app.workflow.timers import tick
from tests import factories
from tests.conftest import login, post_form

PDF = b"%PDF-1.4\n% anh chup man hinh\n"


@pytest.fixture
def people(agencies):
    workflow.sync_folder()
    return {"inspector": factories.make_user("thanh.tra", agency_code="STTTT",
                                             full_name="Lý Thanh Tra"),
            "coordinator": factories.make_user("dieu.phoi", roles=["coordinator"],
                                               agency_code="STTTT", full_name="Trần Điều"),
            "official": factories.make_user("xu.phat", roles=["sanctioning_official"],
                                            agency_code="STTTT", full_name="Hoàng Phán"),
            "outsider": factories.make_user("cv.sct", agency_code="SCT")}


@pytest.fixture
def before_tet(clock):
    clock.current = datetime(2026, 2, 12, 2, 0)  # Thursday 12/02/2026, 09:00 in Quảng Ngãi
    return clock


def new_case(people, **extra):
    return service.open_case(
        source="monitoring", received_on=datetime(2026, 2, 12).date(),
        subject="Trang tin điện tử X", channel="https://vi-du.example/bai-viet",
        description="Đăng tải thông tin sai lệch về hình ảnh tỉnh", inspector=people["inspector"],
        actor=people["coordinator"], **extra)


def step(case, name) -> WorkItem:
    return db.session.scalar(select(WorkItem).where(WorkItem.instance_id == case.instance_id,
                                                    WorkItem.task_name == name,
                                                    WorkItem.status == "open"))


def due_day(item: WorkItem) -> str:
    # due_at is stored in UTC; the day ends 23:59:59 in Quảng Ngãi, 16:59:59 UTC.
    assert item.due_at.strftime("%H:%M:%S") == "16:59:59"
    return item.due_at.strftime("%d/%m/%Y")


def closed(case):
    db.session.expire_all()
    return db.session.get(ViolationCase, case.id)


def test_a_sanction_across_tet_with_an_extension_and_enforcement(people, before_tet):
    """NĐ 118/2021/NĐ-CP Đ.12 (sửa đổi bởi NĐ 68/2025/NĐ-CP): the record within 3 working
    days of discovery; Luật XLVPHC Đ.66 k.1: the decision within 7 working days of the
    record, 1 month when extended (điểm b), by the official with sanctioning competence
    (NĐ 119/2020/NĐ-CP), not the coordinator; Đ.70 delivery in 2 working days; Đ.73 k.1
    compliance in 10 days from receipt, a last day on a weekend moving to Monday (Bộ luật
    Dân sự 2015, Đ.148 k.5); Đ.74 enforcement within 1 year of the decision."""
    inspector, coordinator = people["inspector"], people["coordinator"]
    official = people["official"]
    case = new_case(people)
    assert case.number == "VP-2026-001"
    verify = step(case, "verify")
    assert verify.claimed_by_id == inspector.id
    assert due_day(verify) == "24/02/2026"  # 3 working days from 12/02: 13/02, 23/02, 24/02

    before_tet.current = datetime(2026, 2, 13, 2, 0)  # Friday 13/02
    workflow.complete(verify.id, inspector, {"finding": "finding_sanction",
                                             "findings_text": "Có dấu hiệu vi phạm"})
    record = step(case, "record")
    assert due_day(record) == "24/02/2026"

    workflow.complete(record.id, inspector, {
        "record_number": "01/BB-VPHC", "record_date": datetime(2026, 2, 13).date(),
        "violator": "Công ty TNHH X", "violation_act": "Đăng tin sai sự thật"})
    decision = step(case, "decision")
    assert decision.required_role == "sanctioning_official"
    assert due_day(decision) == "03/03/2026"  # 7 working days after Tết

    for someone in (inspector, coordinator):
        with pytest.raises(workflow.Forbidden):
            workflow.complete(decision.id, someone, {
                "decision_action": "decide_extend", "extension_to": "extend_month",
                "extension_reason": "Giải trình"})
    workflow.complete(decision.id, official, {
        "decision_action": "decide_extend", "extension_to": "extend_month",
        "extension_reason": "Người vi phạm yêu cầu giải trình"})
    decision = step(case, "decision_extended")
    assert due_day(decision) == "13/03/2026"  # one month from the record
    workflow.complete(decision.id, official, {
        "decision_action": "decide_issue", "decision_number": "05/QĐ-XPVPHC",
        "decision_date": datetime(2026, 3, 10).date(), "fine_amount": 15000000})
    deliver = step(case, "deliver")
    assert due_day(deliver) == "12/03/2026"
    workflow.complete(deliver.id, inspector, {"delivered_on": datetime(2026, 3, 11).date(),
                                              "delivery_method": "Giao trực tiếp"})
    comply = step(case, "comply")
    assert due_day(comply) == "23/03/2026"  # ten days: Saturday 21/03, so Monday
    workflow.complete(comply.id, inspector, {"complied": "complied_no"})
    enforce = step(case, "enforce")
    assert enforce.required_role == "sanctioning_official"
    assert due_day(enforce) == "10/03/2027"  # the decision's execution limit
    workflow.complete(enforce.id, official, {
        "enforcement_number": "02/QĐ-CC", "enforcement_date": datetime(2026, 3, 25).date(),
        "enforcement_measures": "Khấu trừ tài khoản"})
    assert closed(case).outcome == "enforced" and closed(case).closed_at is not None


def test_no_violation_closes_the_case(people, before_tet):
    case = new_case(people)
    workflow.complete(step(case, "verify").id, people["inspector"], {
        "finding": "finding_none", "findings_text": "Thông tin đúng sự thật"})
    assert closed(case).outcome == "no_violation"


def test_a_case_beyond_our_authority_is_referred_and_followed(people, before_tet):
    case = new_case(people)
    inspector = people["inspector"]
    workflow.complete(step(case, "verify").id, inspector, {
        "finding": "finding_refer", "findings_text": "Có dấu hiệu tội phạm",
        "referral_agency": "Công an tỉnh"})
    refer = step(case, "refer")
    assert workflow.data_of(refer)["referral_agency"] == "Công an tỉnh"
    assert due_day(refer) == "23/02/2026"  # Friday 13/02, then Monday after Tết
    workflow.complete(refer.id, inspector, {"referral_number": "15/STTTT-TTra",
                                            "referral_date": datetime(2026, 2, 13).date()})
    follow = step(case, "follow")
    assert due_day(follow) == "15/03/2026"  # thirty days
    workflow.complete(follow.id, inspector, {"referral_result": "Công an tỉnh đã khởi tố"})
    assert closed(case).outcome == "referred"


def test_a_missed_limit_warns_the_inspector_and_the_coordinator(people, before_tet):
    case = new_case(people)
    workflow.complete(step(case, "verify").id, people["inspector"], {
        "finding": "finding_sanction", "findings_text": "Có vi phạm"})
    before_tet.current = datetime(2026, 2, 25, 1, 30)  # 08:30 the day after the record limit
    tick()
    kinds = {(n.user_id, n.kind) for n in db.session.scalars(select(Notification))}
    assert (people["inspector"].id, "overdue") in kinds
    assert (people["coordinator"].id, "escalated") in kinds


def test_every_limit_is_a_setting(people, before_tet):
    """NĐ 118/2021/NĐ-CP Đ.12: the record's limit is a setting (3 working days by default)."""
    from app.settings import set_setting

    set_setting("violations.record_days", "5")
    db.session.commit()
    assert due_day(step(new_case(people), "verify")) == "26/02/2026"


def test_intake_and_the_register(people, before_tet, app):
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    form = {"source": "report", "received_on": "12/02/2026", "discovered_on": "12/02/2026",
            "sector": "other",
            "subject": "Tài khoản mạng xã hội Y",
            "channel": "https://mxh.example/y", "description": "Xuyên tạc chủ trương",
            "inspector": str(people["inspector"].id)}
    bad = post_form(client, "/plan/violations/new", {**form, "subject": "",
                                                     "inspector": str(people["outsider"].id)})
    assert bad.status_code == 400 and "Xuyên tạc chủ trương" in bad.get_data(as_text=True)
    assert db.session.scalar(select(db.func.count(ViolationCase.id))) == 0

    response = post_form(client, "/plan/violations/new", {
        **form, "evidence": (io.BytesIO(PDF), "anh-chup.pdf")},
        content_type="multipart/form-data", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Đã ghi nhận vụ việc VP-2026-001" in page and "Xác minh vụ việc" in page
    [evidence] = db.session.scalars(select(Attachment)).all()
    assert evidence.filename == "anh-chup.pdf" and evidence.work_item_id is None
    link = f'href="/attachments/{evidence.id}"'
    assert link in page and "anh-chup.pdf" in page  # the case lists its evidence

    inspector = app.test_client()  # who verifies the case reads the evidence with it
    login(inspector, "thanh.tra", factories.PASSWORD)
    verify = db.session.scalar(select(WorkItem).where(WorkItem.task_name == "verify"))
    assert link in inspector.get(f"/tasks/{verify.id}").get_data(as_text=True)
    assert inspector.get(f"/attachments/{evidence.id}").data == PDF

    register = client.get("/plan/violations/?q=mxh.example").get_data(as_text=True)
    assert "VP-2026-001" in register and "Lý Thanh Tra" in register
    assert "VP-2026-001" not in client.get("/plan/violations/?status=referred").get_data(
        as_text=True)


def test_the_register_is_not_for_everyone(people, app):
    client = app.test_client()
    login(client, "cv.sct", factories.PASSWORD)
    assert client.get("/plan/violations/").status_code == 403


def test_an_admin_sets_the_limits_and_report_dates(admin_client, people):
    from app.plan import assignments, reporting

    page = admin_client.get("/plan/settings").get_data(as_text=True)
    assert "Lập biên bản vi phạm, kể từ khi phát hiện vi phạm" in page
    from app.plan.settings_sections import sections

    modules = {setting.field_name: str(setting.default)  # the modules' own sections, as sent
               for section in sections() for setting in section.settings}
    fields = {"opens_on": "1/11", "deadline": "10/12", "reminder_days": "5", "consult_days": "7",
              **{item.key: str(item.default) for item in service.LIMITS}, "record_days": "3",
              **modules}
    response = post_form(admin_client, "/plan/settings", fields, follow_redirects=True)
    assert "Đã lưu cài đặt kế hoạch." in response.get_data(as_text=True)
    assert reporting.opens_on(2026).isoformat() == "2026-11-02"  # 01/11/2026 is a Sunday
    assert reporting.deadline_of(2026).isoformat() == "2026-12-10"
    assert service.limit("record_days") == 3
    assert assignments.consult_days() == 7

    bad = post_form(admin_client, "/plan/settings", {**fields, "opens_on": "31/13"})
    assert "Ngày và tháng, ví dụ 15/11." in bad.get_data(as_text=True)
    late = post_form(admin_client, "/plan/settings", {**fields, "opens_on": "15/12"})
    assert "Hạn gửi báo cáo phải sau ngày mở đợt báo cáo." in late.get_data(as_text=True)
    assert reporting.opens_on(2026).isoformat() == "2026-11-02"


def test_only_the_inspector_is_told_of_a_case_given_to_them(people, before_tet):
    from app.notifications import dispatch

    new_case(people)
    dispatch.announce_new_steps()
    told = set(db.session.scalars(select(Notification.user_id).where(
        Notification.kind == "new_step")))
    assert told == {people["inspector"].id}


def test_a_bad_evidence_file_leaves_nothing_behind(people, before_tet):
    with pytest.raises(service.CaseError):
        new_case(people, evidence=("x.pdf", b"not a pdf at all"))
    assert db.session.scalar(select(db.func.count(ViolationCase.id))) == 0
    assert db.session.scalar(select(db.func.count(WorkItem.id))) == 0


def test_a_day_that_does_not_exist_every_year_is_refused(admin_client, people):
    fields = {"opens_on": "31/02", "deadline": "05/12", "reminder_days": "3",
              **{item.key: str(item.default) for item in service.LIMITS}}
    response = post_form(admin_client, "/plan/settings", fields)
    assert "Ngày và tháng, ví dụ 15/11." in response.get_data(as_text=True)


def test_an_admin_releases_the_step_of_an_inspector_who_left(people, before_tet, admin_client):
    case = new_case(people)
    verify = step(case, "verify")
    colleague = factories.make_user("tt.khac", agency_code="STTTT")
    with pytest.raises(workflow.Forbidden):
        workflow.complete(verify.id, colleague, {"finding": "finding_none",
                                                 "findings_text": "x"})
    page = admin_client.get(f"/admin/instances/{case.instance_id}").get_data(as_text=True)
    assert "Thu hồi việc của Lý Thanh Tra" in page
    post_form(admin_client, f"/admin/instances/{case.instance_id}/steps/{verify.id}/release")
    db.session.expire_all()
    workflow.complete(verify.id, colleague, {"finding": "finding_none", "findings_text": "x"})
    assert closed(case).outcome == "no_violation"
    assert "released" in {e.kind for e in workflow.timeline_of(case.instance_id)}


def test_the_coordinator_gives_a_case_to_another_inspector(people, before_tet, app):
    case = new_case(people)
    successor = factories.make_user("tt.moi", agency_code="STTTT", full_name="Đỗ Thanh Mới")
    client = app.test_client()
    login(client, "dieu.phoi", factories.PASSWORD)
    assert "Giao vụ việc cho thanh tra viên khác" in \
        client.get(f"/plan/violations/{case.id}").get_data(as_text=True)

    no_reason = post_form(client, f"/plan/violations/{case.id}/inspector",
                          {"inspector": str(successor.id), "reason": ""})
    assert no_reason.status_code == 400 and "is-invalid" in no_reason.get_data(as_text=True)
    for wrong in (people["inspector"].id, people["outsider"].id, "abc"):  # not a choice
        refused = post_form(client, f"/plan/violations/{case.id}/inspector",
                            {"inspector": str(wrong), "reason": "Nhầm"})
        assert refused.status_code == 400 and "is-invalid" in refused.get_data(as_text=True)

    done = post_form(client, f"/plan/violations/{case.id}/inspector",
                     {"inspector": str(successor.id), "reason": "Ông Tra nghỉ hưu"},
                     follow_redirects=True)
    page = done.get_data(as_text=True)
    assert "Vụ việc VP-2026-001 đã được giao cho Đỗ Thanh Mới." in page
    assert "Lý do: Ông Tra nghỉ hưu" in page and "Giao lại bước" in page
    db.session.expire_all()
    assert db.session.get(ViolationCase, case.id).inspector_id == successor.id
    verify = step(case, "verify")
    assert verify.claimed_by_id == successor.id
    with pytest.raises(workflow.Forbidden):
        workflow.complete(verify.id, people["inspector"], {"finding": "finding_none",
                                                           "findings_text": "x"})
    workflow.complete(verify.id, successor, {"finding": "finding_sanction",
                                             "findings_text": "Có dấu hiệu vi phạm"})
    assert step(case, "record").claimed_by_id == successor.id  # later steps follow
    with pytest.raises(service.CaseError, match="đang xử lý vụ việc này rồi"):
        service.hand_over(closed(case), successor, "Lần nữa", people["coordinator"])

    # An admin's correction of the process's data moves the case along with it.
    workflow.change_data(case.instance_id, people["coordinator"],
                         {"inspector": people["inspector"].username}, "Ông Tra quay lại")
    assert closed(case).inspector_id == people["inspector"].id
