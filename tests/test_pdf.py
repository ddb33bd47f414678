"""Official documents: the Nghị định 30/2020/NĐ-CP layout, every Vietnamese letter intact."""

from datetime import date

import pytest

from app.pdf import OfficialDocument, date_line, render
from tests.conftest import pdf_text

ALL_VIETNAMESE = ("ăâđêôơư áàảãạ ấầẩẫậ ắằẳẵặ éèẻẽẹ ếềểễệ íìỉĩị óòỏõọ ốồổỗộ ớờởỡợ úùủũụ "
                  "ứừửữự ýỳỷỹỵ ĂÂĐÊÔƠƯ ỆỘỰỸ")


@pytest.mark.parametrize(("day", "expected"), [
    (date(2025, 12, 15), "Quảng Ngãi, ngày 15 tháng 12 năm 2025"),
    (date(2026, 2, 5), "Quảng Ngãi, ngày 05 tháng 02 năm 2026"),
    (date(2026, 9, 2), "Quảng Ngãi, ngày 02 tháng 9 năm 2026"),
])
def test_the_date_line(day, expected):
    assert date_line("Quảng Ngãi", day) == expected


def test_a_document_reads_back_in_vietnamese():
    pdf = render(OfficialDocument(
        issuer_parent="UBND tỉnh Quảng Ngãi", issuer="Sở Thông tin và Truyền thông",
        number="125/BC-STTTT", place="Quảng Ngãi", issued_on=date(2025, 12, 15),
        kind="Báo cáo", summary="Kết quả thực hiện Kế hoạch số 116/KH-UBND năm 2025",
        body=[ALL_VIETNAMESE, "Dấu & và <thẻ> được giữ nguyên."],
        recipients=["UBND tỉnh", "Lưu: VT"], signer_authority="KT. Giám đốc\nPhó Giám đốc",
        signer_name="Nguyễn Văn A"))
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "UBND TỈNH QUẢNG NGÃI", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
                     "Số: 125/BC-STTTT", "Quảng Ngãi, ngày 15 tháng 12 năm 2025", "BÁO CÁO",
                     "Nơi nhận:", "- UBND tỉnh;", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A",
                     "Dấu & và <thẻ> được giữ nguyên."):
        assert expected in text, expected
    for word in ALL_VIETNAMESE.split():
        assert word in text, word
