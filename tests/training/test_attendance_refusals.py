"""Who may take attendance, change results and print the lists: whoever manages the class's
course (its organising agency, the coordinator, an admin), checked on the server for every
action; a trainee, or the staff of another agency, is refused (403)."""

import re

import pytest

from tests.conftest import post_form
from tests.training.attendance_steps import (
    attendance_url,
    class_with,
    during,
    session_ids,
)


@pytest.fixture
def running(organiser, person, clock):
    trainee = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    class_id = class_with(organiser, [trainee])
    during(clock, 0)
    return trainee, class_id, session_ids(organiser, class_id)[0]


@pytest.mark.parametrize("who", ["trainee", "other agency's staff"])
def test_only_who_manages_the_class_takes_attendance_and_prints(running, person, organiser,
                                                                who):
    trainee, class_id, session_id = running
    someone = trainee if who == "trainee" else person("cv.snv", "SNV", "Võ Văn Khác")
    client = someone.client
    base = f"/training/classes/{class_id}"
    for url in (attendance_url(class_id), f"{base}/sessions/{session_id}/attendance",
                f"{base}/sessions/{session_id}/code", f"{base}/attendance-sheet.pdf",
                f"{base}/completion-list.pdf", f"{base}/class-list.xlsx"):
        assert client.get(url).status_code == 403, url
    registration_id = registration_id_of_trainee(organiser, class_id)
    for url, data in ((f"{base}/sessions/{session_id}/attendance", {"present": "1"}),
                      (f"{base}/attendance/rule", {"min_percent": "10", "close": "1"}),
                      (f"/training/registrations/{registration_id}/result",
                       {"result": "completed", "reason": "Tự chấm"})):
        assert post_form(client, url, data).status_code == 403, url
    tick_list = organiser.get(f"{base}/sessions/{session_id}/attendance")
    assert " checked" not in tick_list  # nobody was ticked by the refused requests
    assert "Kết thúc điểm danh và tính kết quả" in organiser.get(attendance_url(class_id))


def registration_id_of_trainee(organiser, class_id) -> int:
    """Before results exist the override form is not shown: read the id off the tick list."""
    page = organiser.get(f"/training/classes/{class_id}/sessions/"
                         f"{session_ids(organiser, class_id)[0]}/attendance")
    return int(re.search(r'name="present" value="(\d+)"', page)[1])


def test_signed_out_the_attendance_pages_ask_to_sign_in(running, app):
    _, class_id, _ = running
    response = app.test_client().get(attendance_url(class_id))
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    response = app.test_client().get("/training/checkin")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


