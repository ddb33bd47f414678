"""The admin's part: the catalogue of award forms is edited on its page (a document added is
asked of the next dossier), and the emulation council's members read the dossiers of a list
Home Affairs puts to them and record the council's opinion; others do not."""

from tests.awards.commendation_steps import (  # noqa: F401 - fixtures
    autumn,
    cast,
    checkbox_value,
    coordinator,
    list_id_of,
    main_text,
    open_round,
    person,
    propose,
    send,
    send_list,
    shipped,
)
from tests.conftest import post_form

BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


def test_the_admin_edits_a_form_and_the_next_dossier_needs_it(cast, autumn, person):  # noqa: F811
    admin = person("quantri.test", "STTTT", "Nguyễn Văn Quản", "admin")
    catalogue = main_text(admin.get("/awards/catalogue"))
    assert "Giấy khen" in catalogue and "Cờ thi đua" in catalogue
    page = admin.get("/awards/catalogue")
    form_url = [url for url in __import__("re").findall(r'href="(/awards/catalogue/\d+)"', page)
                if BANG_KHEN in main_text(admin.get(url))][0]
    edit = admin.get(form_url)
    ticked = [checkbox_value(edit, "documents", label) for label in (
        "Tờ trình đề nghị khen thưởng kèm danh sách", "Báo cáo thành tích",
        "Biên bản họp Hội đồng Thi đua - Khen thưởng",
        "Văn bản công nhận sáng kiến, đề tài nghiên cứu")]
    admin.post(form_url, {"documents": ticked})
    assert post_form(cast["clerk"].client, form_url, {"name": "x"}).status_code == 403
    refused = admin.post(form_url, {"recipients": "robots"}, expect=400)
    assert "Hãy chọn trong các giá trị được liệt kê." in main_text(refused)

    round_id = open_round(cast["coordinator"])
    nominee = propose(cast["clerk"], round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    page = main_text(cast["clerk"].get(f"/awards/nominations/{nominee}"))
    assert "Còn thiếu trước khi gửi: Văn bản công nhận sáng kiến" in page, page


def test_the_council_reads_the_dossiers_put_to_it(cast, autumn, person):  # noqa: F811
    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    admin = person("quantri.test", "STTTT", "Nguyễn Văn Quản", "admin")
    member = person("hoidong.tv", "VP_UBND", "Đoàn Văn Hội")
    outsider = person("chuyenvien.vp", "VP_UBND", "Mai Thị Ngoài")
    admin.post("/awards/council", {"username": "hoidong.tv"})
    assert "Đoàn Văn Hội" in main_text(admin.get("/awards/council"))
    round_id = open_round(organiser)
    nominee = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    send(clerk, nominee)
    organiser.post(f"/awards/nominations/{nominee}/accept",
                   page=f"/awards/nominations/{nominee}")
    send_list(organiser, round_id, "45/TTr-STTTT")
    list_id = list_id_of(noivu)
    noivu.post(f"/awards/lists/{list_id}/council", page=f"/awards/lists/{list_id}")
    assert any("xin ý kiến Hội đồng" in n.text for n in member.notices())
    assert "Trần Văn Bình" in main_text(member.get(f"/awards/nominations/{nominee}"))
    assert outsider.client.get(f"/awards/nominations/{nominee}").status_code == 403
    assert outsider.client.get(f"/awards/lists/{list_id}").status_code == 403
    member.post(f"/awards/lists/{list_id}/opinion",
                {"opinion": "Hội đồng nhất trí đề nghị tặng Bằng khen"},
                page=f"/awards/lists/{list_id}")
    assert "Hội đồng nhất trí" in main_text(noivu.get(f"/awards/lists/{list_id}"))
    # A member reads and advises; the appraisal stays Home Affairs'.
    assert post_form(member.client, f"/awards/lists/{list_id}/approve").status_code == 403


def test_the_admin_says_which_agency_answers_hiep_y_in_the_app(cast, autumn, person):  # noqa: F811
    admin = person("quantri.test", "STTTT", "Nguyễn Văn Quản", "admin")
    tax = person("chuyenvien.stc", "STC", "Lý Thị Thuế")
    assert tax.client.get("/awards/consultations").status_code == 403
    page = admin.get("/awards/consultees")
    assert "Sở Tài nguyên và Môi trường (STNMT)" in page  # the default for environment
    refused = admin.post("/awards/consultees", {"thue": "NOPE"}, expect=400)
    assert "Hãy chọn trong các giá trị được liệt kê." in main_text(refused)
    admin.post("/awards/consultees", {"thue": "STC", "bhxh": "", "moi_truong": "STNMT"})
    assert "Không có hồ sơ nào xin ý kiến" in main_text(tax.get("/awards/consultations"))
    assert post_form(cast["clerk"].client, "/awards/consultees", {"thue": "SCT"}) \
        .status_code == 403
