"""The seeded catalogue of award forms (modules/awards/catalogue_data.py): the six forms the
issue names, who decides each (the Chairman through Home Affairs' appraisal, or the head of
the agency for a Giấy khen), the dossier each needs and what a dossier still lacks."""

import pytest
from flask_babel import force_locale

from modules.awards import catalogue_data as data
from modules.awards.catalogue_data import DOCUMENT_KINDS, FORMS, form, missing_documents


def test_the_six_forms_and_who_decides():
    """Luật TĐKT 2022: the Chairman of the provincial People's Committee decides Bằng khen
    (also theo chuyên đề), Tập thể lao động xuất sắc, Chiến sĩ thi đua cấp tỉnh and Cờ thi đua
    (Đ.26-28, 72), after Home Affairs' appraisal; the head of the agency decides Giấy khen
    (Đ.74, 75), without it."""
    assert [seed.code for seed in FORMS] == [
        "bang_khen_chu_tich", "bang_khen_chuyen_de", "giay_khen", "tap_the_lao_dong_xuat_sac",
        "chien_si_thi_dua_tinh", "co_thi_dua_ubnd"]
    assert [seed.code for seed in FORMS if not seed.appraised] == ["giay_khen"]
    assert form("giay_khen").decider == data.AGENCY_HEAD
    assert {form(code).recipients for code in ("tap_the_lao_dong_xuat_sac", "co_thi_dua_ubnd")} \
        == {data.COLLECTIVE}
    assert form("chien_si_thi_dua_tinh").recipients == data.INDIVIDUAL
    assert "thông tin đối ngoại" in form("bang_khen_chuyen_de").name


def test_every_form_is_whole_and_cites_its_article():
    for seed in FORMS:
        assert seed.recipients in data.RECIPIENTS and seed.decider in data.DECIDERS
        assert seed.name and seed.proposers and seed.criteria, seed.code
        assert "Điều" in seed.criteria and "Luật Thi đua, khen thưởng 2022" in seed.source
        assert "chưa đối chiếu văn bản" in seed.source, seed.code  # not read in the text
        assert seed.documents and set(seed.documents) <= set(DOCUMENT_KINDS), seed.code
        with pytest.raises(AttributeError):
            seed.code = "changed"  # frozen: the seed is data, edited in the catalogue


def test_a_dossier_names_what_is_missing_for_the_form():
    """Tờ trình, báo cáo thành tích and the council's minutes for the Chairman's awards; an
    enterprise's nominee also needs the hiệp y (tax, social insurance, environment); a
    Chiến sĩ thi đua cấp tỉnh also the recognition of an initiative."""
    bang_khen = form("bang_khen_chu_tich")
    assert missing_documents(bang_khen, []) == ["to_trinh", "bao_cao_thanh_tich",
                                                "bien_ban_hoi_dong"]
    assert missing_documents(bang_khen, ["to_trinh", "bao_cao_thanh_tich",
                                         "bien_ban_hoi_dong"]) == []
    assert missing_documents(bang_khen, ["bao_cao_thanh_tich", "to_trinh", "bien_ban_hoi_dong"],
                             enterprise=True) == ["hiep_y"]
    assert missing_documents(form("giay_khen"), ["to_trinh"], enterprise=True) == \
        ["bao_cao_thanh_tich"]  # no appraisal, so no hiệp y asked by Home Affairs
    assert missing_documents(form("chien_si_thi_dua_tinh"), ["to_trinh"]) == [
        "bao_cao_thanh_tich", "bien_ban_hoi_dong", "sang_kien"]


def test_document_kinds_read_in_both_languages(app):
    with app.test_request_context():
        with force_locale("vi"):
            vietnamese = {code: str(label) for code, label in DOCUMENT_KINDS.items()}
            opinions = [str(label) for label in data.HIEP_Y_AGENCIES.values()]
        with force_locale("en"):
            english = {code: str(label) for code, label in DOCUMENT_KINDS.items()}
    assert vietnamese["to_trinh"].startswith("Tờ trình")
    assert vietnamese["bien_ban_hoi_dong"] == "Biên bản họp Hội đồng Thi đua - Khen thưởng"
    assert opinions == ["Thuế", "Bảo hiểm xã hội", "Môi trường"]
    assert english["other_proof"] == "Other proof"
    assert all(vietnamese[code] != english[code] for code in DOCUMENT_KINDS)
