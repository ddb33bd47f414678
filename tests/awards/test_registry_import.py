"""Importing past years' awards from a spreadsheet: the template, a preview that lists each
row's problems before anything is saved, the import of the good rows, then of the rows once
corrected; a file imported again adds nothing (the same decision number and name)."""

import io
import re
from datetime import datetime

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.extensions import db
from modules.awards.registry_models import Award
from tests.awards import test_registry_support as support
from tests.awards.test_registry_support import search
from tests.journeys.walk import flashes, main_text, option_value, text_of
from tests.pages import form_values

person, readers, registry = support.person, support.readers, support.registry  # fixtures

HEADER = ["Năm", "Hình thức khen thưởng", "Cá nhân/Tập thể", "Họ tên/Tên tập thể", "Chức vụ",
          "Cơ quan, đơn vị", "Số quyết định", "Ngày quyết định", "Người ký"]
SIGNER = "Trần Văn Ấn"
GOOD = [
    [2021, "Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân", "Hồ Văn Nam", "Phó Giám đốc", "SNGV",
     "2001/QĐ-UBND", datetime(2021, 12, 20), SIGNER],
    [None, "Tập thể lao động xuất sắc", None, "Phòng Hợp tác quốc tế, Sở Ngoại vụ", None,
     "Sở Ngoại vụ", "2001/QĐ-UBND", "20/12/2021", SIGNER],
    [2021, "giay khen", "Cá nhân", "Đinh Thị Lan", "Chuyên viên",
     "Phòng Văn hóa và Thông tin huyện Lý Sơn", "15/QĐ-UBND", "05/11/2021", None],
]
ALREADY = [2022, "Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân", "Trần Quốc Việt", "Phóng viên",
           "Báo Quảng Ngãi", "1905/QĐ-UBND", "20/12/2022", SIGNER]
BAD = [
    [2021, "Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân", "Lê Thị Mai", "Chuyên viên", "SNGV",
     "2001/QĐ-UBND", "31/13/2021", SIGNER],
    [2021, "Bằng khen của Tổng Giám đốc", "Cá nhân", "Phan Văn Sơn", None, "SCT",
     "2001/QĐ-UBND", "20/12/2021", SIGNER],
    [2021, "Giấy khen", "Cá nhân", None, "Chuyên viên", "SCT", "16/QĐ-UBND", "05/11/2021", None],
    [2021, "Cờ thi đua của UBND tỉnh", "Cá nhân", "Ngô Văn Cờ", None, "SCT", "2001/QĐ-UBND",
     "20/12/2021", SIGNER],
    [2021, "Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân", "Hồ Văn Nam", "Phó Giám đốc", "SNGV",
     "2001/QĐ-UBND", "20/12/2021", SIGNER],  # the first row again
]
FIXED = [
    [2021, "Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân", "Lê Thị Mai", "Chuyên viên", "SNGV",
     "2001/QĐ-UBND", "20/12/2021", SIGNER],
    [2021, "Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân", "Phan Văn Sơn", None, "SCT",
     "2001/QĐ-UBND", "20/12/2021", SIGNER],
    [2021, "Giấy khen", "Cá nhân", "Vũ Thị Hạnh", "Chuyên viên", "SCT", "16/QĐ-UBND",
     "05/11/2021", None],
    [2021, "Cờ thi đua của UBND tỉnh", "Tập thể", "Phòng Xúc tiến thương mại, Sở Công Thương",
     None, "SCT", "2001/QĐ-UBND", "20/12/2021", SIGNER],
]


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(someone, data: bytes, filename="khen-thuong-2021.xlsx", expect=200) -> str:
    url = "/awards/registry/import"
    values = form_values(someone.get(url), url, url)
    response = someone.client.post(url, data={**values, "file": (io.BytesIO(data), filename)},
                                   content_type="multipart/form-data")
    assert response.status_code == expect
    return response.get_data(as_text=True)


def _preview(page: str) -> dict[int, tuple[str, str]]:
    return {int(number): (status, text_of(cells)) for number, status, cells in re.findall(
        r'<tr data-row="(\d+)" data-status="(\w+)">(.*?)</tr>', page, re.S)}


def _count() -> int:
    db.session.remove()
    return db.session.scalar(select(func.count()).select_from(Award))


def test_the_template_names_the_columns_and_the_forms(registry, readers):
    response = readers["home_affairs"].client.get("/awards/registry/import/template.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    assert [c.value for c in book.worksheets[0][1]] == HEADER
    notes = " ".join(str(row[0].value or "") for row in book.worksheets[1].iter_rows())
    assert "Tập thể lao động xuất sắc" in notes and "Chiến sĩ thi đua cấp tỉnh" in notes


def test_bad_rows_are_shown_before_anything_is_saved_then_the_good_ones_and_the_fixed_ones(
        registry, readers):
    home_affairs = readers["home_affairs"]
    before = _count()

    page = _upload(home_affairs, _xlsx([*GOOD, ALREADY, *BAD]))
    rows = _preview(page)
    assert [rows[n][0] for n in range(2, 11)] == ["new"] * 3 + ["exists"] + ["error"] * 5
    assert "“31/13/2021” không phải là ngày" in rows[6][1]
    assert "Không rõ hình thức khen thưởng “Bằng khen của Tổng Giám đốc”" in rows[7][1]
    assert "Thiếu họ tên cá nhân hoặc tên tập thể." in rows[8][1]
    assert "Cờ thi đua của Ủy ban nhân dân tỉnh không tặng cho cá nhân." in rows[9][1]
    assert "Trùng quyết định và tên với dòng 2." in rows[10][1]
    assert "Giữ tên cơ quan như đã ghi" in rows[4][1]  # an agency of old, kept as written
    assert "Nhập 3 khen thưởng" in main_text(page)
    assert _count() == before  # a preview saves nothing

    url = "/awards/registry/import/confirm"
    landed = home_affairs._send(url, form_values(page, url), 302)
    assert "Đã nhập 3 khen thưởng; 1 đã có trong sổ; 5 dòng không được nhập." in flashes(landed)
    assert _count() == before + 3
    [team] = search(home_affairs, q="phong hop tac quoc te")
    assert "2021" in team["text"] and "Tập thể" in team["text"]  # year and kind from the form
    [lan] = search(home_affairs, q="dinh thi lan")
    assert "Giấy khen" in lan["text"] and "Phòng Văn hóa và Thông tin huyện Lý Sơn" in lan["text"]
    # An agency of old, kept as written, is one of the registry's agencies to filter by.
    listing = home_affairs.get("/awards/registry/")
    ly_son = option_value(listing, "agency", "Phòng Văn hóa và Thông tin huyện Lý Sơn")
    assert [row["id"] for row in search(home_affairs, agency=ly_son)] == [lan["id"]]

    # The rows corrected, with the rows imported already: only the corrected are new.
    fixed = _xlsx([*GOOD, *FIXED])
    page = _upload(home_affairs, fixed)
    assert [status for status, _ in _preview(page).values()] == ["exists"] * 3 + ["new"] * 4
    home_affairs._send(url, form_values(page, url), 302)
    assert _count() == before + 7

    # The same file again, or its old preview sent once more: nothing doubles.
    again = _upload(home_affairs, fixed)
    assert {status for status, _ in _preview(again).values()} == {"exists"}
    assert "Không có khen thưởng mới để nhập." in main_text(again)
    landed = home_affairs._send(url, form_values(page, url), 302)
    assert "Đã nhập 0 khen thưởng; 7 đã có trong sổ; 0 dòng không được nhập." in flashes(landed)
    assert _count() == before + 7


def test_a_file_that_is_no_workbook_is_refused_with_a_reason(registry, readers):
    page = _upload(readers["coordinator"], b"Ho ten;Nam\n", "danh-sach.csv", expect=400)
    assert "không phải là tệp Excel" in main_text(page) or ".xlsx" in main_text(page)
    page = _upload(readers["coordinator"], _xlsx([]), expect=400)
    assert "không có khen thưởng nào" in main_text(page)


def test_only_the_registry_keepers_import(registry, readers):
    for who in ("sct", "lead"):
        client = readers[who].client
        assert client.get("/awards/registry/import").status_code == 403
        assert client.get("/awards/registry/import/template.xlsx").status_code == 403
        assert client.post("/awards/registry/import/confirm").status_code in (400, 403)
    assert "Nhập dữ liệu các năm trước" not in readers["sct"].get("/awards/registry/")
    assert "Nhập dữ liệu các năm trước" in readers["coordinator"].get("/awards/registry/")
