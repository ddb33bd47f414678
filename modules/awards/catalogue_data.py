"""The award forms the catalogue is seeded with, and the kinds of document a dossier holds.

The forms' text is data in Vietnamese, as the province writes it (like agencies' names); an
admin edits it in the catalogue afterwards. Who decides: the Chairman of the provincial
People's Committee, through Home Affairs' appraisal (Bằng khen, Cờ thi đua, Chiến sĩ thi đua
cấp tỉnh, Tập thể lao động xuất sắc), or the head of the agency, without it (Giấy khen).

Sources (docs/law/awards.md has the addresses): Luật Thi đua, khen thưởng số
06/2022/QH15 and Nghị định 152/2025/NĐ-CP. Their articles on these criteria and dossiers could
not be read in the text; the criteria below summarise what provincial emulation portals
publish, and each `source` says so ("chưa đối chiếu văn bản")."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

INDIVIDUAL, COLLECTIVE, BOTH = "individual", "collective", "both"
CHAIRMAN, AGENCY_HEAD = "chairman", "agency_head"
RECIPIENTS = (INDIVIDUAL, COLLECTIVE, BOTH)
DECIDERS = (CHAIRMAN, AGENCY_HEAD)

LAW = "Luật Thi đua, khen thưởng 2022"
DECREE = "Nghị định 152/2025/NĐ-CP"
UNCONFIRMED = "chưa đối chiếu văn bản"

# code -> label, in the order a dossier lists them.
DOCUMENT_KINDS = {
    "to_trinh": _l("Submission (tờ trình) with the list of nominees"),
    "bao_cao_thanh_tich": _l("Achievement report"),
    "bien_ban_hoi_dong": _l("Minutes of the emulation and commendation council's meeting"),
    "hiep_y": _l("Opinions of the tax, social insurance and environment agencies (hiệp y)"),
    "sang_kien": _l("Recognition of an initiative or research work"),
    "other_proof": _l("Other proof"),
}
# The opinions an enterprise's nominee needs, each answered in writing (or in the app).
HIEP_Y_AGENCIES = {
    "thue": _l("Tax"),
    "bhxh": _l("Social insurance"),
    "moi_truong": _l("Environment"),
}
BASE_DOCUMENTS = ("to_trinh", "bao_cao_thanh_tich", "bien_ban_hoi_dong")


@dataclass(frozen=True)
class AwardFormSeed:
    code: str
    name: str
    recipients: str  # INDIVIDUAL, COLLECTIVE or BOTH
    decider: str  # CHAIRMAN (appraised by Home Affairs) or AGENCY_HEAD (not)
    proposers: str
    criteria: str
    documents: tuple[str, ...]  # DOCUMENT_KINDS codes the dossier needs
    source: str

    @property
    def appraised(self) -> bool:
        """Whether Home Affairs appraises the dossier before the decision."""
        return self.decider == CHAIRMAN


FORMS = (
    AwardFormSeed(
        code="bang_khen_chu_tich",
        name="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        recipients=BOTH, decider=CHAIRMAN,
        proposers="Thủ trưởng sở, ban, ngành, đoàn thể tỉnh; Chủ tịch UBND xã, phường, đặc "
                  "khu; doanh nghiệp, tổ chức thuộc tỉnh",
        criteria="Cá nhân, tập thể gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, "
                 "pháp luật của Nhà nước; có thành tích tiêu biểu xuất sắc được bình xét trong "
                 "phong trào thi đua, hoặc thành tích đột xuất; tập thể nội bộ đoàn kết, tổ "
                 "chức tốt phong trào thi đua (Luật TĐKT 2022, Điều 72).",
        documents=BASE_DOCUMENTS,
        source=f"{LAW}, Điều 72; {DECREE}; {UNCONFIRMED}"),
    AwardFormSeed(
        code="bang_khen_chuyen_de",
        name="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh theo chuyên đề — công tác thông "
             "tin đối ngoại",
        recipients=BOTH, decider=CHAIRMAN,
        proposers="Cơ quan thường trực công tác thông tin đối ngoại của tỉnh tổng hợp đề nghị "
                  "của các sở, ban, ngành, địa phương",
        criteria="Cá nhân, tập thể có thành tích xuất sắc trong công tác thông tin đối ngoại "
                 "theo kế hoạch của tỉnh (thi đua theo chuyên đề); kết quả không dùng làm căn "
                 "cứ đề nghị khen thưởng công trạng cấp trên (Luật TĐKT 2022, Điều 72; "
                 "NĐ 152/2025/NĐ-CP, nguyên tắc khen thưởng).",
        documents=BASE_DOCUMENTS,
        source=f"{LAW}, Điều 72; {DECREE} (nguyên tắc; khen thưởng theo chuyên đề); "
               f"{UNCONFIRMED}"),
    AwardFormSeed(
        code="giay_khen",
        name="Giấy khen",
        recipients=BOTH, decider=AGENCY_HEAD,
        proposers="Trưởng phòng, đơn vị thuộc cơ quan; hội đồng thi đua, khen thưởng của cơ "
                  "quan",
        criteria="Cá nhân, tập thể hoàn thành tốt nhiệm vụ, có thành tích được bình xét trong "
                 "phong trào thi đua hoặc thành tích đột xuất; do thủ trưởng cơ quan quyết định, "
                 "không qua Sở Nội vụ thẩm định (Luật TĐKT 2022, Điều 74, 75).",
        documents=("to_trinh", "bao_cao_thanh_tich"),
        source=f"{LAW}, Điều 74, 75; {UNCONFIRMED}"),
    AwardFormSeed(
        code="tap_the_lao_dong_xuat_sac",
        name="Danh hiệu Tập thể lao động xuất sắc",
        recipients=COLLECTIVE, decider=CHAIRMAN,
        proposers="Thủ trưởng sở, ban, ngành, địa phương có tập thể trực thuộc",
        criteria="Tập thể sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ; có phong trào thi "
                 "đua thường xuyên, thiết thực, hiệu quả; các cá nhân hoàn thành nhiệm vụ, đa "
                 "số đạt Lao động tiên tiến, có cá nhân đạt Chiến sĩ thi đua cơ sở; nội bộ "
                 "đoàn kết (Luật TĐKT 2022, Điều 28).",
        documents=BASE_DOCUMENTS,
        source=f"{LAW}, Điều 28; {DECREE}; {UNCONFIRMED}"),
    AwardFormSeed(
        code="chien_si_thi_dua_tinh",
        name="Danh hiệu Chiến sĩ thi đua cấp tỉnh",
        recipients=INDIVIDUAL, decider=CHAIRMAN,
        proposers="Thủ trưởng sở, ban, ngành, địa phương quản lý cá nhân",
        criteria="Cá nhân có thành tích tiêu biểu xuất sắc trong số những người có 03 lần liên "
                 "tục đạt Chiến sĩ thi đua cơ sở; có sáng kiến, đề tài nghiên cứu có phạm vi "
                 "ảnh hưởng trong tỉnh được cấp tỉnh công nhận (Luật TĐKT 2022, Điều 26).",
        documents=(*BASE_DOCUMENTS, "sang_kien"),
        source=f"{LAW}, Điều 26; {DECREE}; {UNCONFIRMED}"),
    AwardFormSeed(
        code="co_thi_dua_ubnd",
        name="Cờ thi đua của Ủy ban nhân dân tỉnh",
        recipients=COLLECTIVE, decider=CHAIRMAN,
        proposers="Trưởng khối, cụm thi đua của tỉnh; thủ trưởng sở, ban, ngành, địa phương",
        criteria="Tập thể hoàn thành vượt mức chỉ tiêu thi đua và nhiệm vụ được giao trong năm, "
                 "tiêu biểu xuất sắc của tỉnh; có nhân tố mới, mô hình mới để học tập; nội bộ "
                 "đoàn kết, thực hành tiết kiệm, chống lãng phí, tham nhũng (Luật TĐKT 2022, "
                 "Điều 27).",
        documents=BASE_DOCUMENTS,
        source=f"{LAW}, Điều 27; {DECREE}; {UNCONFIRMED}"),
)


def form(code: str) -> AwardFormSeed:
    return next(seed for seed in FORMS if seed.code == code)


def needed_documents(seed: AwardFormSeed, enterprise: bool = False) -> tuple[str, ...]:
    """The documents a nominee's dossier needs for the form; an enterprise's nominee also
    needs the hiệp y (tax, social insurance, environment), where Home Affairs appraises."""
    if enterprise and seed.appraised and "hiep_y" not in seed.documents:
        return (*seed.documents, "hiep_y")
    return seed.documents


def missing_documents(seed: AwardFormSeed, given, enterprise: bool = False) -> list[str]:
    """The codes still missing from `given` (codes already attached), in the dossier's order:
    what the page names before anything is sent."""
    have = set(given)
    return [code for code in needed_documents(seed, enterprise) if code not in have]
