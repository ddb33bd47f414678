"""Certificates: a "Giấy chứng nhận" for each trainee who completed, issued when the class is
closed (the diagram's "Cấp giấy chứng nhận"); an A4 landscape form with the parts Nghị định
30/2020/NĐ-CP, Phụ lục I gives an administrative document (issuing body under its parent,
national title and motto with their rules, place and date, signer), every Vietnamese letter
of the name rendered in the embedded serif; its number carries a random part; anyone may
check it signed out on a rate-limited page, seeing the name, the class and the date."""

import io
import re
import unicodedata
from datetime import timedelta

import pdfplumber
import pytest
from reportlab.pdfbase.ttfonts import TTFont

from app.pdf.typeface import FONTS
from modules.training import qr
from tests.journeys.walk import main_text, text_of
from tests.pdf_layout import check_font, find
from tests.training.attendance_steps import certificate_link, class_with, finish
from tests.training.steps import SESSIONS

NAME = "Đặng Thị Ngọc Hường"  # ặ ị ọ ườ: marks above, below, and both
MM = 72 / 25.4


@pytest.fixture
def certified(organiser, person, clock):
    """Hường completed TTDN-2026-01 (two sessions, 16 and 17/03/2026); Trần Văn Hai did not."""
    huong = person("hv.huong", "SCT", NAME, "trainee")
    hai = person("hv.hai", "SNV", "Trần Văn Hai", "trainee")
    class_id = class_with(organiser, [huong, hai], sessions=SESSIONS)
    finish(organiser, clock, class_id, {NAME: 2, "Trần Văn Hai": 1}, sessions=SESSIONS)
    link = certificate_link(huong)
    number = re.search(r"(GCN-2026-\d{4}-[A-Z0-9]{6})", huong.get("/training/my"))[1]
    return {"huong": huong, "hai": hai, "class_id": class_id, "link": link, "number": number}


def _pdf(person, link) -> bytes:
    response = person.client.get(link)
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "application/pdf"
    return response.data


def test_the_number_has_a_serial_and_a_random_part(certified, organiser, person, clock):
    assert re.fullmatch(r"GCN-2026-0001-[2-9A-HJKMNP-Z]{6}", certified["number"])


def test_the_certificate_reads_as_the_state_writes_it(certified, app):
    pdf = _pdf(certified["huong"], certified["link"])
    check_font(pdf)  # Phụ lục I, Phần I, mục I.4: the embedded serif, in black
    with pdfplumber.open(io.BytesIO(pdf)) as read:
        assert len(read.pages) == 1
        page = read.pages[0]
        width = page.width
        assert (round(page.width), round(page.height)) == (842, 595)  # A4 landscape
        text = unicodedata.normalize("NFC", " ".join(page.extract_text().split()))
        for line in ("UBND TỈNH QUẢNG NGÃI", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "GIẤY CHỨNG NHẬN", "Sở Thông tin và Truyền thông chứng nhận:", NAME,
                     "Cơ quan, đơn vị: Sở Công Thương", "Đã hoàn thành lớp bồi dưỡng",
                     "Kỹ năng thông tin đối ngoại cho cán bộ cấp xã",
                     "Lớp TTDN-2026-01, từ ngày 16/03/2026 đến ngày 17/03/2026",
                     f"Số: {certified['number']}", "Quảng Ngãi, ngày 17 tháng 3 năm 2026",
                     "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Ký"):
            assert line in text, line

        national, motto = find(page, "CỘNG HÒA XÃ HỘI"), find(page, "Độc lập - Tự do - Hạnh phúc")
        issuer = find(page, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
        assert national.x0 > width / 2 and issuer.x1 < width / 2  # title right, body left
        assert national.faces == {"Bold"} and national.sizes == {12.0}
        assert motto.faces == {"Bold"} and motto.sizes == {13.0} and motto.top > national.top
        parent = find(page, "UBND TỈNH QUẢNG NGÃI")
        assert parent.faces == {"Regular"} and abs(parent.top - national.top) < 1
        assert issuer.faces == {"Bold"} and issuer.top > parent.bottom
        rules = [line for line in page.lines if motto.bottom < line["top"] < motto.bottom + 8]
        assert any(abs((line["x1"] - line["x0"]) - motto.width) < 1 for line in rules)

        title = find(page, "GIẤY CHỨNG NHẬN")
        assert title.faces == {"Bold"} and title.sizes == {30.0}
        assert abs(title.centre - width / 2) < 1 and title.top > motto.bottom

        name = find(page, NAME)  # every letter of the name, in the bold face, centred
        assert name.text == NAME.replace(" ", "")  # pdfplumber drops the spaces
        assert name.faces == {"Bold"} and name.sizes == {24.0}
        assert abs(name.centre - width / 2) < 1 and name.top > title.bottom
        bold = TTFont("check-bold", FONTS / "LiberationSerif-Bold.ttf").face.charToGlyph
        assert all(ord(c["text"]) in bold for c in name.chars)

        day = find(page, "Quảng Ngãi, ngày 17 tháng 3 năm 2026")
        authority, signer = find(page, "PHÓ GIÁM ĐỐC"), find(page, "Nguyễn Văn Ký")
        assert day.faces == {"Italic"} and day.x0 > width / 2
        assert authority.faces == signer.faces == {"Bold"}
        assert signer.top - authority.bottom > 20 * MM  # room to sign and seal
        assert abs(signer.centre - authority.centre) < 1

        squares = [r for r in page.rects if r["fill"] and r["x1"] < width / 2]
        link = f"http://127.0.0.1:5000/gcn/{certified['number']}"
        assert len(squares) == len(qr.dark_modules(link))  # the QR code of the check page
        assert f"Tra cứu: {link}" in text


def test_the_check_page_works_signed_out_and_shows_name_class_and_date(certified, app):
    stranger = app.test_client()  # nobody signed in: an employer holding the paper
    response = stranger.get(f"/gcn/{certified['number']}")  # where the QR code leads
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    shown = re.findall(r"<dt[^>]*>(.*?)</dt><dd[^>]*>(.*?)</dd>", page, re.S)
    assert [(text_of(k), text_of(v)) for k, v in shown] == [
        ("Số giấy chứng nhận", certified["number"]), ("Cấp cho", NAME),
        ("Lớp", "Kỹ năng thông tin đối ngoại cho cán bộ cấp xã (TTDN-2026-01)"),
        ("Ngày cấp", "17/03/2026")]
    for private in ("Sở Công Thương", "hv.huong", "Nguyễn Văn Ký", "2/2", "Trần Văn Hai"):
        assert private not in main_text(page)
    typed = stranger.get("/gcn", query_string={"number": f" {certified['number'].lower()} "})
    assert typed.status_code == 200 and NAME in typed.get_data(as_text=True)


@pytest.mark.parametrize("number", [
    "GCN-2026-0001-AAAAAA",  # the right serial, a guessed random part
    "GCN-2026-0002", "không-có", "%00", "x" * 300, "GCN-2026-0001-' OR 1=1 --"])
def test_an_unknown_number_is_not_found_never_an_error(certified, app, number):
    response = app.test_client().get("/gcn", query_string={"number": number})
    assert response.status_code == 404
    assert "Không tìm thấy giấy chứng nhận số" in main_text(response.get_data(as_text=True))


def test_the_check_page_is_rate_limited_per_address(certified, app, clock, monkeypatch):
    monkeypatch.setitem(app.config, "CERTIFICATE_CHECK_LIMIT", 3)
    one, other = ({"REMOTE_ADDR": "203.0.113.7"}, {"REMOTE_ADDR": "203.0.113.8"})
    client = app.test_client()
    for number in (certified["number"], "GCN-2026-0001-AAAAAA", "GCN-2026-0001-BBBBBB"):
        assert client.get(f"/gcn/{number}", environ_base=one).status_code in (200, 404)
    refused = client.get(f"/gcn/{certified['number']}", environ_base=one)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "600"
    assert "Địa chỉ này tra cứu quá nhiều lần, vui lòng thử lại sau 10 phút." in main_text(
        refused.get_data(as_text=True))
    assert NAME not in refused.get_data(as_text=True)
    assert client.get(f"/gcn/{certified['number']}", environ_base=other).status_code == 200
    clock.current += timedelta(minutes=10, seconds=1)
    assert client.get(f"/gcn/{certified['number']}", environ_base=one).status_code == 200


def test_only_the_holder_and_the_organiser_download_a_certificate(certified, organiser,
                                                                  person):
    assert certified["hai"].client.get(certified["link"]).status_code == 403
    other = person("cv.khac", "SNV", "Võ Thị Khác", "agency_staff")
    assert other.client.get(certified["link"]).status_code == 403
    assert _pdf(organiser, certified["link"])
    assert "Tải giấy chứng nhận" not in certified["hai"].get("/training/my")
