"""What people may not do is refused on the server, with a clear answer and never a 500:
another's registration, another agency's class, the organiser's pages without the role;
and a form with bad input says what is wrong and keeps what was typed."""

import re

from tests.conftest import csrf_token
from tests.journeys.walk import main_text
from tests.training.steps import (
    create_class,
    create_course,
    open_class,
    register,
    session_fields,
)


def test_a_trainee_cannot_organise_or_touch_anothers_registration(organiser, person):
    class_id = open_class(organiser)
    trainee = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    other = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    register(trainee, class_id)
    mine = re.search(r"/training/registrations/(\d+)/withdraw", trainee.get("/training/my"))[1]

    for url in ("/training/organise", "/training/courses/new",
                f"/training/classes/{class_id}/registrations",
                f"/training/classes/{class_id}/edit", "/training/agency"):
        assert other.client.get(url).status_code == 403, url
    token = csrf_token(other.client)
    for url in (f"/training/registrations/{mine}/withdraw",
                f"/training/classes/{class_id}/publish", f"/training/classes/{class_id}/cancel",
                f"/training/registrations/{mine}/remove"):
        assert other.client.post(url, data={"csrf_token": token}).status_code == 403, url
    assert other.client.get(f"/training/registrations/{mine}/document").status_code == 404
    assert "Đã xác nhận chỗ" in main_text(trainee.get("/training/my"))  # untouched


def test_another_agencys_staff_do_not_manage_the_coordinators_class(organiser, person):
    class_id = open_class(organiser)
    staff = person("chuyen.vien", "SCT", "Phạm Thị Huyền")
    assert staff.client.get("/training/organise").status_code == 200  # their own courses
    assert "TTDN-2026-01" not in main_text(staff.get("/training/organise"))
    assert staff.client.get(f"/training/classes/{class_id}/registrations").status_code == 403


def test_a_class_open_to_chosen_agencies_refuses_the_others(organiser, person):
    course_id = create_course(organiser)
    page = organiser.get(f"/training/courses/{course_id}/classes/new")
    snv = re.search(r'value="(\d+)"[^>]*>\s*<label[^>]*>Sở Nội vụ</label>', page)[1]
    class_id = create_class(organiser, course_id, open_to_all="", agencies=[snv])
    organiser.post(f"/training/classes/{class_id}/publish",
                   page=f"/training/classes/{class_id}/registrations")
    outsider = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    insider = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    assert "TTDN-2026-01" not in main_text(outsider.get("/training/?status=all"))
    assert outsider.client.get(f"/training/classes/{class_id}").status_code == 404
    token = csrf_token(outsider.client)
    refused = outsider.client.post(f"/training/classes/{class_id}/register",
                                   data={"csrf_token": token})
    assert refused.status_code == 404
    register(insider, class_id)


def test_bad_class_input_is_told_and_nothing_is_saved(organiser):
    course_id = create_course(organiser)
    refused = create_class(organiser, course_id, code="", capacity="hai mươi", expect=400,
                           closes_on="01/03/2026", **session_fields([("16/03/2026", "", "")]))
    text = main_text(refused)
    assert "Nhập ngày, giờ bắt đầu và giờ kết thúc." in text
    assert 'value="Hội trường Sở Thông tin và Truyền thông"' in refused  # kept as typed
    refused = create_class(organiser, course_id, closes_on="01/03/2026", expect=400)
    assert "Ngày hết hạn đăng ký phải sau ngày bắt đầu nhận đăng ký." in main_text(refused)
    refused = create_class(organiser, course_id, expect=400,
                           **session_fields([("16/03/2026", "11:00", "08:00")]))
    assert "Giờ kết thúc buổi học phải sau giờ bắt đầu (ngày 16/03/2026)." in main_text(refused)
    refused = create_class(organiser, course_id, expect=400, sessions=())
    assert "Lớp phải có ít nhất một buổi học." in main_text(refused)
    assert "Chưa có lớp nào." in main_text(organiser.get(f"/training/courses/{course_id}"))
    create_class(organiser, course_id)
    refused = create_class(organiser, course_id, expect=400)
    assert "Mã lớp TTDN-2026-01 đã có lớp khác dùng." in main_text(refused)


def test_registration_is_refused_outside_its_window_with_the_reason(organiser, person, clock):
    from datetime import datetime

    class_id = open_class(organiser)
    trainee = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    clock.current = datetime(2026, 3, 14, 2, 0)  # Saturday after registration closed
    page = main_text(trainee.get(f"/training/classes/{class_id}"))
    assert "Lớp đã hết hạn đăng ký." in page
    token = csrf_token(trainee.client)
    refused = trainee.client.post(f"/training/classes/{class_id}/register",
                                  data={"csrf_token": token})
    assert refused.status_code == 409
    assert "Lớp đã hết hạn đăng ký." in main_text(refused.get_data(as_text=True))
