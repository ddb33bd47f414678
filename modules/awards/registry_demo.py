"""The registry for the demo (`flask seed` in development): last year's decision of the
Chairman's Bằng khen for foreign information work with its awardees — people and
collectives of the demo's agencies, Phạm Thị Huyền of Sở Công Thương (`chuyenvien.sct`)
among them — and earlier years imported from the province's lists, so that a history
shows several years. Run once: a registry that holds last year's decision is left alone."""

from datetime import date

from sqlalchemy import select

from app.auth.models import Agency
from app.clock import today
from app.extensions import db
from modules.awards import catalogue_data
from modules.awards.registry import record_award
from modules.awards.registry_models import Award

SIGNER = "Nguyễn Văn Ký"  # a demo name: KT. Chủ tịch, Phó Chủ tịch UBND tỉnh
SPECIAL = ("bang_khen_chuyen_de", catalogue_data.form("bang_khen_chuyen_de").name)
CHAIRMAN = ("bang_khen_chu_tich", catalogue_data.form("bang_khen_chu_tich").name)

# (kind, name, position, agency code)
LAST_YEAR = [
    ("person", "Nguyễn Thị Thu Hà", "Trưởng phòng Thông tin đối ngoại", "SVHTTDL"),
    ("person", "Phạm Thị Huyền", "Chuyên viên", "SCT"),
    ("person", "Trần Quốc Việt", "Phóng viên", "BAO_QN"),
    ("person", "Lê Minh Tuấn", "Biên tập viên", "DAI_PTTH"),
    ("person", "Võ Thị Mỹ Linh", "Chuyên viên", "SNV"),
    ("collective", "Phòng Thông tin đối ngoại, Sở Văn hóa, Thể thao và Du lịch", None,
     "SVHTTDL"),
    ("collective", "Ban Biên tập Trang tin đối ngoại, Báo Quảng Ngãi", None, "BAO_QN"),
]
# Imported: (years back, form, decision number, day, month, signer, awardees)
EARLIER = [
    (3, CHAIRMAN, "1905/QĐ-UBND", 20, 12, "Trần Văn Ấn", [
        ("person", "Nguyễn Thị Thu Hà", "Phó Trưởng phòng Thông tin điện tử", "STTTT"),
        ("person", "Trần Quốc Việt", "Phóng viên", "BAO_QN"),
        ("collective", "Phòng Thông tin điện tử, Sở Thông tin và Truyền thông", None,
         "STTTT")]),
    (2, (None, "Chiến sĩ thi đua cơ sở"), "125/QĐ-STTTT", 15, 12, "Lê Thị Cơ", [
        ("person", "Nguyễn Thị Thu Hà", "Phó Trưởng phòng Thông tin điện tử", "STTTT")]),
]


def _agency(code: str) -> Agency:
    return db.session.scalar(select(Agency).where(Agency.code == code))


def _record(year, form, number, day, signer, awardees, imported) -> None:
    for kind, name, position, code in awardees:
        agency = _agency(code)
        record_award(year=year, form_code=form[0], form_name=form[1], kind=kind, name=name,
                     position=position, agency_id=agency.id, agency_name=agency.name_vi,
                     decision_number=number, decision_date=day, signer=signer,
                     imported=imported)


def seed_demo_registry() -> str | None:
    year = today().year - 1
    number = "2718/QĐ-UBND"
    if db.session.scalar(select(Award.id).where(Award.decision_number == number,
                                                Award.year == year).limit(1)):
        return None
    _record(year, SPECIAL, number, date(year, 12, 19), SIGNER, LAST_YEAR, imported=False)
    for back, form, earlier_number, day, month, signer, awardees in EARLIER:
        _record(year - back + 1, form, earlier_number, date(year - back + 1, month, day),
                signer, awardees, imported=True)
    db.session.commit()
    return (f"Commendations: decision {number} of {year} with {len(LAST_YEAR)} awardees in "
            "the registry, and earlier years imported.")
