"""Official documents: the Nghị định 30/2020/NĐ-CP layout (Phụ lục I), read back from the PDF's
geometry, every Vietnamese letter intact. The checks themselves are in tests/pdf_layout.py; the
consolidated report the app issues runs them all in tests/journeys/test_official_pdf_layout.py."""

import io
import string
import unicodedata
from datetime import date

import pdfplumber
import pytest
from reportlab.lib.enums import TA_LEFT
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from app.pdf import OfficialDocument, date_line, render
from app.pdf.lines import balanced_lines
from app.pdf.official import HEADER_SIZE, NATIONAL_TITLE, TEXT_WIDTH, heading_style, recipient_lines
from app.pdf.typeface import FACE_FILES, FONTS, _register_fonts, _style, face, width
from tests import pdf_layout
from tests.conftest import pdf_text
from tests.pdf_layout import MM, PAGE_HEIGHT, issuing_body, pages

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền, sắc, hỏi, ngã, nặng
VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
LETTERS = sorted({unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS
                  for tone in TONES} | {"đ"})
ALL_LETTERS = LETTERS + [letter.upper() for letter in LETTERS]  # 146 letters
LONG_ISSUER = "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"
PARAGRAPH = ("Thực hiện Kế hoạch số 116/KH-UBND ngày 03/6/2024 của Ủy ban nhân dân tỉnh về "
             "thông tin đối ngoại, đơn vị đã tổ chức tuyên truyền trên báo chí, cổng thông tin "
             "điện tử và mạng xã hội; phối hợp tổ chức hội nghị, hội thảo, xúc tiến đầu tư, "
             "thương mại và du lịch; cập nhật thông tin về tỉnh bằng tiếng nước ngoài.")


def document(issuer: str = LONG_ISSUER, paragraphs: int = 20, **changes) -> OfficialDocument:
    fields = dict(
        issuer_parent="UBND tỉnh Quảng Ngãi", issuer=issuer, number="125/BC-BQL",
        place="Quảng Ngãi", issued_on=date(2025, 12, 15), kind="Báo cáo",
        summary="Kết quả thực hiện Kế hoạch số 116/KH-UBND năm 2025 về thông tin đối ngoại "
                "trên địa bàn tỉnh Quảng Ngãi",
        body=[PARAGRAPH] * paragraphs,
        recipients=["UBND tỉnh (để báo cáo)", "Sở Văn hóa, Thể thao và Du lịch", "Lưu: VT"],
        signer_authority="KT. Trưởng ban\nPhó Trưởng ban", signer_name="Nguyễn Văn An",
        drafting_unit="TTĐN")
    return OfficialDocument(**{**fields, **changes})


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    """A long issuing body's report running over three pages and more."""
    pdf = render(document())
    assert len(pages(pdf)) >= 3
    return pdf


@pytest.mark.parametrize(("day", "expected"), [
    (date(2025, 12, 15), "Quảng Ngãi, ngày 15 tháng 12 năm 2025"),
    (date(2026, 2, 5), "Quảng Ngãi, ngày 05 tháng 02 năm 2026"),
    (date(2026, 9, 2), "Quảng Ngãi, ngày 02 tháng 9 năm 2026"),
])
def test_the_date_line(day, expected):
    """Phụ lục I, Phần II, mục 4: a day below 10 and the months 1 and 2 take a leading zero."""
    assert date_line("Quảng Ngãi", day) == expected


def test_the_font_has_times_new_romans_widths_and_is_embedded(long_pdf):
    """Phụ lục I, Phần I, mục I.4: Times New Roman. Liberation Serif's advance widths are Times'
    (the PDF standard Times metrics), face by face, so lines break where Word breaks them; it
    is embedded and every character is set in it, in black."""
    times = {"": "Times-Roman", "-Bold": "Times-Bold", "-Italic": "Times-Italic",
             "-BoldItalic": "Times-BoldItalic"}
    _register_fonts()
    for suffix, standard in times.items():
        for char in string.printable.strip():
            assert pdfmetrics.stringWidth(char, f"LiberationSerif{suffix}", 1000) == \
                pytest.approx(pdfmetrics.stringWidth(char, standard, 1000), abs=1), char
    pdf_layout.check_font(long_pdf)


def test_every_vietnamese_letter_is_in_each_face_and_reads_back():
    """Phụ lục I, Phần I, mục I.4: Vietnamese in Unicode (TCVN 6909:2001). All 146 letters
    are in the four faces' character maps, and a PDF setting them in each face gives them
    back, letter for letter."""
    for name, file in FACE_FILES.items():
        cmap = TTFont(name + "-check", FONTS / f"LiberationSerif-{file}.ttf").face.charToGlyph
        assert [letter for letter in ALL_LETTERS if ord(letter) not in cmap] == [], name
    letters = " ".join(ALL_LETTERS)
    body = [letters, Paragraph(letters, heading_style()),
            Paragraph(letters, _style("i", 13, italic=True, align=TA_LEFT)),
            Paragraph(letters, _style("bi", 13, bold=True, italic=True, align=TA_LEFT))]
    pdf = render(document(paragraphs=0, body=body))
    with pdfplumber.open(io.BytesIO(pdf)) as read:
        by_face: dict[str, str] = {}
        for char in read.pages[0].chars:
            by_face.setdefault(char["fontname"].split("+")[-1], "")
            by_face[char["fontname"].split("+")[-1]] += char["text"]
        text = " ".join(unicodedata.normalize("NFC", read.pages[0].extract_text()).split())
    assert letters in text
    for name in FACE_FILES:
        assert set(ALL_LETTERS) <= set(by_face[name]), name


def test_a_document_reads_back_in_vietnamese():
    pdf = render(document(issuer="Sở Thông tin và Truyền thông", number="125/BC-STTTT",
                          paragraphs=0, body=["Dấu & và <thẻ> được giữ nguyên."]))
    text = pdf_text(pdf)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "UBND TỈNH QUẢNG NGÃI", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
                     "Số: 125/BC-STTTT", "Quảng Ngãi, ngày 15 tháng 12 năm 2025", "BÁO CÁO",
                     "Nơi nhận:", "- UBND tỉnh (để báo cáo);", "- Lưu: VT, TTĐN.",
                     "PHÓ TRƯỞNG BAN", "Nguyễn Văn An", "Dấu & và <thẻ> được giữ nguyên."):
        assert expected in text, expected


def test_margins(long_pdf):
    """Phụ lục I, Phần I, mục I.3: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm;
    a full page's text runs down to the bottom margin, not further."""
    pdf_layout.check_margins(long_pdf)
    lowest = max(char["bottom"] for char in pages(long_pdf)[0].chars)
    assert PAGE_HEIGHT - 25 * MM - 7 * MM <= lowest <= PAGE_HEIGHT - 20 * MM


def test_page_numbers_from_the_second_page(long_pdf):
    """Phụ lục I, Phần I, mục I.6: arabic numerals, 13-14 pt, upright, centred in the top
    margin, none on the first page."""
    pdf_layout.check_page_numbers(long_pdf)


def test_national_title_and_motto(long_pdf):
    """Phụ lục I, Phần II, mục 1: quốc hiệu in capitals 12-13 pt bold; tiêu ngữ 13-14 pt bold
    with a solid rule exactly its width, centred."""
    pdf_layout.check_national_title(long_pdf)


def test_a_long_issuing_body_breaks_between_words(long_pdf):
    """Phụ lục I, Phần II, mục 2: the issuing body in capitals 12-13 pt bold, a long name on
    several lines; its rule centred, 1/3-1/2 of its line. "KHU CÔNG NGHIỆP" stays whole."""
    pdf_layout.check_issuing_body(long_pdf)
    _, issuer = issuing_body(long_pdf)
    assert [line.text for line in issuer] == [
        "BAN QUẢN LÝ KHU KINH TẾ", "DUNG QUẤT VÀ CÁC", "KHU CÔNG NGHIỆP QUẢNG NGÃI"]


@pytest.mark.parametrize(("name", "lines"), [
    ("Sở Thông tin và Truyền thông", ["SỞ THÔNG TIN VÀ", "TRUYỀN THÔNG"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"]),
    ("Ủy ban nhân dân tỉnh Quảng Ngãi", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]),
    ("Thường trực Hội đồng nhân dân tỉnh", ["THƯỜNG TRỰC", "HỘI ĐỒNG NHÂN DÂN TỈNH"]),
    ("Sở Lao động - Thương binh và Xã hội", ["SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"]),
    ("Sở Nội vụ", ["SỞ NỘI VỤ"]),
    ("Sở Khoa học\nvà Công nghệ", ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]),  # the caller's own break
])
def test_an_issuing_body_breaks_where_its_meaning_does(name, lines):
    """Phụ lục I, Phần II, mục 2: a long name may run on several lines; the break falls where
    the name's meaning does (after a comma, around "và", after the kind of body, before the
    place), never inside a word ("TRUYỀN / THÔNG")."""
    bold = face(bold=True)
    column = TEXT_WIDTH - width(NATIONAL_TITLE, bold, HEADER_SIZE) - 6 * MM
    assert balanced_lines(name.upper(), column, lambda s: width(s, bold, HEADER_SIZE)) == lines
    _, issuer = issuing_body(render(document(issuer=name, paragraphs=1)))
    assert [line.text for line in issuer] == lines


def test_number_and_date(long_pdf):
    """Phụ lục I, Phần II, mục 3, 4: "Số:" 13 pt centred under the issuing body; the place and
    date 13-14 pt italic centred under the motto."""
    pdf_layout.check_number_and_date(long_pdf)


def test_kind_and_summary(long_pdf):
    """Phụ lục I, Phần II, mục 5: kind in capitals and summary 13-14 pt bold, centred; the rule
    under the summary 1/3-1/2 of its line, centred."""
    pdf_layout.check_title(long_pdf, "Báo cáo")


def test_paragraphs(long_pdf):
    """Phụ lục I, Phần II, mục 6: body 13-14 pt, first lines indented 1-1.27 cm, at least 6 pt
    between paragraphs, line spacing from single to 1.5 lines."""
    pdf_layout.check_paragraphs(long_pdf)


def test_recipients_and_signature(long_pdf):
    """Phụ lục I, Phần II, mục 7, 9: "Nơi nhận:" 12 pt bold italic level with the authority,
    recipients 11 pt, "- Lưu: VT, TTĐN." last with a full stop; authority and name 13-14 pt
    bold, centred."""
    pdf_layout.check_closing(long_pdf)


@pytest.mark.parametrize(("recipients", "unit", "expected"), [
    (["UBND tỉnh", "Lưu: VT"], "TTĐN", ["- UBND tỉnh;", "- Lưu: VT, TTĐN."]),
    (["Lưu: VT, VP.", "- Sở Nội vụ;"], "", ["- Sở Nội vụ;", "- Lưu: VT, VP."]),
    (["UBND tỉnh"], "", ["- UBND tỉnh;", "- Lưu: VT."]),
])
def test_the_archive_line_comes_last_and_ends_with_a_full_stop(recipients, unit, expected):
    """Phụ lục I, Phần II, mục 9: each recipient after a dash, ending with a semicolon; the last
    line "Lưu:", "VT", a comma, the drafting unit's abbreviation, then a full stop."""
    assert recipient_lines(document(recipients=recipients, drafting_unit=unit)) == expected
