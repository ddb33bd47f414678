"""Home Affairs' letter (công văn) telling an agency its nominee was not approved, and why:
its text read back, and the layout Nghị định 30/2020/NĐ-CP, Phụ lục I sets for a công văn
(the summary after "V/v" under the number, ô 5b)."""

import pytest

from modules.awards.letter_pdf import letter_pdf
from tests import pdf_layout
from tests.awards.papers import refusal
from tests.conftest import pdf_text
from tests.pdf_layout import find, pages, text_lines


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return letter_pdf(refusal())


def test_the_letter_says_who_what_and_why(pdf):
    text = pdf_text(pdf)
    for expected in (
            "UBND TỈNH QUẢNG NGÃI", "SỞ NỘI VỤ", "Số: 215/SNV-TĐKT",
            "V/v kết quả thẩm định hồ sơ đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
            "Quảng Ngãi, ngày 12 tháng 12 năm 2025",
            "Kính gửi: Sở Văn hóa, Thể thao và Du lịch.",
            "tại Tờ trình số 12/TTr-SVHTTDL ngày 01/12/2025",
            "cho ông Trần Văn Hữu Dẫn, Phóng viên Báo và Phát thanh, Truyền hình Quảng Ngãi.",
            "Lý do: Báo cáo thành tích chưa nêu số liệu cụ thể; chưa có ý kiến hiệp y của cơ "
            "quan thuế.",
            "- Như trên;", "- Lưu: VT, TĐKT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Thị Hồng"):
        assert expected in text, expected
    assert "CÔNG VĂN" not in text  # a công văn carries no kind heading


def test_the_layout_of_a_cong_van(pdf):
    """Phụ lục I: font, margins, national title, issuing body, number and date, closing; the
    summary after "V/v" 12-13 pt, upright, centred under the number (Phần II, mục 5b)."""
    for check in (pdf_layout.check_font, pdf_layout.check_margins,
                  pdf_layout.check_page_numbers, pdf_layout.check_national_title,
                  pdf_layout.check_issuing_body, pdf_layout.check_number_and_date,
                  pdf_layout.check_paragraphs, pdf_layout.check_closing):
        check(pdf)
    page = pages(pdf)[0]
    number, subject = find(page, "Số: 215/SNV-TĐKT"), find(page, "V/v kết quả")
    assert subject.sizes == {12.0} and subject.faces == {"Regular"}
    assert subject.top >= number.bottom + 4
    split = find(page, "CỘNG HÒA").x0 - 1
    summary = text_lines(page, x1=split, top=number.bottom + 1,
                         bottom=find(page, "Kính gửi").top - 1)
    assert " ".join(line.text for line in summary).startswith("V/v")
    for line in summary:
        assert line.sizes == {12.0} and abs(line.centre - number.centre) <= pdf_layout.EPSILON


def test_a_refusal_without_a_reason_is_not_written():
    with pytest.raises(ValueError, match="reason"):
        letter_pdf(refusal(reason="  "))


def test_a_letter_without_the_agencys_submission_still_reads():
    text = pdf_text(letter_pdf(refusal(proposal="")))
    assert "đề nghị của Sở Văn hóa, Thể thao và Du lịch về việc đề nghị tặng" in text
