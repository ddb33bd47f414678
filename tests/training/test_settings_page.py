"""The training settings on the admin's settings page (the plan's page, a section of it):
each says that no legal text sets it — it is the organiser's practice. A value the admin
saves is what the next offer from the waiting list gives to confirm."""

from tests import factories
from tests.conftest import login, post_form
from tests.journeys.walk import text_of
from tests.pages import form_values
from tests.training.steps import open_class, register
from tests.training.test_waitlist import withdraw

SETTINGS = "/plan/settings"
PRACTICE = "Không có văn bản pháp luật quy định: theo thực tiễn của đơn vị tổ chức."


def _admin(app):
    client = app.test_client()
    factories.make_user("quan.tri", roles=["admin"], agency_code="STTTT")
    login(client, "quan.tri", factories.PASSWORD)
    return client


def _training_section(page: str) -> str:
    return text_of(page.split("Bồi dưỡng</h2>")[1].split("</form>")[0])


def test_the_admin_sees_each_training_setting_with_its_source(app, organiser):
    page = _admin(app).get(SETTINGS).get_data(as_text=True)
    section = _training_section(page)
    for label in ("Nhắc học viên đã xác nhận trước buổi học đầu tiên (số ngày làm việc)",
                  "Thời hạn xác nhận khi được mời từ danh sách chờ (số ngày làm việc)",
                  "Số ngày làm việc sau buổi học cuối chờ đơn vị tổ chức kết thúc lớp"):
        assert label in section
    assert section.count(PRACTICE) == 3
    values = form_values(page, SETTINGS, SETTINGS)
    assert [values[k] for k in ("training__reminder_days", "training__confirm_days",
                                "training__close_grace_days")] == ["2", "2", "10"]


def test_a_saved_setting_is_what_the_next_offer_gives(app, organiser, person):
    admin = _admin(app)
    page = admin.get(SETTINGS).get_data(as_text=True)
    values = form_values(page, SETTINGS, SETTINGS)
    refused = post_form(admin, SETTINGS, {**values, "training__confirm_days": "31"})
    assert refused.status_code == 200  # shown again with its error, nothing saved
    shown = _training_section(refused.get_data(as_text=True))
    assert "danh sách chờ (số ngày làm việc) * Số phải từ 1 đến 30. Căn cứ:" in shown
    saved = post_form(admin, SETTINGS, {**values, "training__confirm_days": "5"})
    assert saved.status_code == 302
    assert form_values(admin.get(SETTINGS).get_data(as_text=True), SETTINGS, SETTINGS)[
        "training__confirm_days"] == "5"

    class_id = open_class(organiser, capacity="1")
    first = person("hv.mot", "SCT", "Nguyễn Thị Một", "trainee")
    second = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    register(first, class_id)
    register(second, class_id)
    withdraw(first, "TTDN-2026-01")  # Monday 02/03 + 5 working days: Monday 09/03
    assert any("trước hết ngày 09/03/2026" in n.text for n in second.notices())
