"""Commendations for the demo (`flask seed` with APP_ENV=development): a round in progress,
opened by the coordinator (`dieuphoi`), where Sở Công Thương (`chuyenvien.sct`) proposed three
nominees: one returned for supplement, two in the list at appraisal by Home Affairs
(`noivu`). Run once, through the same services as the pages."""

from datetime import timedelta

from sqlalchemy import select

from app.auth.models import User
from app.clock import today
from app.extensions import db
from modules.awards import catalogue, consolidation, nominations, rounds
from modules.awards.models import AwardForm, AwardRound

# A small PDF standing for each scanned document of the demo's dossiers.
DOCUMENT = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
            b"/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
BASE = ("to_trinh", "bao_cao_thanh_tich", "bien_ban_hoi_dong")
NOMINEES = [  # name, kind, position, summary
    ("Nguyễn Thị Thu Hà", "individual", "Trưởng phòng Xúc tiến thương mại",
     "Tham mưu tổ chức 6 đoàn xúc tiến thương mại tại Nhật Bản, Hàn Quốc; biên soạn tài liệu "
     "giới thiệu sản phẩm của tỉnh bằng tiếng Anh, tiếng Nhật."),
    ("Phòng Quản lý thương mại", "collective", "",
     "Cung cấp thông tin về hội nhập kinh tế quốc tế cho 120 doanh nghiệp; phối hợp xử lý "
     "thông tin sai lệch về xuất khẩu nông sản."),
    ("Trần Quốc Việt", "individual", "Chuyên viên",
     "Quản trị chuyên mục thông tin đối ngoại trên trang thông tin điện tử của Sở."),
]


def _person(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username))


def seed_demo_awards() -> str | None:
    if db.session.scalar(select(AwardRound.id).limit(1)) is not None:
        return None
    coordinator, clerk = _person("dieuphoi"), _person("chuyenvien.sct")
    if coordinator is None or clerk is None:
        return None
    forms = {form.code: form for form in catalogue.forms(active_only=True)}
    offered = [forms[code].id for code in ("bang_khen_chu_tich", "bang_khen_chuyen_de",
                                           "giay_khen") if code in forms]
    year = today().year
    award_round = rounds.open_round(
        coordinator, topic="Khen thưởng chuyên đề công tác thông tin đối ngoại",
        year=year, deadline=today() + timedelta(days=20), form_ids=offered,
        note="Mỗi cơ quan đề nghị không quá 3 trường hợp.")
    bang_khen = db.session.scalar(select(AwardForm.id).where(
        AwardForm.code == "bang_khen_chu_tich"))
    made = []
    for name, kind, position, summary in NOMINEES:
        nomination = nominations.save(
            award_round.id, clerk, nominations.Proposal(
                form_id=bang_khen, kind=kind, name=name, position=position,
                unit="Sở Công Thương", summary=summary),
            [(code, f"{code}.pdf", DOCUMENT) for code in BASE])
        nominations.send(nomination.id, clerk)
        made.append(nomination)
    consolidation.return_for_supplement(
        made[2].id, coordinator, "Bổ sung số liệu cụ thể về số tin, bài đã đăng và xác nhận "
        "của lãnh đạo Sở.")
    for nomination in made[:2]:
        consolidation.accept(nomination.id, coordinator)
    consolidation.send_list(award_round.id, coordinator, decider="chairman",
                            number="35/TTr-SVHTTDL", upload=("to-trinh-35.pdf", DOCUMENT))
    return ("Commendations: a round in progress; one nomination returned for supplement, "
            "a list of two at appraisal by Home Affairs.")
