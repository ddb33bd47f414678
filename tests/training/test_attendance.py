"""Attendance per session: the organiser ticks the list of trainees holding a seat; a trainee
checks in on their phone with the code shown in the room, only while the session runs (its
start to its end, Quảng Ngãi's time, on the controlled clock). Each step is a page, served
from the database afresh."""

import re

from modules.training import qr
from tests.journeys.walk import flashes, main_text
from tests.training.attendance_steps import (
    check_in,
    class_with,
    code_shown,
    during,
    session_ids,
    tick,
    ticked,
    utc,
)


def test_the_organiser_ticks_who_was_present_at_each_session(organiser, person, clock):
    mot = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    hai = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    class_id = class_with(organiser, [mot, hai])
    first, second, *_ = session_ids(organiser, class_id)

    refused = tick(organiser, class_id, first, [], expect=400)  # Monday 02/03: not begun
    assert "Buổi học chưa bắt đầu" in main_text(refused)

    during(clock, 0)
    landed = tick(organiser, class_id, first, ["Nguyễn Thị Một", "Trần Văn Hai"])
    assert "Đã lưu điểm danh buổi ngày 16/03/2026: 2 học viên có mặt." in flashes(landed)
    assert ticked(organiser, class_id, first) == ["Trần Văn Hai", "Nguyễn Thị Một"]  # by tên
    tick(organiser, class_id, first, ["Trần Văn Hai"])  # a mistake corrected
    assert ticked(organiser, class_id, first) == ["Trần Văn Hai"]
    assert ticked(organiser, class_id, second) == []
    rows = re.findall(r'<tr class="session-row">(.*?)</tr>', organiser.get(
        f"/training/classes/{class_id}/attendance"), re.S)
    assert [re.search(r"<td>(\d+/\d+)</td>", row)[1] for row in rows] == \
        ["1/2", "0/2", "0/2", "0/2", "0/2"]


def test_a_trainee_checks_in_with_the_code_only_while_the_session_runs(
        organiser, person, clock):
    mot = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    khach = person("hv.khach", "STC", "Lê Văn Khách", "agency_staff")  # no seat in the class
    class_id = class_with(organiser, [mot])
    first, second, *_ = session_ids(organiser, class_id)
    code = code_shown(organiser, class_id, first)
    assert code == code_shown(organiser, class_id, first)  # the same code all session
    assert code != code_shown(organiser, class_id, second)

    clock.current = utc("16/03/2026", "07:59")
    early = check_in(mot, code, expect=400)
    assert "Buổi học ngày 16/03/2026 bắt đầu lúc 08:00, chưa đến giờ điểm danh." in \
        main_text(early)

    clock.current = utc("16/03/2026", "08:00")
    wrong = check_in(mot, "ZZZZZZ" if code != "ZZZZZZ" else "YYYYYY", expect=400)
    assert "Mã điểm danh không đúng" in main_text(wrong)
    stranger = check_in(khach, code, expect=400)
    assert "Đồng chí chưa được xác nhận chỗ trong lớp TTDN-2026-01." in main_text(stranger)
    landed = check_in(mot, f" {code.lower()} ")  # typed on a phone: small letters, spaces
    assert "Đã điểm danh: lớp TTDN-2026-01, buổi học ngày 16/03/2026." in flashes(landed)
    assert ticked(organiser, class_id, first) == ["Nguyễn Thị Một"]
    check_in(mot, code)  # twice is once
    assert ticked(organiser, class_id, first) == ["Nguyễn Thị Một"]

    clock.current = utc("16/03/2026", "11:30")  # the session's end: the code has expired
    late = check_in(mot, code_shown(organiser, class_id, second), expect=400)
    assert "bắt đầu lúc 13:30" in main_text(late)
    expired = check_in(mot, code, expect=400)
    assert ("Buổi học ngày 16/03/2026 đã kết thúc lúc 11:30, mã điểm danh hết hiệu lực."
            in main_text(expired))


def test_the_projected_page_shows_the_code_and_a_qr_code_of_the_check_in_page(
        organiser, person, clock):
    mot = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    class_id = class_with(organiser, [mot])
    first = session_ids(organiser, class_id)[0]
    code = code_shown(organiser, class_id, first)
    page = organiser.get(f"/training/classes/{class_id}/sessions/{first}/code")
    link = f"http://localhost/training/checkin?code={code}"
    assert str(qr.svg(link)) in page  # the QR code reads the check-in link, code filled in
    during(clock, 0)
    landed = mot.get(f"/training/checkin?code={code}")  # what scanning it opens
    assert f'value="{code}"' in landed
    landed = mot.post("/training/checkin", page=f"/training/checkin?code={code}")
    assert "Đã điểm danh: lớp TTDN-2026-01, buổi học ngày 16/03/2026." in flashes(landed)


def test_a_trainee_who_tries_code_after_code_waits(organiser, person, clock):
    mot = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    class_with(organiser, [mot])
    during(clock, 0)
    for attempt in range(10):
        check_in(mot, f"AAAA{attempt:02d}", expect=400)
    refused = check_in(mot, "AAAA99", expect=400)
    assert "Nhập sai mã quá nhiều lần, vui lòng thử lại sau 10 phút." in main_text(refused)

