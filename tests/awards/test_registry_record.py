"""record_award: what awcore calls for each awardee of a decision it records."""

from datetime import date

from sqlalchemy import select

from app.extensions import db
from modules.awards.registry import record_award
from modules.awards.registry_models import Award
from tests import factories


def test_an_award_recorded_is_kept_with_its_decision(agencies):
    agency = factories.agency("SNGV")
    award = record_award(
        year=2025, form_code="bang_khen_chu_tich",
        form_name="Bằng khen của Chủ tịch UBND tỉnh", kind="person",
        name=" Nguyễn  Văn An ", position="Phó Giám đốc", agency_id=agency.id,
        agency_name=agency.name_vi, decision_number="1234/QĐ-UBND",
        decision_date=date(2025, 12, 20), signer="Trần Hoàng Tuấn", nomination_id=7)
    db.session.commit()
    db.session.expire_all()

    kept = db.session.scalar(select(Award).where(Award.id == award.id))
    assert (kept.name, kept.name_folded, kept.agency.code, kept.nomination_id) == (
        "Nguyễn Văn An", "nguyen van an", "SNGV", 7)
    assert not kept.imported and not kept.revoked


def test_the_catalogues_word_for_a_person_is_a_person_and_a_wrong_kind_is_refused(agencies):
    import pytest

    agency = factories.agency("SCT")
    common = dict(year=2025, form_code="giay_khen", form_name="Giấy khen", position=None,
                  agency_id=agency.id, agency_name=agency.name_vi, decision_number="3/QĐ-SCT",
                  decision_date=date(2025, 12, 1), signer=None)
    assert record_award(kind="individual", name="Lê Văn Tám", **common).kind == "person"
    with pytest.raises(ValueError):
        record_award(kind="household", name="Hộ ông Tám", **common)
    db.session.rollback()
