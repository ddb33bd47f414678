"""The organiser postpones a class with new dates, or cancels it with a reason: everyone
registered is told (app.notifications); a cancelled class's registrations and enrollments
end. A postponed class reminds its trainees by its new dates."""

from datetime import datetime

from app.workflow.cli import _run_once
from tests.journeys.walk import main_text
from tests.training.steps import my_status, open_class, register, roster, session_fields


def test_a_postponed_class_tells_everyone_and_reminds_by_its_new_dates(
        organiser, person, clock):
    class_id = open_class(organiser, capacity="1")
    first = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    second = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    register(first, class_id)
    register(second, class_id)
    url = f"/training/classes/{class_id}/postpone"
    page = f"/training/classes/{class_id}/registrations"
    refused = organiser.post(url, session_fields([("12/03/2026", "08:00", "11:30")]),
                             page=page, expect=400)  # earlier is no postponement
    assert "Lớp lùi lịch phải bắt đầu muộn hơn lịch cũ." in main_text(refused)
    organiser.post(url, {**session_fields([("23/03/2026", "08:00", "11:30"),
                                           ("24/03/2026", "13:30", "17:00")]),
                         "note": "Lùi lịch do trùng kỳ họp HĐND tỉnh."}, page=page)

    for trainee in (first, second):
        assert any("lùi lịch: khai giảng ngày 23/03/2026" in n.text
                   and "trùng kỳ họp HĐND tỉnh" in n.text for n in trainee.notices())
    assert "Lùi lịch" in main_text(first.get(f"/training/classes/{class_id}"))
    clock.current = datetime(2026, 3, 12, 1, 5)  # the old reminder's moment: nothing now
    _run_once()
    assert not any("Nhắc lịch" in n.text for n in first.notices())
    clock.current = datetime(2026, 3, 19, 1, 5)  # two working days before Monday 23/03
    _run_once()
    assert any("Nhắc lịch" in n.text and "23/03/2026" in n.text for n in first.notices())


def test_a_cancelled_class_ends_every_registration_and_tells_everyone(organiser, person):
    class_id = open_class(organiser, capacity="1")
    first = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    second = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    register(first, class_id)
    register(second, class_id)
    url = f"/training/classes/{class_id}/cancel"
    page = f"/training/classes/{class_id}/registrations"
    refused = organiser.post(url, {"reason": "  "}, page=page, expect=400)
    assert "Lý do" in main_text(refused) and "Đang mở" in main_text(refused)

    organiser.post(url, {"reason": "Giảng viên bận công tác đột xuất"}, page=page)
    for trainee in (first, second):
        assert "Đã hủy" in my_status(trainee, "TTDN-2026-01")
        assert any("bị hủy. Lý do: Giảng viên bận công tác đột xuất" in n.text
                   for n in trainee.notices())
    assert roster(organiser, class_id) == [
        "Nguyễn Thị Một Sở Công Thương Đã hủy Giảng viên bận công tác đột xuất",
        "Trần Văn Hai Sở Nội vụ Đã hủy Giảng viên bận công tác đột xuất"]
    page = first.get(f"/training/classes/{class_id}")
    assert "Đã hủy: Giảng viên bận công tác đột xuất" in main_text(page)
    assert "/register" not in page  # nobody registers for a cancelled class
    # The waiting one's enrollment ended too: no seat will be offered, no step waits.
    assert second.inbox() == []
