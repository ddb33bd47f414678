"""The admin's settings of the commendation work, through the pages: the statutory periods on
the plan's settings page (each marked "chưa đối chiếu văn bản": none could be read in Nghị định
152/2025/NĐ-CP, see docs/law/awards.md), and the printer's offsets for certificates printed on
the pre-printed blank, with a test page that moves by them."""

import io

import pdfplumber
import pytest

from app.plan.settings_sections import sections
from modules.awards import periods
from tests.conftest import post_form

MM = 72 / 25.4


def _settings_fields(page_form: dict) -> dict:
    """What the settings page's form sends: every section's value as shown, changed by
    `page_form`."""
    from app.plan import assignments
    from app.plan.violations.limits import LIMITS, limit

    fields = {"opens_on": "1/11", "deadline": "10/12",
              "reminder_days": str(assignments.reminder_days()),
              "consult_days": str(assignments.consult_days()),
              **{item.key: str(limit(item.key)) for item in LIMITS},
              **{setting.field_name: str(setting.value())
                 for section in sections() for setting in section.settings}}
    return {**fields, **page_form}


def test_the_periods_are_on_the_settings_page_marked_unconfirmed(admin_client):
    page = admin_client.get("/plan/settings").get_data(as_text=True)
    assert "Khen thưởng: thời hạn (ngày làm việc)" in page
    start = page.index('id="setting-awards__appraisal_days"')
    block = page[start:page.index('id="setting-awards__appraisal_hiep_y_days"')]
    assert "Nghị định 152/2025/NĐ-CP" in block and "chưa đối chiếu văn bản" in block

    response = post_form(admin_client, "/plan/settings", _settings_fields(
        {"awards__appraisal_days": "25", "awards__appraisal_hiep_y_days": "35"}),
        follow_redirects=True)
    assert "Đã lưu cài đặt kế hoạch." in response.get_data(as_text=True)
    assert periods.appraisal_days(needs_hiep_y=False) == 25
    assert periods.appraisal_days(needs_hiep_y=True) == 35

    refused = post_form(admin_client, "/plan/settings", _settings_fields(
        {"awards__decision_days": "0"}))
    assert refused.status_code == 200 and "Đã lưu" not in refused.get_data(as_text=True)
    assert periods.value(periods.DECISION_DAYS) == 10  # unchanged


def _first_char(pdf: bytes) -> tuple[float, float]:
    page = pdfplumber.open(io.BytesIO(pdf)).pages[0]
    first = next(c for c in page.chars if c["text"].strip())
    return first["x0"], first["top"]


def test_an_admin_sets_the_printers_offsets_and_the_test_page_follows(admin_client):
    before = _first_char(admin_client.get("/awards/catalogue/printing/sample.pdf").data)
    page = admin_client.get("/awards/catalogue/printing").get_data(as_text=True)
    assert "In bằng khen trên phôi" in page

    saved = post_form(admin_client, "/awards/catalogue/printing",
                      {"offset_x": "1,5", "offset_y": "-2"}, follow_redirects=True)
    assert "Đã lưu" in saved.get_data(as_text=True)
    assert 'value="1,5"' in saved.get_data(as_text=True)
    after = _first_char(admin_client.get("/awards/catalogue/printing/sample.pdf").data)
    assert after[0] - before[0] == pytest.approx(1.5 * MM, abs=0.01)
    assert after[1] - before[1] == pytest.approx(-2 * MM, abs=0.01)


@pytest.mark.parametrize("x, y", [("abc", "0"), ("0", "45")])
def test_a_wrong_offset_is_refused_in_words_and_nothing_changes(admin_client, x, y):
    from modules.awards import print_settings

    post_form(admin_client, "/awards/catalogue/printing", {"offset_x": "2", "offset_y": "1"})
    refused = post_form(admin_client, "/awards/catalogue/printing",
                        {"offset_x": x, "offset_y": y})
    assert refused.status_code == 400
    text = refused.get_data(as_text=True)
    assert "milimét" in text or "30 mm" in text
    assert print_settings.offsets_mm() == (2.0, 1.0)


def test_only_an_admin_sets_the_offsets(staff_client):
    assert staff_client.get("/awards/catalogue/printing").status_code == 403
    assert post_form(staff_client, "/awards/catalogue/printing",
                     {"offset_x": "1", "offset_y": "1"}).status_code == 403
    assert staff_client.get("/awards/catalogue/printing/sample.pdf").status_code == 403
