"""An admin imports people from a spreadsheet: upload, a preview of every row (new, already
has an account, error with its reason), confirm; the accounts are made in one transaction,
and the same file imported again makes nothing. A fresh load from the database between
steps; bad files get one clear sentence, never a 500."""

import io
import re
import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.auth.models import User
from app.extensions import db
from tests import factories
from tests.auth.accounts import xlsx
from tests.conftest import post_form

# As a commune office and the department's clerks would type it: codes and names, a name
# in the older tone placement ("Uỷ ban nhân dân"), addresses in capitals with spaces.
OFFICE_FILE = [
    ("Nguyễn Thị Hoa", "hoa.nt@quangngai.gov.vn", "SVHTTDL", "Chuyên viên đơn vị"),
    ("Trần Văn Minh", " Minh.TV@QuangNgai.gov.vn ", "UBND xã Tịnh Khê", None),
    ("Lê Văn Sơn", "son.lv@quangngai.gov.vn", "Uỷ ban nhân dân xã Tịnh Khê", "Học viên"),
    ("Huỳnh Thị Thu", "thu.ht@quangngai.gov.vn", "ubnd đặc khu lý sơn",
     "Lãnh đạo đơn vị, Học viên"),
    ("Phạm Thị Lan", "lan.pt@quangngai.gov.vn", "Sở Thông tin và Truyền thông", "Học viên"),
    ("Đặng Văn Kha", "kha.dv@quangngai.gov.vn", "UBND huyện Bình Sơn", None),
    ("Võ Văn Tám", "tam.vv@quangngai", "SCT", None),
    ("Nguyễn Thị Hoa", "HOA.NT@quangngai.gov.vn", "SVHTTDL", None),
    ("Bùi Quang Vinh", "vinh.bq@quangngai.gov.vn", "SNV", "Giám đốc"),
    (None, "khong.ten@quangngai.gov.vn", "SNV", None),
    ("Đỗ Văn Quản", "quan.dv@quangngai.gov.vn", "SNV", "Quản trị hệ thống"),
    ("Phan Thanh Hải", "hai.pt@quangngai.gov.vn", "Sở Không Có", None),
    ("Lý Thị Mai", "mai.lt@quangngai.gov.vn", "SCT", "Chuyên viên đơn vị"),
]


def _upload(client, content: bytes, name="danh-sach.xlsx"):
    return post_form(client, "/admin/users/import",
                     {"file": (io.BytesIO(content), name)}, content_type="multipart/form-data")


def _rows(page: str) -> dict[int, tuple[str, str]]:
    """row number → (status, what the row says), as the preview shows them."""
    found = {}
    for number, status, body in re.findall(
            r'<tr data-row="(\d+)" data-status="(\w+)">(.*?)</tr>', page, re.S):
        found[int(number)] = (status, _text(body))
    return found


def _text(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _confirm(client, page: str):
    rows = re.search(r'name="rows" type="hidden" value="([^"]+)"', page).group(1)
    return post_form(client, "/admin/users/import/confirm", {"rows": rows})


def _people() -> dict[str, User]:
    db.session.expire_all()
    return {user.username: user for user in db.session.scalars(select(User))}


def test_admin_imports_the_communes_and_departments_file_then_again(admin_client,
                                                                   province_2026):
    factories.make_user("mai.sct", agency_code="SCT", full_name="Lý Thị Mai",
                        email="Mai.LT@quangngai.gov.vn")

    preview = _upload(admin_client, xlsx(OFFICE_FILE))
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200, page
    rows = _rows(page)
    assert {n: status for n, (status, _) in rows.items()} == {
        2: "new", 3: "new", 4: "new", 5: "new", 6: "error", 7: "error", 8: "error",
        9: "error", 10: "error", 11: "error", 12: "error", 13: "error", 14: "exists"}
    assert "minh.tv@quangngai.gov.vn" in rows[3][1] and "UBND xã Tịnh Khê" in rows[4][1]
    assert "Học viên" in rows[3][1]  # a blank role is a trainee
    assert "Lãnh đạo đơn vị" in rows[5][1] and "UBND đặc khu Lý Sơn" in rows[5][1]
    # An ended agency names who took over its work.
    assert "Sở Thông tin và Truyền thông đã chấm dứt hoạt động" in rows[6][1]
    assert "Sở Khoa học và Công nghệ (SKHCN)" in rows[6][1]
    assert "UBND huyện Bình Sơn đã chấm dứt hoạt động" in rows[7][1] and "xã, phường" in rows[7][1]
    assert "tam.vv@quangngai không phải là địa chỉ email" in rows[8][1]
    assert "Trùng địa chỉ email với dòng 2" in rows[9][1]
    assert "Vai trò “giám đốc” không có" in rows[10][1]
    assert "Thiếu họ và tên" in rows[11][1]
    assert "không cấp qua nhập danh sách" in rows[12][1]
    assert "Không có cơ quan nào tên “Sở Không Có”" in rows[13][1]
    assert "Lý Thị Mai" in rows[14][1] and "Sở Công Thương" in rows[14][1]
    assert "danh-sach.xlsx: 4 mới · 1 đã có tài khoản · 8 có lỗi" in _text(page)
    assert "hoa.nt@quangngai.gov.vn" not in _people()  # nothing is made by the preview

    done = _confirm(admin_client, page)
    assert done.status_code == 200  # no mail server: the links to hand over
    assert "chỉ hiển thị một lần" in done.get_data(as_text=True)

    people = _people()
    made = {name: people[name] for name in (
        "hoa.nt@quangngai.gov.vn", "minh.tv@quangngai.gov.vn", "son.lv@quangngai.gov.vn",
        "thu.ht@quangngai.gov.vn")}
    assert made["hoa.nt@quangngai.gov.vn"].agency.code == "SVHTTDL"
    assert {r.value for r in made["hoa.nt@quangngai.gov.vn"].roles} == {"agency_staff"}
    assert made["minh.tv@quangngai.gov.vn"].agency.name_vi == "UBND xã Tịnh Khê"
    assert {r.value for r in made["minh.tv@quangngai.gov.vn"].roles} == {"trainee"}
    assert made["son.lv@quangngai.gov.vn"].agency == made["minh.tv@quangngai.gov.vn"].agency
    assert {r.value for r in made["thu.ht@quangngai.gov.vn"].roles} == {"agency_lead",
                                                                        "trainee"}
    assert all(user.email == name for name, user in made.items())
    assert len(people) == 2 + 4  # the admin, Mai, and the four new people

    again = _upload(admin_client, xlsx(OFFICE_FILE)).get_data(as_text=True)
    assert [s for s, _ in _rows(again).values()].count("new") == 0
    assert [s for s, _ in _rows(again).values()].count("exists") == 5
    assert "Không có ai mới để nhập" in again
    followed = _confirm(admin_client, again)
    assert followed.status_code == 302
    assert db.session.scalar(select(func.count(User.id))) == 6


def test_confirming_one_preview_twice_makes_each_account_once(admin_client, province_2026):
    page = _upload(admin_client, xlsx(OFFICE_FILE[:2])).get_data(as_text=True)
    assert _confirm(admin_client, page).status_code == 200
    assert _confirm(admin_client, page).status_code == 302  # nothing new the second time
    assert db.session.scalar(select(func.count(User.id))) == 3


def test_a_preview_is_the_admin_s_own_and_cannot_be_changed(app, admin_client,
                                                           province_2026):
    page = _upload(admin_client, xlsx(OFFICE_FILE[:1])).get_data(as_text=True)
    rows = re.search(r'name="rows" type="hidden" value="([^"]+)"', page).group(1)
    forged = post_form(admin_client, "/admin/users/import/confirm", {"rows": rows[:-3] + "AAA"},
                       follow_redirects=True)
    assert "quá cũ hoặc đã bị sửa" in forged.get_data(as_text=True)
    other = factories.make_user("admin2", roles=["admin"], agency_code="SVHTTDL")
    client = app.test_client()
    post_form(client, "/login", {"username": other.username, "password": factories.PASSWORD})
    stolen = post_form(client, "/admin/users/import/confirm", {"rows": rows},
                       follow_redirects=True)
    assert "quá cũ hoặc đã bị sửa" in stolen.get_data(as_text=True)
    assert "hoa.nt@quangngai.gov.vn" not in _people()


def test_a_preview_older_than_two_hours_is_refused(admin_client, province_2026, clock):
    page = _upload(admin_client, xlsx(OFFICE_FILE[:1])).get_data(as_text=True)
    clock.advance(hours=2, minutes=1)
    response = _confirm(admin_client, page)
    assert response.status_code == 302
    assert "hoa.nt@quangngai.gov.vn" not in _people()


def test_with_a_mail_server_each_new_person_is_mailed_and_no_link_is_shown(
        admin_client, province_2026, smtp):
    from app.notifications import dispatch

    page = _upload(admin_client, xlsx(OFFICE_FILE[:4])).get_data(as_text=True)
    done = _confirm(admin_client, page)
    assert done.status_code == 302
    shown = admin_client.get(done.headers["Location"]).get_data(as_text=True)
    assert "set-password" not in shown
    assert "Đường dẫn đặt mật khẩu đang được gửi qua email đến từng người mới" in shown
    assert dispatch.send_emails() == 4
    assert sorted(rcpt for e in smtp.messages for rcpt in e.rcpt_tos) == sorted(
        ["hoa.nt@quangngai.gov.vn", "minh.tv@quangngai.gov.vn", "son.lv@quangngai.gov.vn",
         "thu.ht@quangngai.gov.vn"])


def test_the_template_downloads_with_its_columns_and_today_s_agencies(admin_client,
                                                                     province_2026):
    response = admin_client.get("/admin/users/import/template.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    assert [c.value for c in book.worksheets[0][1]] == ["Họ và tên", "Email",
                                                        "Cơ quan, đơn vị", "Vai trò"]
    assert book.worksheets[0].max_row == 1  # no example row to be imported by mistake
    codes = {row[0] for row in book["Cơ quan, đơn vị"].iter_rows(values_only=True)}
    assert {"SVHTTDL", "SKHCN"} <= codes and "STTTT" not in codes  # ended agencies left out
    # The template, filled in, imports.
    sheet = book.worksheets[0]
    sheet.append(["Nguyễn Thị Hoa", "hoa.nt@quangngai.gov.vn", "SVHTTDL", "Học viên"])
    out = io.BytesIO()
    book.save(out)
    assert _rows(_upload(admin_client, out.getvalue()).get_data(as_text=True))[2][0] == "new"


def _workbook_with_formula() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Họ và tên", "Email", "Cơ quan", "Vai trò"])
    book.active.append(["=CONCAT(\"Nguyễn\",\" An\")", "an@quangngai.gov.vn", "SCT", None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (70 * 1024 * 1024))
    return out.getvalue()


def _damaged() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "not xml at all")
    return out.getvalue()


@pytest.mark.parametrize(("content", "name", "says"), [
    (b"%PDF-1.7 a scanned list", "danh-sach.pdf", "không phải là bảng tính Excel (.xlsx)"),
    (b"\xd0\xcf\x11\xe0 an old .xls", "danh-sach.xls", "không phải là bảng tính Excel (.xlsx)"),
    (b"", "trong.xlsx", "không phải là bảng tính Excel (.xlsx)"),
    (b"x" * (5 * 1024 * 1024 + 1), "lon.xlsx", "lớn hơn 5 MB"),
    (None, "bom.xlsx", "quá lớn khi mở ra"),
    (None, "hong.xlsx", "Không đọc được bảng tính"),
    (None, "cong-thuc.xlsx", "Ô A2 chứa công thức"),
    (None, "sai-cot.xlsx", "thiếu: Email, Cơ quan, đơn vị"),
    (None, "khong-ai.xlsx", "không có người nào"),
    (None, "rong.xlsx", "Trang tính đầu tiên của bảng tính trống"),
])
def test_a_bad_file_gets_one_clear_sentence(admin_client, province_2026, content, name, says):
    content = content if content is not None else {
        "bom.xlsx": _bomb, "hong.xlsx": _damaged, "cong-thuc.xlsx": _workbook_with_formula,
        "sai-cot.xlsx": lambda: xlsx([("An", "SCT")], header=("Họ và tên", "Đơn vị ghi sai")),
        "khong-ai.xlsx": lambda: xlsx([]),
        "rong.xlsx": lambda: xlsx([], header=None),
    }[name]()
    response = _upload(admin_client, content, name)
    assert response.status_code == 400
    assert says in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(User.id))) == 1


def test_too_many_people_are_refused(admin_client, province_2026, monkeypatch):
    from app.auth import people_import

    monkeypatch.setattr(people_import, "MAX_ROWS", 3)
    rows = [(f"Người {n}", f"n{n}@quangngai.gov.vn", "SCT", None) for n in range(4)]
    response = _upload(admin_client, xlsx(rows))
    assert response.status_code == 400
    assert "nhiều hơn 3 người" in response.get_data(as_text=True)


def test_only_an_admin_imports(app, province_2026):
    lead = factories.make_user("lead.sct", roles=["agency_lead"], agency_code="SCT")
    client = app.test_client()
    post_form(client, "/login", {"username": lead.username, "password": factories.PASSWORD})
    assert client.get("/admin/users/import").status_code == 403
    assert _upload(client, xlsx(OFFICE_FILE)).status_code == 403
    assert client.get("/admin/users/import/template.xlsx").status_code == 403
