"""Results: when the organiser closes attendance after the last session, each trainee with a
seat gets "hoàn thành" or "không hoàn thành" by the class's rule — present at 80 % of the
sessions or more by default, a setting of the class (the organisers' practice: no legal text
found sets the share, chưa đối chiếu văn bản). The organiser may change a result, saying why,
and the change is kept; closing the class sends each enrollment on from the diagram's
"Kết quả học tập" to "Cấp giấy chứng nhận" for those who completed."""

import re

from tests.journeys.walk import flashes, main_text
from tests.training.attendance_steps import (
    at,
    attend,
    attendance_url,
    class_with,
    close_attendance,
    close_class,
    registration_id_of,
    results,
    session_ids,
    utc,
)
from tests.training.steps import my_status

HUONG, AN, BA, VANG = "Đặng Thị Ngọc Hường", "Trương Văn Ẩn", "Lê Thị Ba", "Phạm Văn Vắng"


def _trainees(person):
    return {HUONG: person("hv.huong", "SCT", HUONG, "trainee"),
            AN: person("hv.an", "SNV", AN, "trainee"),
            BA: person("hv.ba", "STC", BA, "agency_staff"),
            VANG: person("hv.vang", "SYT", VANG, "trainee")}


def test_four_of_five_sessions_complete_at_80_percent_three_do_not(organiser, person, clock):
    trainees = _trainees(person)
    class_id = class_with(organiser, trainees.values())
    attend(organiser, clock, class_id, {HUONG: 4, AN: 3, BA: 5, VANG: 1})

    refused = close_attendance(organiser, class_id, expect=409)  # the last session is on
    assert "Chỉ kết thúc điểm danh sau khi buổi học cuối cùng đã kết thúc." in main_text(refused)
    at(clock, utc("18/03/2026", "14:00"))
    refused = close_class(organiser, class_id)
    assert "Cần kết thúc điểm danh trước" in " ".join(flashes(refused))
    refused = close_attendance(organiser, class_id, signer_name="", expect=409)
    assert "Nhập chức vụ và họ tên người ký giấy chứng nhận." in main_text(refused)

    landed = close_attendance(organiser, class_id)
    assert ("Đã kết thúc điểm danh: 2 học viên hoàn thành, 2 học viên không hoàn thành."
            in flashes(landed))
    assert results(organiser, class_id) == {
        HUONG: "4/5 Hoàn thành", AN: "3/5 Không hoàn thành", BA: "5/5 Hoàn thành",
        VANG: "1/5 Không hoàn thành"}
    assert "Kết quả: Hoàn thành · có mặt 4/5 buổi" in my_status(trainees[HUONG], "TTDN-2026-01")
    assert "Kết quả: Không hoàn thành · có mặt 3/5 buổi" in my_status(trainees[AN],
                                                                     "TTDN-2026-01")


def test_the_rule_is_a_setting_of_the_class(organiser, person, clock):
    """At 60 %, three sessions of five complete."""
    trainees = _trainees(person)
    class_id = class_with(organiser, [trainees[AN], trainees[VANG]])
    attend(organiser, clock, class_id, {AN: 3, VANG: 2})
    at(clock, utc("18/03/2026", "14:00"))
    close_attendance(organiser, class_id, min_percent="60")
    assert results(organiser, class_id) == {AN: "3/5 Hoàn thành", VANG: "2/5 Không hoàn thành"}
    assert "Hoàn thành khi có mặt từ 60% số buổi học trở lên" in main_text(
        organiser.get(attendance_url(class_id)))


def test_an_override_needs_a_reason_is_kept_and_closing_the_class_issues_certificates(
        organiser, person, clock):
    trainees = _trainees(person)
    class_id = class_with(organiser, trainees.values())
    attend(organiser, clock, class_id, {HUONG: 4, AN: 3, BA: 5, VANG: 1})
    at(clock, utc("18/03/2026", "14:00"))
    close_attendance(organiser, class_id)
    tick_url = f"/training/classes/{class_id}/sessions/{session_ids(organiser, class_id)[0]}"
    assert "Lớp đã kết thúc điểm danh." in main_text(organiser.get(f"{tick_url}/attendance"))

    an = registration_id_of(organiser, class_id, AN)
    override = f"/training/registrations/{an}/result"
    landed = organiser.post(override, {"result": "completed", "reason": " "},
                            page=attendance_url(class_id))
    assert "Chọn kết quả và nêu lý do điều chỉnh." in flashes(landed)
    reason = "Vắng buổi 4 vì làm nhiệm vụ tiếp khách quốc tế theo Giấy mời số 12/GM-UBND"
    landed = organiser.post(override, {"result": "completed", "reason": reason},
                            page=attendance_url(class_id))
    assert f"Đã điều chỉnh kết quả của {AN}: Hoàn thành." in flashes(landed)
    assert results(organiser, class_id)[AN] == \
        f"3/5 Hoàn thành đơn vị tổ chức điều chỉnh: {reason}"
    trail = re.search(r'<ul class="list-unstyled result-changes">(.*?)</ul>',
                      organiser.get(attendance_url(class_id)), re.S)[1]
    assert f"Trần Thị Điều: Không hoàn thành → Hoàn thành ({reason})" in main_text(
        f"<main>{trail}</main>")

    landed = close_class(organiser, class_id)
    assert "Đã kết thúc lớp TTDN-2026-01." in flashes(landed)
    numbers = {}
    for name in (HUONG, AN, BA):
        status = my_status(trainees[name], "TTDN-2026-01")
        found = re.search(r"Tải giấy chứng nhận số (GCN-2026-\d{4}-[A-Z0-9]{6}) \(PDF\)", status)
        assert found, status
        numbers[name] = found[1]
    assert sorted(n[:13] for n in numbers.values()) == \
        ["GCN-2026-0001", "GCN-2026-0002", "GCN-2026-0003"]
    assert "Tải giấy chứng nhận" not in my_status(trainees[VANG], "TTDN-2026-01")
    assert results(organiser, class_id)[HUONG] == f"4/5 Hoàn thành {numbers[HUONG]}"


