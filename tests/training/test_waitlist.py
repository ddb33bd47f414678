"""A full class: later registrations wait in the order they became eligible; a withdrawal
offers the seat at once to the first who waits, with a deadline to confirm (a setting, in
working days); past it the next moves up. Timers fire through the worker's own function on a
controlled clock. Seats are never oversold: each path goes through seats.py."""

import re
from datetime import datetime

from app.extensions import db
from app.workflow.cli import _run_once
from modules.training.models import Registration
from tests.conftest import post_form
from tests.journeys.walk import main_text
from tests.training.steps import my_status, open_class, register, roster

CONFIRM = "Xác nhận tham gia lớp học"


def withdraw(trainee, code: str) -> str:
    page = trainee.get("/training/my")
    ids = re.findall(r'action="/training/registrations/(\d+)/withdraw"', page)
    assert len(ids) == 1, ids
    return trainee.post(f"/training/registrations/{ids[0]}/withdraw", page="/training/my")


def test_a_withdrawal_offers_the_seat_and_a_missed_deadline_moves_the_next_up(
        organiser, person, clock):
    class_id = open_class(organiser, capacity="1")
    first = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    second = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    third = person("hv.ba", "STC", "Lê Thị Ba", "trainee")
    register(first, class_id)
    landed = register(second, class_id)
    assert "thứ tự 1 trong danh sách chờ" in main_text(landed)
    register(third, class_id)
    assert "Đã đủ chỗ · 2 người chờ" in main_text(third.get("/training/"))
    assert "thứ tự 2 trong danh sách chờ" in main_text(third.get(f"/training/classes/{class_id}"))

    withdraw(first, "TTDN-2026-01")  # Monday 02/03: Trần Văn Hai is offered the seat at once
    assert "Đã rút đăng ký" in my_status(first, "TTDN-2026-01")
    assert "Được mời vào lớp" in my_status(second, "TTDN-2026-01")
    assert any("có chỗ trống" in n.text and "trước hết ngày 04/03/2026" in n.text
               for n in second.notices())
    assert second.waiting(CONFIRM, "TTDN-2026-01")
    assert "Trong danh sách chờ" in my_status(third, "TTDN-2026-01")

    clock.current = datetime(2026, 3, 4, 16, 0)  # Wednesday 23:00: still in time
    _run_once()
    assert "Được mời vào lớp" in my_status(second, "TTDN-2026-01")
    clock.current = datetime(2026, 3, 4, 17, 30)  # Thursday 00:30: the deadline has passed
    _run_once()
    assert "Hết hiệu lực" in my_status(second, "TTDN-2026-01")
    assert second.inbox() == []
    assert any("không xác nhận tham gia" in n.text for n in second.notices())
    assert any("trước hết ngày 09/03/2026" in n.text for n in third.notices())  # Thu + 2 wd

    third.fill(third.waiting(CONFIRM, "TTDN-2026-01"), {"accept_seat": "accept"})
    assert "Đã xác nhận chỗ" in my_status(third, "TTDN-2026-01")
    assert [row.split(" Sở")[0] for row in roster(organiser, class_id)] == [
        "3 Lê Thị Ba", "Nguyễn Thị Một", "Trần Văn Hai"]


def test_one_who_gives_up_the_offered_seat_passes_it_on(organiser, person):
    class_id = open_class(organiser, capacity="1")
    first = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    second = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    third = person("hv.ba", "STC", "Lê Thị Ba", "trainee")
    for trainee in (first, second, third):
        register(trainee, class_id)
    withdraw(first, "TTDN-2026-01")
    second.fill(second.waiting(CONFIRM), {"accept_seat": "decline"})
    assert "Đã rút đăng ký" in my_status(second, "TTDN-2026-01")
    assert third.waiting(CONFIRM)


def test_the_confirmed_are_reminded_two_working_days_before_the_first_session(
        organiser, person, clock):
    class_id = open_class(organiser)
    trainee = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    register(trainee, class_id)
    clock.current = datetime(2026, 3, 11, 23, 0)  # Thursday 12/03, 06:00
    _run_once()
    assert not any("Nhắc lịch" in n.text for n in trainee.notices())
    clock.current = datetime(2026, 3, 12, 1, 5)  # 08:05, two working days before Monday 16/03
    _run_once()
    reminders = [n.text for n in trainee.notices() if "Nhắc lịch" in n.text]
    assert reminders == ["Nhắc lịch: lớp TTDN-2026-01 · Kỹ năng thông tin đối ngoại cho cán bộ "
                         "cấp xã khai giảng ngày 16/03/2026 lúc 08:00, tại Hội trường Sở Thông "
                         "tin và Truyền thông."]


def test_an_admin_terminating_an_enrollment_frees_its_seat(organiser, person, admin_client):
    class_id = open_class(organiser, capacity="1")
    first = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    second = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    register(first, class_id)
    register(second, class_id)
    instance_id = db.session.scalar(db.select(Registration.instance_id).where(
        Registration.status == "confirmed"))
    response = post_form(admin_client, f"/admin/instances/{instance_id}/terminate")
    assert response.status_code in (302, 303), response.status_code
    assert "Đã hủy" in my_status(first, "TTDN-2026-01")
    assert second.waiting(CONFIRM)


def test_the_organiser_frees_and_adds_seats_and_the_waiting_list_moves_up(organiser, person):
    class_id = open_class(organiser, capacity="1")
    people = [person(f"hv.{n}", "SNV", name, "trainee") for n, name in
              enumerate(("Nguyễn Thị Một", "Trần Văn Hai", "Lê Thị Ba", "Phạm Văn Bốn"))]
    for trainee in people:
        register(trainee, class_id)
    roster_url = f"/training/classes/{class_id}/registrations"
    first = re.search(r'action="/training/registrations/(\d+)/remove"', organiser.get(roster_url))
    organiser.post(f"/training/registrations/{first[1]}/remove",
                   {"remove-reason": "Không đúng đối tượng của lớp"}, page=roster_url)
    removed = my_status(people[0], "TTDN-2026-01")
    assert f"Đã hủy — do {organiser.user.full_name} thực hiện, 02/03/2026 09:00" in removed
    assert any("Không đúng đối tượng của lớp" in n.text for n in people[0].notices())
    assert people[1].waiting(CONFIRM)

    page = organiser.get(f"/training/classes/{class_id}/edit")
    organiser.post(f"/training/classes/{class_id}/edit", {"capacity": "0"}, expect=400)
    organiser.post(f"/training/classes/{class_id}/edit", {"capacity": "3"},
                   page=f"/training/classes/{class_id}/edit")
    assert "Hội trường" in page
    assert people[2].waiting(CONFIRM) and people[3].waiting(CONFIRM)
    refused = organiser.post(f"/training/classes/{class_id}/edit", {"capacity": "2"},
                             expect=400)
    assert "Lớp đã có 3 người giữ chỗ" in main_text(refused)
