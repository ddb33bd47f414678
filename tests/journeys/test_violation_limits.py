"""A violation case through the pages within the time limits the law sets, across New Year
2026 (Friday 02/01 off, Saturday 10/01 worked: Công văn 12729/VPCP-KGVX ngày 25/12/2025) and
Tết Bính Ngọ (16/02–20/02/2026: Thông báo 9441/TB-BNV): the record on time, the decision by
the official with sanctioning competence, extended to 1 month and then to 2 months, each
with its reason, a further extension refused, delivery and compliance. Every step is sent
through the pages by the person who acts, each request served from a fresh load of the
database (tests/journeys/walk.py); the case page shows each time limit with its source."""

import re
from datetime import datetime

import pytest

from app.calendar.notices import seed_declared_days
from tests.journeys.walk import main_text, option_value, text_of
from tests.pages import form_values

VERIFY, RECORD, DECISION = ("Xác minh vụ việc", "Lập biên bản vi phạm hành chính",
                            "Ra quyết định xử phạt")
DELIVER, COMPLY = "Giao quyết định xử phạt", "Theo dõi chấp hành quyết định"
ND118 = "Nghị định 118/2021/NĐ-CP, Điều 12 (sửa đổi bởi Nghị định 68/2025/NĐ-CP)"
LAW = "Luật Xử lý vi phạm hành chính"


@pytest.fixture
def people(shipped, person, coordinator, clock):
    seed_declared_days()  # as `flask seed` does
    clock.current = datetime(2025, 12, 31, 2, 0)  # Wednesday 31/12/2025, 09:00
    return {"coordinator": coordinator,
            "inspector": person("thanh.tra", "STTTT", "Lý Thanh Tra"),
            "official": person("xu.phat", "STTTT", "Hoàng Minh Phán", "sanctioning_official")}


def limits(page: str) -> dict[str, str]:
    """The case page's table of time limits: {what: "until · done on · source"}."""
    table = page.split('id="deadlines"', 1)[1].split("</table>")[0]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*"
                      r"<td>(.*?)</td>", table, re.S)
    return {text_of(what): " · ".join(text_of(cell) for cell in rest)
            for what, *rest in rows}


def options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S)
    return [value for value in re.findall(r'value="([^"]*)"', select.group(1)) if value]


def test_a_sanction_within_the_laws_limits_across_new_year_and_tet(people, clock):
    """NĐ 118/2021/NĐ-CP Đ.12 (sửa đổi bởi NĐ 68/2025/NĐ-CP): the record within 3 working
    days of discovery. Luật Xử lý vi phạm hành chính Đ.66 k.1 (sửa đổi 2020): the decision
    within 7 working days of the record (điểm a), 1 month where the violator explains or
    facts are verified (điểm b, Đ.59, Đ.61), 2 months at most in a particularly serious and
    complex case (điểm c), each extension recorded with its reason; Đ.70: delivery within 2
    working days; Đ.73 k.1: compliance within 10 days of receipt; Đ.74 k.1: 1 year to
    execute; Đ.6 k.1 điểm a (sửa đổi bởi Luật 88/2025/QH15): 2 years to sanction in the
    press. Bộ luật Dân sự 2015 Đ.148 k.5: a period in days ending on a rest day ends on the
    next working day. The decision needs the role the admin grants to an official with
    sanctioning competence (NĐ 119/2020/NĐ-CP), not the plan coordinator."""
    coordinator, inspector, official = (people[key] for key in
                                        ("coordinator", "inspector", "official"))

    # The coordinator records what was discovered on 31/12/2025, in the press.
    page = coordinator.get("/plan/violations/new")
    coordinator.post("/plan/violations/new", {
        "received_on": "31/12/2025", "discovered_on": "31/12/2025", "ended_on": "",
        "sector": "press", "subject": "Báo điện tử Z", "channel": "https://bao-z.example/1",
        "inspector": option_value(page, "inspector", "Lý Thanh Tra"),
        "description": "Đăng bản đồ thể hiện sai chủ quyền biển, đảo"},
        page="/plan/violations/new", content_type="multipart/form-data")
    case = coordinator.landed_url
    shown = limits(coordinator.get(case))
    assert shown["Thời hiệu xử phạt"] == f"31/12/2027 · — · {LAW}, Điều 6 khoản 1"
    # 01/01 holiday, Friday 02/01 off by the notice, the weekend: 05, 06, 07/01.
    assert shown["Lập biên bản vi phạm, kể từ khi phát hiện vi phạm"] == \
        f"07/01/2026 · — · {ND118}"
    assert "Hạn xử lý 07/01/2026" in inspector.waiting(VERIFY).line

    # Monday 05/01: verified, and the record made on time.
    clock.current = datetime(2026, 1, 5, 2, 0)
    inspector.fill(inspector.waiting(VERIFY), {
        "finding": "finding_sanction", "findings_text": "Có vi phạm, thuộc thẩm quyền"})
    inspector.fill(inspector.waiting(RECORD), {
        "record_number": "01/BB-VPHC", "record_date": "05/01/2026", "violator": "Báo điện tử Z",
        "violation_act": "Đăng bản đồ sai chủ quyền"})
    shown = limits(coordinator.get(case))
    assert shown["Lập biên bản vi phạm, kể từ khi phát hiện vi phạm"].startswith(
        "07/01/2026 · 05/01/2026")
    # Seven working days with Saturday 10/01 worked: 06, 07, 08, 09, 10, 12, 13/01.
    assert shown["Ra quyết định xử phạt, kể từ ngày lập biên bản"] == \
        f"13/01/2026 · — · {LAW}, Điều 66 khoản 1 điểm a"

    # The decision is the sanctioning official's, not the coordinator's nor the inspector's.
    assert coordinator.inbox() == [] and inspector.inbox() == []
    row = official.waiting(DECISION)
    assert "Hạn xử lý 13/01/2026" in row.line

    # Monday 12/01: the violator asks to explain. An extension says why, or is refused.
    clock.current = datetime(2026, 1, 12, 2, 0)
    refused = official.fill(row, {"decision_action": "decide_extend",
                                  "extension_to": "extend_month", "extension_reason": ""},
                            expect=400)
    assert "Trường này là bắt buộc." in text_of(refused.landed)
    official.fill(official.waiting(DECISION), {
        "decision_action": "decide_extend", "extension_to": "extend_month",
        "extension_reason": "Ngày 09/01/2026 người vi phạm có văn bản yêu cầu giải trình"})
    page = coordinator.get(case)
    assert limits(page)["Ra quyết định xử phạt, đã gia hạn: giải trình hoặc xác minh tình "
                        "tiết"] == f"05/02/2026 · — · {LAW}, Điều 66 khoản 1 điểm b"
    assert "Ngày 09/01/2026 người vi phạm có văn bản yêu cầu giải trình" in main_text(page)

    # Wednesday 04/02: further facts to verify in a particularly serious case: 2 months.
    clock.current = datetime(2026, 2, 4, 2, 0)
    row = official.waiting(DECISION)
    assert "Hạn xử lý 05/02/2026" in row.line
    assert options(official.get(row.url), "field_extension_to") == ["extend_two_months"]
    official.fill(row, {"decision_action": "decide_extend", "extension_to": "extend_two_months",
                        "extension_reason": "Cần giám định bản đồ, vụ việc phức tạp"})
    page = coordinator.get(case)
    assert limits(page)["Ra quyết định xử phạt, đã gia hạn: vụ việc đặc biệt nghiêm trọng, "
                        "phức tạp (mức tối đa luật cho phép)"] == \
        f"05/03/2026 · — · {LAW}, Điều 66 khoản 1 điểm c"

    # Wednesday 11/02: two months is the most the law allows: no further extension.
    clock.current = datetime(2026, 2, 11, 2, 0)
    row = official.waiting(DECISION)
    step_page = official.get(row.url)
    assert options(step_page, "field_decision_action") == ["decide_issue"]
    assert "không thể gia hạn thêm" in main_text(step_page)
    forged = official.client.post(row.url, data={
        **form_values(step_page, row.url, row.url), "field_decision_action": "decide_extend",
        "field_extension_to": "extend_two_months", "field_extension_reason": "Xin thêm"})
    assert forged.status_code == 400
    assert "Lựa chọn không hợp lệ." in text_of(forged.get_data(as_text=True))
    assert official.waiting(DECISION).id == row.id  # still waiting, nothing recorded

    # Thursday 12/02, the eve of Tết: the decision is issued.
    clock.current = datetime(2026, 2, 12, 2, 0)
    official.fill(row, {"decision_action": "decide_issue", "decision_number": "03/QĐ-XPVPHC",
                        "decision_date": "12/02/2026", "fine_amount": "20000000"})
    shown = limits(coordinator.get(case))
    assert shown["Ra quyết định xử phạt, đã gia hạn: vụ việc đặc biệt nghiêm trọng, phức "
                 "tạp (mức tối đa luật cho phép)"].startswith("05/03/2026 · 12/02/2026")
    # Two working days: Friday 13/02, then Monday 23/02 after Tết.
    assert shown["Gửi quyết định xử phạt"] == f"23/02/2026 · — · {LAW}, Điều 70"
    assert shown["Thời hiệu thi hành quyết định xử phạt"] == \
        f"12/02/2027 · — · {LAW}, Điều 74 khoản 1"

    # Received the same day: ten days end on Sunday 22/02, so on Monday 23/02.
    inspector.fill(inspector.waiting(DELIVER), {"delivered_on": "12/02/2026",
                                                "delivery_method": "Giao trực tiếp"})
    assert "Hạn xử lý 23/02/2026" in inspector.waiting(COMPLY).line
    assert limits(coordinator.get(case))["Chấp hành quyết định xử phạt"] == \
        f"23/02/2026 · — · {LAW}, Điều 73 khoản 1"

    clock.current = datetime(2026, 2, 23, 2, 0)
    inspector.fill(inspector.waiting(COMPLY), {"complied": "complied_yes",
                                               "compliance_notes": "Đã nộp phạt"})
    assert "Đã đóng: đã xử phạt, đã chấp hành" in main_text(coordinator.get(case))


def test_the_settings_page_shows_each_limits_source_and_what_is_unconfirmed(people, person):
    """Every limit is a setting with its legal source beside it; a limit not confirmed in
    the text in force (Luật XLVPHC Đ.70 after Luật 88/2025/QH15; the referral; the
    follow-up) says so. No enforcement limit: no text sets one."""
    admin = person("quan.tri", "STTTT", "Nguyễn Văn Quản", "admin")
    page = admin.get("/plan/settings")

    def block(key):
        return text_of(page.split(f'id="limit-{key}"', 1)[1].split('class="limit"')[0])

    assert ND118 in block("record_days") and "ngày làm việc" in block("record_days")
    assert f"{LAW}, Điều 66 khoản 1 điểm c" in block("decision_months_max")
    assert f"{LAW}, Điều 74 khoản 1" in block("execution_years")
    assert "Điều 6 khoản 1 điểm a (sửa đổi bởi Luật 88/2025/QH15)" in block(
        "limitation_years_press")
    unconfirmed = {key for key in ("record_days", "record_days_long", "decision_days",
                                   "decision_days_transferred", "decision_months_explain",
                                   "decision_months_max", "delivery_days", "compliance_days",
                                   "execution_years", "limitation_years",
                                   "limitation_years_press", "referral_days", "follow_up_days")
                   if "chưa đối chiếu văn bản" in block(key)}
    assert unconfirmed == {"delivery_days", "referral_days", "follow_up_days"}
    assert "enforce_days" not in page and "cưỡng chế" not in main_text(page).lower()


def test_the_admin_grants_the_sanctioning_competence(people, person):
    """NĐ 119/2020/NĐ-CP: sanctioning competence is a role the admin grants a person."""
    admin = person("quan.tri", "STTTT", "Nguyễn Văn Quản", "admin")
    assert "Người có thẩm quyền xử phạt" in admin.get("/admin/users/new")
