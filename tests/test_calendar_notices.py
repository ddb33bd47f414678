"""The working-day calendar as the Government's notices and the law set it: the days off and
Saturdays worked of the yearly notices (seeded with their source), holidays only as the
Labour Code in force gives them, periods that end on a rest day (Bộ luật Dân sự 2015,
Điều 148 khoản 5), and the annual report round's days moved off rest days."""

from datetime import date, timedelta

import holidays
import pytest

from app.calendar import (
    add_working_days,
    is_working_day,
    next_working_day,
    period_end,
    public_holidays,
)
from app.calendar.models import DeclaredDay
from app.calendar.notices import seed_declared_days
from app.extensions import db
from app.plan import reporting
from app.workflow import sandbox
from tests.conftest import post_form


@pytest.fixture
def notices(db):
    assert seed_declared_days() == 6
    return db


def test_saturday_26_04_2025_is_worked_for_friday_02_05_2025(notices):
    """Thông báo 6150/TB-BLĐTBXH: Friday 02/05/2025 off, Saturday 26/04/2025 worked."""
    assert is_working_day(date(2025, 4, 26)) and not is_working_day(date(2025, 5, 2))
    # Friday 25/04/2025 + 1 working day is that Saturday, not Monday 28/04.
    assert add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 26)
    row = db.session.scalar(db.select(DeclaredDay).where(DeclaredDay.day == date(2025, 4, 26)))
    assert row.working and "6150/TB-BLĐTBXH" in row.source


def test_new_year_2026_friday_off_and_saturday_10_01_worked(notices):
    """Công văn 12729/VPCP-KGVX ngày 25/12/2025: Friday 02/01/2026 off (the holidays library
    does not know it), Saturday 10/01/2026 worked."""
    assert date(2026, 1, 2) not in holidays.Vietnam(years=2026)  # what the library misses
    assert not is_working_day(date(2026, 1, 2)) and is_working_day(date(2026, 1, 10))
    assert add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    assert add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 10)


def test_national_day_2026_monday_31_08_off_and_saturday_22_08_worked(notices):
    """Thông báo 9441/TB-BNV ngày 16/10/2025 (Bộ Nội vụ): civil servants off from Saturday
    29/08 to Wednesday 02/09/2026, Monday 31/08 exchanged for Saturday 22/08/2026."""
    assert is_working_day(date(2026, 8, 22))
    assert [is_working_day(date(2026, 8, 29) + timedelta(days=n))
            for n in range(6)] == [False, False, False, False, False, True]
    sources = {row.day: row.source for row in db.session.scalars(db.select(DeclaredDay))}
    assert "9441/TB-BNV" in sources[date(2026, 8, 22)]
    assert "9441/TB-BNV" in sources[date(2026, 8, 31)]


def test_tet_binh_ngo_2026_as_the_notice_gives_it(db):
    """Thông báo 9441/TB-BNV: Tết 2026 from Saturday 14/02 to Sunday 22/02 for civil
    servants, the weekdays 16/02–20/02 off; the holidays library (0.108) counts the same
    days, so nothing is declared for it."""
    days = [date(2026, 2, 14 + n) for n in range(10)]
    assert [is_working_day(day) for day in days] == [False] * 9 + [True]
    assert {date(2026, 2, 16 + n) for n in range(5)} <= set(public_holidays(2026))


def test_24_11_is_a_working_day_until_the_labour_code_makes_it_a_holiday(db):
    """Bộ luật Lao động 2019, Điều 112 khoản 1 lists 11 days off without 24/11. "Ngày Văn
    hóa Việt Nam" is a Politburo policy (NQ 80-NQ/TW, 07/01/2026) and a Government task to
    amend that clause (NQ 30/NQ-CP, 02/2026), not yet law: read in vneconomy.vn and
    dantri.com.vn of 26/02/2026. The holidays library 0.108 already counts it; we do not."""
    assert date(2026, 11, 24) in holidays.Vietnam(years=2026)  # the library, pinned
    assert is_working_day(date(2026, 11, 24))
    assert date(2026, 11, 24) not in public_holidays(2026)
    assert is_working_day(date(2027, 11, 24))


@pytest.mark.parametrize(("start", "kwargs", "expected"), [
    (date(2026, 3, 6), {"days": 10}, date(2026, 3, 16)),  # a Monday: stays
    (date(2026, 3, 4), {"days": 10}, date(2026, 3, 16)),  # Saturday 14/03 → Monday
    (date(2026, 2, 5), {"days": 10}, date(2026, 2, 23)),  # Sunday 15/02, Tết → 23/02
    (date(2026, 1, 31), {"months": 1}, date(2026, 3, 2)),  # 28/02 is a Saturday
    (date(2025, 3, 31), {"months": 1}, date(2025, 5, 5)),  # 30/04, 01/05, 02/05 off
    (date(2025, 11, 24), {"years": 1}, date(2026, 11, 24)),
])
def test_a_period_whose_last_day_is_a_rest_day_ends_on_the_next_working_day(
        notices, start, kwargs, expected):
    """Bộ luật Dân sự 2015, Điều 147–148 (applied by Luật Xử lý vi phạm hành chính,
    Điều 8): counted from the day after; a month ends on the matching day, or the month's
    last; a last day that is a weekend or holiday moves to the next working day."""
    assert period_end(start, **kwargs) == expected


def test_a_period_ending_on_a_saturday_worked_ends_that_saturday(notices):
    """Bộ luật Dân sự 2015, Điều 148 khoản 5 with Công văn 12729/VPCP-KGVX: Saturday
    10/01/2026 is a working day, so a period ending on it ends then."""
    assert period_end(date(2025, 12, 31), days=10) == date(2026, 1, 10)
    assert next_working_day(date(2026, 1, 11)) == date(2026, 1, 12)


def test_scripts_and_expressions_may_count_periods(notices):
    """The helper of Bộ luật Dân sự 2015, Điều 148 khoản 5 is offered to BPMN scripts and
    expressions."""
    data = {"delivered_on": date(2026, 3, 4)}
    sandbox.execute("comply_due = period_end(delivered_on, days=10)\n"
                    "first = next_working_day(date(2026, 2, 14))", data)
    assert data["comply_due"] == date(2026, 3, 16) and data["first"] == date(2026, 2, 23)
    assert sandbox.evaluate("period_end(delivered_on, months=1)", data) == date(2026, 4, 6)


@pytest.mark.parametrize(("year", "opens", "due"), [
    (2025, date(2025, 11, 17), date(2025, 12, 5)),  # 15/11/2025 is a Saturday
    (2026, date(2026, 11, 16), date(2026, 12, 7)),  # Sunday 15/11; Saturday 05/12
    (2027, date(2027, 11, 15), date(2027, 12, 6)),  # Sunday 05/12/2027
])
def test_the_round_opening_and_deadline_move_off_rest_days(db, year, opens, due):
    """Kế hoạch 116/KH-UBND's round (opens 15/11, agencies report by 05/12): a day that falls
    on a rest day moves to the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5)."""
    assert reporting.opens_on(year) == opens and reporting.deadline_of(year) == due


def test_the_admin_page_lists_each_years_declared_days_with_their_source(notices,
                                                                          admin_client):
    page = admin_client.get("/admin/calendar/?year=2026").get_data(as_text=True)
    assert "10/01/2026" in page and "Công văn 12729/VPCP-KGVX ngày 25/12/2025" in page
    assert "22/08/2026" in page and "Thông báo 9441/TB-BNV" in page
    assert "26/04/2025" not in page and "<strong>24/11/2026</strong>" not in page
    page = admin_client.get("/admin/calendar/?year=2025").get_data(as_text=True)
    assert "26/04/2025" in page and "Thông báo 6150/TB-BLĐTBXH" in page

    refused = post_form(admin_client, "/admin/calendar/",
                        {"day": "24/11/2026", "kind": "off", "note": "Ngày Văn hóa Việt Nam"})
    assert refused.status_code == 200 and "is-invalid" in refused.get_data(as_text=True)
    assert is_working_day(date(2026, 11, 24))  # a day off names the document that sets it
    post_form(admin_client, "/admin/calendar/",
              {"day": "24/11/2026", "kind": "off", "note": "Ngày Văn hóa Việt Nam",
               "source": "Bộ luật Lao động (sửa đổi), Điều 112"})
    assert not is_working_day(date(2026, 11, 24))
    assert "Bộ luật Lao động (sửa đổi), Điều 112" in admin_client.get(
        "/admin/calendar/?year=2026").get_data(as_text=True)


def test_seeding_the_notices_again_adds_nothing_and_keeps_an_admins_day(notices):
    from app.calendar import service

    service.declare(date(2026, 1, 10), working=False, note="Quyết định riêng của tỉnh",
                    source="Quyết định …/QĐ-UBND")
    assert seed_declared_days() == 0
    assert not is_working_day(date(2026, 1, 10))
