"""Plan items 1.2 and 5.2 (Kế hoạch 116/KH-UBND): the coordinator organises classes on
foreign information work; officials register on their phones. Walked through the pages,
each person in their own browser, with a fresh load from the database between steps."""

import re

from icalendar import Calendar

from tests.journeys.walk import flashes, main_text
from tests.training.steps import (
    create_class,
    create_course,
    my_status,
    open_class,
    publish,
    register,
    roster,
)


def test_the_organiser_publishes_a_class_and_an_official_registers_in_two_taps(
        organiser, person):
    course_id = create_course(organiser)
    class_id = create_class(organiser, course_id, capacity="2")
    trainee = person("hoc.vien", "SCT", "Đặng Thị Học", "trainee")
    assert "TTDN-2026-01" not in main_text(trainee.get("/training/"))  # a draft is nobody's
    assert trainee.client.get(f"/training/classes/{class_id}").status_code == 404

    landed = publish(organiser, class_id)
    assert "Đã đăng" in " ".join(flashes(landed)) or "TTDN-2026-01" in main_text(landed)

    listed = main_text(trainee.get("/training/"))
    assert "Kỹ năng thông tin đối ngoại cho cán bộ cấp xã" in listed
    assert "16/03/2026–17/03/2026" in listed
    landed = register(trainee, class_id)
    assert my_status(trainee, "TTDN-2026-01")
    assert "Đã xác nhận chỗ" in main_text(landed)
    assert roster(organiser, class_id) == ["1 Đặng Thị Học Sở Công Thương Đã xác nhận chỗ"]


def test_the_class_sessions_come_as_a_calendar_file(organiser, person):
    class_id = open_class(organiser)
    trainee = person("hoc.vien", "SCT", "Đặng Thị Học", "trainee")
    response = trainee.client.get(f"/training/classes/{class_id}/calendar.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    events = [c for c in Calendar.from_ical(response.data).walk("VEVENT")]
    assert [(str(e["dtstart"].dt), str(e["location"])) for e in events] == [
        ("2026-03-16 08:00:00+07:00", "Hội trường Sở Thông tin và Truyền thông"),
        ("2026-03-17 13:30:00+07:00", "Hội trường Sở Thông tin và Truyền thông")]


def test_a_double_submit_makes_one_registration(organiser, person):
    class_id = open_class(organiser)
    trainee = person("hoc.vien", "SCT", "Đặng Thị Học", "trainee")
    page = trainee.get(f"/training/classes/{class_id}")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    first = trainee.client.post(f"/training/classes/{class_id}/register",
                                data={"csrf_token": token})
    second = trainee.client.post(f"/training/classes/{class_id}/register",
                                 data={"csrf_token": token})
    assert first.status_code == 302 and second.status_code == 409
    assert "đã đăng ký lớp này" in main_text(second.get_data(as_text=True))
    assert len(roster(organiser, class_id)) == 1


def test_a_trainee_lands_on_the_training_classes(organiser, person):
    trainee = person("hoc.vien", "SCT", "Đặng Thị Học", "trainee")
    response = trainee.client.get("/")
    assert response.status_code == 302 and response.headers["Location"] == "/training/"
    staff = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    assert staff.client.get("/").status_code == 200


def test_the_coordinator_reaches_training_from_the_home_page(organiser, person):
    """The coordinator's menu bar has no training entry (an admin's must fit one line):
    the home page's panel counts the classes open and leads to them."""
    open_class(organiser)
    coordinator = person("dieu.phoi.2", "STTTT", "Trần Văn Phối", "coordinator")
    page = coordinator.get("/")
    assert re.search(r'href="/training/">\s*<div class="card-body">\s*<div[^>]*>1</div>\s*'
                     r'<div class="text-body">Lớp bồi dưỡng đang nhận đăng ký', page)
    staff = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    nav = re.compile(r'<a class="nav-link"\s+href="/training/">Bồi dưỡng</a>')
    assert nav.search(staff.get("/")) and not nav.search(page)  # staff: in the menu bar
    assert "Tổ chức lớp bồi dưỡng" in main_text(coordinator.get("/training/"))
