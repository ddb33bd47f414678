"""A result corrected after the class is closed: the organiser still may, saying why (kept in
the trail), and the certificate follows — revoked when the trainee no longer completed (the
public check page then says it is not valid, no copy is handed out), issued when they now
did, standing again under its own number when corrected back. The trainee is told."""

import re
from datetime import timedelta

from tests.conftest import post_form
from tests.journeys.walk import flashes, main_text
from tests.training.attendance_steps import attendance_url, registration_id_of, results
from tests.training.steps import my_status
from tests.training.test_certificates import NAME, certified  # noqa: F401 - the fixture

REASON = "Phát hiện điểm danh nhầm buổi 2: học viên vắng, ký thay"
NUMBER = r"GCN-2026-\d{4}-[A-Z0-9]{6}"


def _correct(organiser, class_id: int, name: str, result: str, reason=REASON) -> str:
    registration = registration_id_of(organiser, class_id, name)
    return organiser.post(f"/training/registrations/{registration}/result",
                          {"result": result, "reason": reason}, page=attendance_url(class_id))


def test_a_result_corrected_after_closing_takes_the_certificate_with_it(
        certified, organiser, app, clock):  # noqa: F811 - the fixture imported above
    huong, hai, class_id = certified["huong"], certified["hai"], certified["class_id"]
    number, stranger = certified["number"], app.test_client()
    assert stranger.get(f"/gcn/{number}").status_code == 200
    clock.current += timedelta(days=3)  # Friday 20/03/2026, 09:00 in Quảng Ngãi

    landed = _correct(organiser, class_id, NAME, "not_completed")
    assert f"Đã điều chỉnh kết quả của {NAME}: Không hoàn thành." in flashes(landed)
    assert results(organiser, class_id)[NAME] == (
        f"2/2 Không hoàn thành đơn vị tổ chức điều chỉnh: {REASON} {number} đã thu hồi")
    checked = stranger.get(f"/gcn/{number}")  # signed out, from the QR code
    assert checked.status_code == 410
    page = main_text(checked.get_data(as_text=True))
    assert f"Không còn giá trị: giấy chứng nhận số {number} đã bị thu hồi ngày 20/03/2026" in page
    assert "Giấy chứng nhận hợp lệ" not in page and REASON not in page  # the reason is private
    status = my_status(huong, "TTDN-2026-01")
    assert f"Giấy chứng nhận số {number} đã bị thu hồi ngày 20/03/2026" in status
    assert "Tải giấy chứng nhận" not in status
    assert huong.client.get(certified["link"]).status_code == 410
    assert any(f"Lý do: {REASON}" in n.text and f"số {number} của anh/chị không còn giá trị"
               in n.text for n in huong.notices())

    _correct(organiser, class_id, "Trần Văn Hai", "completed", "Bổ sung minh chứng dự buổi 2")
    given = re.search(rf"Tải giấy chứng nhận số ({NUMBER}) \(PDF\)", my_status(hai, "TTDN-2026"))
    assert given and given[1] != number and given[1].startswith("GCN-2026-0002-")
    assert stranger.get(f"/gcn/{given[1]}").status_code == 200

    _correct(organiser, class_id, NAME, "completed", "Xác minh lại: học viên có mặt")
    assert f"Tải giấy chứng nhận số {number} (PDF)" in my_status(huong, "TTDN-2026-01")
    assert stranger.get(f"/gcn/{number}").status_code == 200
    assert huong.client.get(certified["link"]).status_code == 200
    trail = re.search(r'<ul class="list-unstyled result-changes">(.*?)</ul>',
                      organiser.get(attendance_url(class_id)), re.S)[1]
    assert main_text(f"<main>{trail}</main>").count("Trần Thị Điều:") == 3


def test_a_cancelled_class_has_no_result_to_correct(certified, organiser):  # noqa: F811
    """An old tab of a class whose results were never taken: refused with its reason."""
    from app.extensions import db
    from modules.training.models import TrainingClass

    class_id = certified["class_id"]
    registration = registration_id_of(organiser, class_id, NAME)
    db.session.get(TrainingClass, class_id).status = "cancelled"  # as an admin's repair may
    db.session.commit()
    assert f"/training/registrations/{registration}/result" not in organiser.get(
        attendance_url(class_id))
    landed = post_form(organiser.client, f"/training/registrations/{registration}/result",
                       {"result": "not_completed", "reason": REASON}, follow_redirects=True)
    assert "Lớp ở trạng thái “Đã hủy”: không có kết quả để điều chỉnh." in flashes(
        landed.get_data(as_text=True))
