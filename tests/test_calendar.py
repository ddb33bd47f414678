"""The working-day calendar: weekends, public holidays from the library (Tết, the days
around 2/9), and the days off and make-up working days an admin declares."""

from datetime import date

import pytest

from app.calendar import add_working_days, is_working_day, service, working_days_between
from app.calendar.models import DeclaredDay
from app.extensions import db
from tests.conftest import post_form


@pytest.mark.parametrize(("start", "days", "expected"), [
    # Friday before Tết Ất Tỵ (holidays 27/01–31/01/2025): five working days on.
    (date(2025, 1, 24), 5, date(2025, 2, 7)),
    # Friday before Tết Bính Ngọ (holidays 16/02–20/02/2026).
    (date(2026, 2, 13), 1, date(2026, 2, 23)),
    # Around National Day 2025: Monday 01/09 and Tuesday 02/09 are off.
    (date(2025, 8, 29), 1, date(2025, 9, 3)),
    (date(2025, 2, 7), -5, date(2025, 1, 24)),
    (date(2025, 6, 2), 0, date(2025, 6, 2)),
])
def test_working_days_skip_weekends_and_holidays(db, start, days, expected):
    assert add_working_days(start, days) == expected


def test_counting_working_days_across_tet(db):
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 7)) == 5
    assert not is_working_day(date(2025, 1, 29)) and is_working_day(date(2025, 2, 3))


def test_declared_days_off_and_make_up_days_count(db):
    service.declare(date(2025, 2, 5), working=False, note="Nghỉ theo Quyết định của UBND tỉnh")
    assert add_working_days(date(2025, 1, 24), 5) == date(2025, 2, 10)
    service.declare(date(2025, 2, 8), working=True, note="Làm bù thứ Bảy")
    assert add_working_days(date(2025, 1, 24), 5) == date(2025, 2, 8)
    assert is_working_day(date(2025, 2, 8)) and not is_working_day(date(2025, 2, 5))
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 10)) == 6


def test_a_make_up_working_day_must_be_a_weekend_day(db):
    with pytest.raises(service.CalendarError):
        service.declare(date(2025, 2, 5), working=True, note="Sai")
    with pytest.raises(service.CalendarError):
        service.declare(date(2025, 2, 8), working=True, note="  ")


def test_the_admin_page_lists_holidays_and_declares_days(admin_client):
    page = admin_client.get("/admin/calendar/?year=2026").get_data(as_text=True)
    assert "17/02/2026" in page and "Tết Nguyên Đán" in page

    response = post_form(admin_client, "/admin/calendar/",
                         {"day": "31/12/2026", "kind": "off", "note": "Nghỉ cuối năm",
                          "source": "Quyết định của UBND tỉnh"},
                         follow_redirects=True)
    assert "Đã khai báo ngày 31/12/2026." in response.get_data(as_text=True)
    assert not is_working_day(date(2026, 12, 31))

    response = post_form(admin_client, "/admin/calendar/",
                         {"day": "30/02/2026", "kind": "off", "note": "Ngày không có thật"})
    assert response.status_code == 200 and "is-invalid" in response.get_data(as_text=True)
    response = post_form(admin_client, "/admin/calendar/",
                         {"day": "02/12/2026", "kind": "working", "note": "Thứ Tư",
                          "source": "Không có"})
    assert "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật." in response.get_data(as_text=True)

    [declared] = db.session.scalars(db.select(DeclaredDay)).all()
    post_form(admin_client, f"/admin/calendar/{declared.id}/remove")
    assert is_working_day(date(2026, 12, 31))


def test_only_admins_declare_days(staff_client):
    assert staff_client.get("/admin/calendar/").status_code == 403
    response = post_form(staff_client, "/admin/calendar/",
                         {"day": "31/12/2026", "kind": "off", "note": "x"})
    assert response.status_code == 403
    assert db.session.scalar(db.select(db.func.count(DeclaredDay.id))) == 0
