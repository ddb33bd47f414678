"""What the commendation's official papers say, as plain values the services fill and the PDF
modules print: the decision with its list of awardees, a certificate per awardee, and Home
Affairs' letter to an agency whose nominee was not approved. Text is Vietnamese as the paper
prints it (names, positions, agencies, grounds); nothing here reads the database."""

from dataclasses import dataclass, field
from datetime import date

PERSON, COLLECTIVE = "person", "collective"
PROVINCE = "Ủy ban nhân dân tỉnh Quảng Ngãi"
PLACE = "Quảng Ngãi"
CHAIRMAN = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
LAW_GROUND = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
DECREE_GROUND = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy "
                 "định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định "
                 "chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng")
# Luật 72/2025/QH15; its date was not read in the text (unconfirmed): the services may pass
# their own grounds.
LOCAL_GOVERNMENT_GROUND = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"


@dataclass(frozen=True)
class Awardee:
    name: str  # "Nguyễn Thị Ánh Tuyết", or a collective: "Phòng Thông tin đối ngoại"
    description: str = ""  # a person's position: "Chuyên viên"; a collective: "" or its kind
    agency: str = ""  # "Sở Văn hóa, Thể thao và Du lịch"
    kind: str = PERSON  # PERSON or COLLECTIVE

    @property
    def position_and_agency(self) -> str:
        """"Chuyên viên, Sở Nội vụ": what the list's last column and the certificate print."""
        return ", ".join(part.strip() for part in (self.description, self.agency) if part.strip())


@dataclass(frozen=True)
class DecisionPaper:
    number: str  # "123/QĐ-UBND"
    issued_on: date
    award_form: str  # "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    achievement: str  # "đã có thành tích xuất sắc trong công tác thông tin đối ngoại năm 2025"
    awardees: tuple[Awardee, ...]
    proposal: str  # "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày …"
    signer_name: str
    signer_authority: str = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    grounds: tuple[str, ...] = (LOCAL_GOVERNMENT_GROUND, LAW_GROUND, DECREE_GROUND)
    issuer: str = PROVINCE  # "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI", bold, with no parent
    issuer_parent: str = ""  # a Giấy khen's decision: "UBND tỉnh Quảng Ngãi" over the agency
    authority: str = CHAIRMAN  # the line under the title: who decides
    decider: str = "Chủ tịch UBND tỉnh Quảng Ngãi"  # "(Kèm theo Quyết định số … của …)"
    place: str = PLACE
    reward: str = ("Tập thể, cá nhân có tên tại Điều 1 được nhận hiện vật và tiền thưởng theo "
                   "quy định của Nghị định số 152/2025/NĐ-CP; kinh phí khen thưởng chi từ Quỹ "
                   "thi đua, khen thưởng của tỉnh.")
    executors: tuple[str, ...] = ("Chánh Văn phòng Ủy ban nhân dân tỉnh",
                                  "Giám đốc Sở Nội vụ")
    recipients: tuple[str, ...] = ("Như Điều 3", "Lưu: VT")
    drafting_unit: str = ""  # "NC": the archive line "- Lưu: VT, NC."


@dataclass(frozen=True)
class CertificatePaper:
    form_title: str  # "BẰNG KHEN" or "GIẤY KHEN": sets the size of the paper
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" (over "TẶNG")
    recipient: str  # "Bà Nguyễn Thị Ánh Tuyết", or a collective's name
    position: str  # "Chuyên viên Phòng Thông tin đối ngoại"
    agency: str
    achievement: str  # "Đã có thành tích xuất sắc trong công tác thông tin đối ngoại năm 2025"
    decision_number: str
    decision_date: date
    signer_name: str
    signer_title: str = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    serial_number: str = ""  # the số sổ vàng (registry number)
    place: str = PLACE


@dataclass(frozen=True)
class RefusalPaper:
    number: str  # "215/SNV-TĐKT"
    issued_on: date
    to: str  # the proposing agency: "Sở Văn hóa, Thể thao và Du lịch"
    subject: str  # after "V/v": "kết quả thẩm định hồ sơ đề nghị tặng Bằng khen …"
    nominee: str  # "bà Nguyễn Thị Ánh Tuyết, Chuyên viên Phòng …"
    award_form: str  # "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    reason: str  # Home Affairs' reason, as recorded at appraisal
    signer_name: str
    signer_authority: str = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    proposal: str = ""  # the agency's own tờ trình: "Tờ trình số 12/TTr-SVHTTDL ngày …"
    issuer: str = "Sở Nội vụ"
    issuer_parent: str = "UBND tỉnh Quảng Ngãi"
    place: str = PLACE
    recipients: tuple[str, ...] = field(default=("Như trên", "Lưu: VT"))
    drafting_unit: str = ""  # "TĐKT"
