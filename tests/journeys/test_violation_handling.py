"""Violation handling (violation_handling.bpmn, plan item 2.3), every branch walked through
the pages by the coordinator and the inspector, each acting as themselves: the coordinator
records the case and gives it to an inspector by name; no violation closes it; a violation
goes to the record (biên bản), the sanction decision of the official with sanctioning
competence (NĐ 119/2020/NĐ-CP; not the coordinator's), delivery and
compliance, or enforcement when it is not complied with; a case beyond our authority is
referred and followed up; a missed statutory limit warns the inspector and the coordinator.

The branch with an extension of the decision, then delivery and compliance, with what each
step shows of the case, is tests/plan/test_violation_pages.py."""

import re
from datetime import datetime

import pytest

from app.workflow.cli import _run_once
from tests.journeys.walk import main_text, option_value, text_of

PDF = b"%PDF-1.4\n% anh chup man hinh\n"
VERIFY, RECORD, DECISION = ("Xác minh vụ việc", "Lập biên bản vi phạm hành chính",
                            "Ra quyết định xử phạt")
DELIVER, COMPLY, ENFORCE = ("Giao quyết định xử phạt", "Theo dõi chấp hành quyết định",
                            "Cưỡng chế thi hành quyết định")
REFER, FOLLOW = ("Chuyển hồ sơ cơ quan có thẩm quyền",
                 "Theo dõi kết quả xử lý của cơ quan có thẩm quyền")


@pytest.fixture
def people(shipped, person, coordinator, clock):
    clock.current = datetime(2026, 3, 2, 2, 0)  # Monday 02/03/2026, 09:00
    return {"coordinator": coordinator,
            "inspector": person("thanh.tra", "STTTT", "Lý Thanh Tra"),
            "official": person("xu.phat", "STTTT", "Hoàng Minh Phán", "sanctioning_official")}


def record_case(coordinator, subject: str, channel: str = "") -> tuple[str, str]:
    """The coordinator records a case on the intake page and gives it to Lý Thanh Tra;
    returns the case's page and its number."""
    page = coordinator.get("/plan/violations/new")
    inspector = option_value(page, "inspector", "Lý Thanh Tra")
    landed = coordinator.post("/plan/violations/new", {
        "subject": subject, "channel": channel, "inspector": inspector,
        "description": "Đăng tải thông tin sai lệch về hình ảnh tỉnh Quảng Ngãi"},
        page="/plan/violations/new", content_type="multipart/form-data")
    number = re.search(r"VP-2026-\d{3}", main_text(landed))[0]
    return coordinator.landed_url, number


def verify(inspector, number: str, finding: str, text: str, expect: int = 302, **more):
    """The inspector finds the case in their own steps (given to them by name)."""
    row = inspector.waiting(VERIFY, number)
    assert row in inspector.inbox(status="mine")
    return inspector.fill(row, {"finding": finding, "findings_text": text, **more}, expect=expect)


def test_the_intake_asks_who_handles_the_case_and_keeps_what_was_typed(people):
    coordinator = people["coordinator"]
    page = coordinator.get("/plan/violations/new")
    assert re.search(r'<select[^>]*name="inspector"[^>]*>\s*<option selected value="">'
                     r"— Chọn —</option>", page), "a person is chosen, not the first one"

    refused = coordinator.post("/plan/violations/new", {
        "subject": "Trang tin điện tử X", "description": "Đăng tin sai lệch"},
        page="/plan/violations/new", expect=400)
    assert "Hãy chọn thanh tra viên xử lý vụ việc." in main_text(refused)
    assert 'value="Trang tin điện tử X"' in refused
    assert "VP-2026-001" not in coordinator.get("/plan/violations/")  # nothing recorded


def test_a_case_without_a_violation_is_closed(people):
    coordinator, inspector = people["coordinator"], people["inspector"]
    case, number = record_case(coordinator, "Tài khoản Facebook Y", "https://mxh.example/y")
    # The record is due 3 working days from discovery, and verifying is part of it (NĐ
    # 118/2021/NĐ-CP Đ.12, sửa đổi bởi NĐ 68/2025/NĐ-CP).
    assert f"Đang ở bước: {VERIFY} (hạn 05/03/2026" in main_text(coordinator.get(case))

    verify(inspector, number, "finding_none", "Thông tin đúng sự thật, không có vi phạm")

    assert inspector.inbox() == []
    page = main_text(coordinator.get(case))
    assert "Đã đóng: không vi phạm" in page
    register = main_text(coordinator.get("/plan/violations/?status=no_violation"))
    assert number in register and "Tài khoản Facebook Y" in register


def test_a_sanction_not_complied_with_is_enforced(people, clock):
    coordinator, inspector = people["coordinator"], people["inspector"]
    case, number = record_case(coordinator, "Công ty TNHH Truyền thông Z")

    sent = verify(inspector, number, "finding_sanction", "Bài viết sai sự thật")
    assert any(RECORD in told for told in sent.told), sent.told
    inspector.fill(inspector.waiting(RECORD, number), {
        "record_number": "03/BB-VPHC", "record_date": "03/03/2026",
        "violator": "Công ty TNHH Truyền thông Z", "violation_act": "Đăng tin sai sự thật"})
    assert inspector.inbox() == []  # the decision is the sanctioning official's
    assert coordinator.inbox() == []  # not the coordinator's
    official = people["official"]

    sent = official.fill(official.waiting(DECISION, number), {
        "decision_action": "decide_issue", "decision_number": "07/QĐ-XPVPHC",
        "decision_date": "05/03/2026", "fine_amount": "12500000"})
    assert "Số biên bản 03/BB-VPHC" in sent.panel
    sent = inspector.fill(inspector.waiting(DELIVER, number), {
        "delivered_on": "06/03/2026", "delivery_method": "Gửi bưu điện bảo đảm"})
    assert "Số tiền phạt (đồng) 12.500.000" in sent.panel

    # Ten days after delivery the fine is still unpaid: enforcement.
    clock.current = datetime(2026, 3, 17, 2, 0)
    sent = inspector.fill(inspector.waiting(COMPLY, number), {
        "complied": "complied_no", "compliance_notes": ""})
    assert sent.offered["field_complied"] == ""
    sent = official.fill(official.waiting(ENFORCE, number), {
        "enforcement_number": "02/QĐ-CC", "enforcement_date": "18/03/2026",
        "enforcement_measures": "Khấu trừ một phần lương hoặc thu nhập"})
    assert "Chấp hành Không tự nguyện chấp hành" in sent.panel
    assert "Ghi chú" not in sent.panel  # left blank, not shown as said

    assert official.inbox() == [] and inspector.inbox() == []
    text = main_text(coordinator.get(case))
    assert "Đã đóng: đã cưỡng chế" in text
    assert "Số quyết định cưỡng chế 02/QĐ-CC" in text and "Biện pháp cưỡng chế" in text


def test_a_case_beyond_our_authority_is_referred_and_followed_up(people, clock):
    coordinator, inspector = people["coordinator"], people["inspector"]
    case, number = record_case(coordinator, "Nhóm Zalo W")

    # Referring says to whom: the page says so next to the box, and keeps what was typed.
    refused = verify(inspector, number, "finding_refer", "Có dấu hiệu tội phạm",
                     referral_agency="", expect=400)
    assert "Cơ quan có thẩm quyền (khi chuyển)" in text_of(refused.landed)
    assert "Trường này là bắt buộc." in text_of(refused.landed)
    assert "Có dấu hiệu tội phạm" in refused.landed
    verify(inspector, number, "finding_refer", "Có dấu hiệu tội phạm",
           referral_agency="Công an tỉnh Quảng Ngãi")

    sent = inspector.fill(inspector.waiting(REFER, number), {
        "referral_number": "45/STTTT-TTra", "referral_date": "03/03/2026"})
    assert "Cơ quan có thẩm quyền (khi chuyển) Công an tỉnh Quảng Ngãi" in sent.panel
    clock.current = datetime(2026, 3, 30, 2, 0)
    row = inspector.waiting(FOLLOW, number)
    assert "Hạn xử lý 02/04/2026" in row.line  # thirty days from the referral
    sent = inspector.fill(row, {"referral_result": "Công an tỉnh đã thụ lý, đang điều tra"})
    assert "Số văn bản chuyển 45/STTTT-TTra" in sent.panel

    assert "Đã đóng: đã chuyển cơ quan có thẩm quyền" in main_text(coordinator.get(case))


def test_a_missed_limit_warns_the_inspector_and_the_coordinator(people, clock):
    coordinator, inspector = people["coordinator"], people["inspector"]
    case, number = record_case(coordinator, "Trang tin điện tử V")
    verify(inspector, number, "finding_sanction", "Có vi phạm")
    row = inspector.waiting(RECORD, number)
    assert "Hạn xử lý 05/03/2026" in row.line  # three working days from discovery

    clock.current = datetime(2026, 3, 6, 1, 30)  # Friday 08:30: the record is late
    _run_once()
    late = f"Lập biên bản quá hạn: {number} · Trang tin điện tử V: Đăng tải thông tin sai lệch"
    [told] = [n for n in inspector.notices() if n.kind == "Quá hạn (chưa đọc)"]
    assert told.text.startswith(late)
    assert f'href="/tasks/{row.id}"' in inspector.get("/tasks?status=overdue")
    # The coordinator is warned, and the warning waits unread though the inspector holds
    # the step: it is about the inspector being late.
    [warned] = [n for n in coordinator.notices() if n.kind.startswith("Báo cáo lãnh đạo")]
    assert warned.kind.endswith("(chưa đọc)") and warned.text.startswith(late)
    assert coordinator.client.get(warned.link).headers["Location"] == row.url
    page = main_text(coordinator.get(row.url))  # to read, and to hand on if need be
    assert "Lý Thanh Tra đã nhận xử lý bước này." in page and "Quá hạn" in page
    assert "Thu hồi việc của Lý Thanh Tra" in page and "Chuyển cho đồng nghiệp" in page
    assert "Quá thời hạn (Lập biên bản vi phạm hành chính)" in main_text(coordinator.get(case))

    # Late, the record is made all the same, and the case goes on.
    inspector.fill(inspector.waiting(RECORD, number), {
        "record_number": "05/BB-VPHC", "record_date": "06/03/2026",
        "violator": "Ông Nguyễn Văn V", "violation_act": "Đăng tin sai sự thật"})
    assert people["official"].waiting(DECISION, number)
