"""The "Quyết định về việc tặng Bằng khen" PDF: its text read back letter for letter, its
articles and attached list, and the layout Nghị định 30/2020/NĐ-CP, Phụ lục I sets, checked
from the PDF's geometry with the helpers every official PDF of the app is held to
(tests/pdf_layout.py)."""

import re
from dataclasses import replace

import pytest

from app.pdf import render
from modules.awards.decision_pdf import decision_document, decision_pdf
from modules.awards.papers import COLLECTIVE, Awardee
from tests import pdf_layout
from tests.awards.papers import AWARDEES, decision
from tests.conftest import pdf_text
from tests.pdf_layout import LEFT, MM, find, pages, text_lines


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return decision_pdf(decision())


def table_rows(page) -> list[list[str]]:
    """The list's rows on a page, each cell's text on one line."""
    return [[" ".join((cell or "").split()) for cell in row]
            for table in page.extract_tables() for row in table]


def test_the_decision_reads_back_in_vietnamese(pdf):
    text = pdf_text(pdf)
    for expected in (
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Số: 123/QĐ-UBND",
            "Quảng Ngãi, ngày 15 tháng 12 năm 2025", "QUYẾT ĐỊNH",
            "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
            "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 10/12/2025.",
            "QUYẾT ĐỊNH:",
            "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 03 cá "
            "nhân (có danh sách kèm theo), đã có thành tích xuất sắc trong công tác thông tin "
            "đối ngoại năm 2025.",
            "Điều 2. Tập thể, cá nhân có tên tại Điều 1 được nhận hiện vật và tiền thưởng",
            "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký. Chánh Văn phòng Ủy ban "
            "nhân dân tỉnh, Giám đốc Sở Nội vụ",
            "- Như Điều 3;", "- Lưu: VT, NC.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Minh",
            "DANH SÁCH", "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/12/2025 của Chủ tịch "
            "UBND tỉnh Quảng Ngãi)",
            "Nguyễn Thị Ánh Tuyết", "Chuyên viên, UBND Phường Trương Quang Trọng",
            "Lê Thị Mỹ Hạnh", "Trần Văn Hữu Dẫn"):
        assert expected in text, expected
    for letter in ["ỹ", "ữ", "ẫ", "Ủ", "Ư", "ơ", "ạ", "đ", "Đ"]:
        assert letter in text


def test_the_list_is_attached_on_its_own_page_collectives_then_people(pdf):
    """The list follows the signature on a new page, under "DANH SÁCH" and the reference to
    the decision; I. TẬP THỂ, then II. CÁ NHÂN, each numbered from 1."""
    first, second = pages(pdf)[:2]
    assert "DANH SÁCH" not in first.extract_text()
    assert [line.text for line in text_lines(second)][1:3] == [
        "DANH SÁCH", "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH"]
    assert table_rows(second) == [
        ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"],
        ["I", "TẬP THỂ", ""],
        ["1", "Phòng Thông tin đối ngoại", "Sở Văn hóa, Thể thao và Du lịch"],
        ["II", "CÁ NHÂN", ""],
        ["1", "Nguyễn Thị Ánh Tuyết", "Chuyên viên, UBND Phường Trương Quang Trọng"],
        ["2", "Lê Thị Mỹ Hạnh", "Phó Trưởng phòng, Sở Ngoại vụ"],
        ["3", "Trần Văn Hữu Dẫn", "Phóng viên, Báo và Phát thanh, Truyền hình Quảng Ngãi"]]


def test_the_layout_of_phu_luc_i(pdf):
    """Phụ lục I: Times New Roman's metrics, embedded, black (I.4); margins (I.3); page
    numbers from page 2 (I.6); quốc hiệu and tiêu ngữ (II.1); number and date (II.3, 4);
    "QUYẾT ĐỊNH" and its summary, bold, with the rule (II.5); the recipients and the
    signature (II.7, 9), read on the decision without its list (which follows them)."""
    for check in (pdf_layout.check_font, pdf_layout.check_margins,
                  pdf_layout.check_page_numbers, pdf_layout.check_national_title,
                  pdf_layout.check_number_and_date):
        check(pdf)
    pdf_layout.check_title(pdf, "Quyết định")
    pdf_layout.check_closing(render(replace(decision_document(decision()), appendix=[])))


def test_the_province_issues_it_in_its_own_name_with_no_parent_body(pdf):
    """Phụ lục I, Phần II, mục 2: the People's Committee's name in capitals, bold, 12-13 pt,
    with no body above it, a rule of 1/3-1/2 of its line under it."""
    parent, issuer = pdf_layout.issuing_body(pdf)
    assert parent == []
    assert [line.text for line in issuer] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    rule = pdf_layout.rule_under(pages(pdf)[0], issuer[-1])
    assert 1 / 3 <= (rule["x1"] - rule["x0"]) / max(line.width for line in issuer) <= 1 / 2


def test_grounds_in_italics_and_articles_indented_in_bold(pdf):
    """Phụ lục I, Phần II, mục 6: the grounds (căn cứ) in italics, each on its line ending
    with a semicolon, the proposal with a full stop; "Điều 1." in bold, 13-14 pt, indented
    1-1.27 cm like every paragraph; the authority over the grounds in bold capitals."""
    page = pages(pdf)[0]
    ground = find(page, "Căn cứ Luật Thi đua, khen thưởng")
    assert ground.faces == {"Italic"} and ground.sizes == {13.0}
    assert 10 <= (ground.x0 - LEFT) / MM <= 12.7
    article = find(page, "Điều 1.")
    assert article.faces == {"Bold"} and 10 <= (article.x0 - LEFT) / MM <= 12.7
    assert find(page, "QUYẾT ĐỊNH:").faces == {"Bold"}
    assert find(page, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI").faces == {"Bold"}


def test_a_long_list_runs_over_pages_and_repeats_its_heading():
    """Sixty awardees: the table flows over the following pages, each starting with the
    heading row; everyone is listed once, numbered in order; the pages are numbered."""
    people = tuple(Awardee(f"Nguyễn Văn Ánh {n:02d}", "Chuyên viên",
                           "UBND Phường Trương Quang Trọng") for n in range(1, 61))
    pdf = decision_pdf(decision(awardees=(AWARDEES[0], *people)))
    read = pages(pdf)
    assert len(read) >= 4
    pdf_layout.check_page_numbers(pdf)
    pdf_layout.check_margins(pdf)
    listed = []
    for page in read[1:]:
        rows = table_rows(page)
        assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"], page
        if page is not read[1]:  # the table runs on from the page's top
            assert text_lines(page, top=pdf_layout.TOP)[0].text.startswith("STT")
        for number, name, _ in rows[1:]:
            if match := re.fullmatch(r"Nguyễn Văn Ánh (\d+)", name):
                assert number == str(int(match.group(1)))
                listed.append(int(number))
    assert listed == list(range(1, 61))
    assert "01 tập thể và 60 cá nhân" in pdf_text(pdf)


def test_a_list_of_people_only_has_no_group_rows():
    pdf = decision_pdf(decision(awardees=AWARDEES[1:]))
    text = pdf_text(pdf)
    assert "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN" in text
    assert "TẬP THỂ" not in text.split("DANH SÁCH")[1] and "II CÁ NHÂN" not in text
    assert "cho 03 cá nhân (có danh sách kèm theo)" in text


def test_a_decision_without_awardees_is_refused():
    with pytest.raises(ValueError, match="at least one awardee"):
        decision_pdf(decision(awardees=()))


def test_a_giay_khen_decision_of_an_agency_head_carries_the_parent_body():
    """A Giấy khen is decided by the head of the agency: the agency under its parent body,
    both as Phụ lục I, Phần II, mục 2 sets them."""
    pdf = decision_pdf(decision(
        number="56/QĐ-SVHTTDL", award_form="Giấy khen", issuer_parent="UBND tỉnh Quảng Ngãi",
        issuer="Sở Văn hóa, Thể thao và Du lịch",
        authority="Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        decider="Giám đốc Sở Văn hóa, Thể thao và Du lịch", signer_authority="Giám đốc",
        awardees=(Awardee("Tổ Thông tin đối ngoại", "", "Phòng Quản lý văn hóa",
                          COLLECTIVE),)))
    pdf_layout.check_issuing_body(pdf)
    text = pdf_text(pdf)
    assert "Về việc tặng Giấy khen" in text and "cho 01 tập thể" in text
