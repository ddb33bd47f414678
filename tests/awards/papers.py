"""Realistic papers for the PDF tests: a decision of the Chairman, a certificate, a letter."""

from datetime import date

from modules.awards.papers import (
    COLLECTIVE,
    Awardee,
    CertificatePaper,
    DecisionPaper,
    RefusalPaper,
)

AWARDEES = (
    Awardee("Phòng Thông tin đối ngoại", "", "Sở Văn hóa, Thể thao và Du lịch", COLLECTIVE),
    Awardee("Nguyễn Thị Ánh Tuyết", "Chuyên viên", "UBND Phường Trương Quang Trọng"),
    Awardee("Lê Thị Mỹ Hạnh", "Phó Trưởng phòng", "Sở Ngoại vụ"),
    Awardee("Trần Văn Hữu Dẫn", "Phóng viên", "Báo và Phát thanh, Truyền hình Quảng Ngãi"),
)


def decision(**changes) -> DecisionPaper:
    fields = dict(
        number="123/QĐ-UBND", issued_on=date(2025, 12, 15),
        award_form="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        achievement="đã có thành tích xuất sắc trong công tác thông tin đối ngoại năm 2025",
        awardees=AWARDEES,
        proposal="Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày "
                 "10/12/2025",
        signer_name="Lê Văn Minh", drafting_unit="NC")
    return DecisionPaper(**{**fields, **changes})


def certificate(**changes) -> CertificatePaper:
    fields = dict(
        form_title="Bằng khen", authority="Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi",
        recipient="Bà Nguyễn Thị Ánh Tuyết", position="Chuyên viên Phòng Văn hóa - Xã hội",
        agency="Ủy ban nhân dân Phường Trương Quang Trọng",
        achievement="Đã có thành tích xuất sắc trong công tác thông tin đối ngoại năm 2025",
        decision_number="123/QĐ-UBND", decision_date=date(2025, 12, 15),
        signer_name="Lê Văn Minh", serial_number="0042")
    return CertificatePaper(**{**fields, **changes})


def refusal(**changes) -> RefusalPaper:
    fields = dict(
        number="215/SNV-TĐKT", issued_on=date(2025, 12, 12),
        to="Sở Văn hóa, Thể thao và Du lịch",
        subject="kết quả thẩm định hồ sơ đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
        nominee="ông Trần Văn Hữu Dẫn, Phóng viên Báo và Phát thanh, Truyền hình Quảng Ngãi",
        award_form="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        reason="báo cáo thành tích chưa nêu số liệu cụ thể; chưa có ý kiến hiệp y của cơ quan "
               "thuế",
        signer_name="Phạm Thị Hồng", proposal="Tờ trình số 12/TTr-SVHTTDL ngày 01/12/2025",
        drafting_unit="TĐKT")
    return RefusalPaper(**{**fields, **changes})
