"""What the organiser prints and files: the attendance sheet (a signature column for each
session), the list of those who completed (an official document, Nghị định 30/2020/NĐ-CP,
Phụ lục I), and the class list as a spreadsheet — each opened as its reader opens it."""

import io
import re

import pdfplumber
import pytest
from openpyxl import load_workbook

from tests.conftest import pdf_text
from tests.pdf_layout import check_phu_luc_i
from tests.training.attendance_steps import class_with, finish
from tests.training.steps import SESSIONS, register

HUONG, HAI, BA = "Đặng Thị Ngọc Hường", "Trần Văn Hai", "Lê Thị Ba"
MM = 72 / 25.4


@pytest.fixture
def finished(organiser, person, clock):
    """TTDN-2026-01, two seats: Hường at both sessions, Hai at one, Ba on the waiting list."""
    huong = person("hv.huong", "SCT", HUONG, "trainee")
    hai = person("hv.hai", "SNV", HAI, "trainee")
    ba = person("hv.ba", "STC", BA, "trainee")
    class_id = class_with(organiser, [huong, hai], sessions=SESSIONS)
    organiser.post(f"/training/classes/{class_id}/edit", {"capacity": "2"})
    register(ba, class_id)
    finish(organiser, clock, class_id, {HUONG: 2, HAI: 1}, sessions=SESSIONS)
    number = re.search(r"GCN-2026-\d{4}-[A-Z0-9]{6}", huong.get("/training/my"))[0]
    return class_id, number


def _file(organiser, url: str, mimetype: str) -> bytes:
    response = organiser.client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response.mimetype == mimetype
    return response.data


def test_the_attendance_sheet_has_a_signature_column_per_session(finished, organiser):
    class_id, _ = finished
    pdf = _file(organiser, f"/training/classes/{class_id}/attendance-sheet.pdf",
                "application/pdf")
    with pdfplumber.open(io.BytesIO(pdf)) as read:
        page = read.pages[0]
        assert page.width > page.height  # A4 landscape
        [table] = page.find_tables()
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        heights = [row.bbox[3] - row.bbox[1] for row in table.rows[1:]]
    assert rows == [
        ["STT", "Họ và tên", "Cơ quan, đơn vị", "Buổi 1 16/03/2026 08:00–11:30 (ký tên)",
         "Buổi 2 17/03/2026 13:30–17:00 (ký tên)"],
        ["1", HAI, "Sở Nội vụ", "", ""],  # the seats, by given name; not who waited
        ["2", HUONG, "Sở Công Thương", "", ""]]
    assert min(heights) >= 12 * MM - 0.5  # room to sign
    assert "DANH SÁCH ĐIỂM DANH HỌC VIÊN" in pdf_text(pdf)


def test_the_completion_list_is_an_official_document_of_those_who_completed(
        finished, organiser):
    class_id, number = finished
    pdf = _file(organiser, f"/training/classes/{class_id}/completion-list.pdf",
                "application/pdf")
    check_phu_luc_i(pdf, "DANH SÁCH")
    text = pdf_text(pdf)
    assert f"1 {HUONG} Sở Công Thương 2/2 {number}" in text
    assert HAI not in text and BA not in text
    assert "Số học viên hoàn thành: 1/2 học viên" in text
    assert "Nguyễn Văn Ký" in text


def test_the_class_list_holds_every_registration(finished, organiser):
    class_id, number = finished
    data = _file(organiser, f"/training/classes/{class_id}/class-list.xlsx",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(data)).active
    rows = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert rows[0] == ["STT", "Họ và tên", "Email", "Cơ quan, đơn vị", "Tình trạng đăng ký",
                       "Số buổi có mặt", "Kết quả", "Số giấy chứng nhận"]
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {HUONG, HAI, BA}
    assert by_name[HUONG][3:] == ["Sở Công Thương", "Đã xác nhận chỗ", "2/2", "Hoàn thành",
                                  number]
    assert by_name[HAI][5:] == ["1/2", "Không hoàn thành", None]
    assert by_name[BA][5:] == [None, None, None]
