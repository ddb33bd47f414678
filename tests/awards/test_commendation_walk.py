"""What walking the commendation pages as their people found: the papers name whose tờ trình
it is, the coordinator's start page lists what waits for review, and the words of the
administrative terms."""

from datetime import datetime

from tests.awards.commendation_steps import (  # noqa: F401 - fixtures
    autumn,
    cast,
    coordinator,
    flashes,
    list_id_of,
    main_text,
    open_round,
    person,
    propose,
    send,
    send_list,
    shipped,
)
from tests.conftest import pdf_text

BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


def _decided(cast, autumn) -> tuple[int, int, int]:  # noqa: F811
    """A list of two sent by the coordinator (Sở Thông tin và Truyền thông), one awarded and
    one refused by Home Affairs; the decision recorded. Returns (list, awarded, refused)."""
    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    round_id = open_round(organiser)
    first = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    second = propose(clerk, round_id, "Phòng Xúc tiến thương mại", form_label=BANG_KHEN,
                     kind="collective")
    for nomination in (first, second):
        send(clerk, nomination)
        organiser.post(f"/awards/nominations/{nomination}/accept",
                       page=f"/awards/nominations/{nomination}")
    assert send_list(organiser, round_id, "45/TTr-STTTT").status_code == 302
    list_id = list_id_of(noivu)
    noivu.post(f"/awards/lists/{list_id}/approve", {
        f"refuse_{second}": "y", f"reason_{second}": "Thành tích chưa đủ tiêu chuẩn."},
        page=f"/awards/lists/{list_id}")
    autumn.current = datetime(2026, 11, 6, 2, 0)  # Friday: the Chairman signed on Thursday
    noivu.post(f"/awards/lists/{list_id}/decision", {
        "number": "1234/QĐ-UBND", "signed_on": "05/11/2026", "signer": "Trần Phước Hiền",
        "signer_title": "Phó Chủ tịch", "letter_number": "215/SNV-TĐKT",
        "letter_signer": "Lê Văn Thư", "letter_signer_title": "Phó Giám đốc"},
        page=f"/awards/lists/{list_id}")
    return list_id, first, second


def test_the_papers_name_the_coordinators_tờ_trình_as_theirs(cast, autumn):  # noqa: F811
    list_id, first, second = _decided(cast, autumn)
    clerk = cast["clerk"]

    decision = " ".join(pdf_text(
        clerk.client.get(f"/awards/nominations/{first}/decision.pdf").data).split())
    # The tờ trình is Sở Thông tin và Truyền thông's; Home Affairs proposes after appraising.
    assert "Xét Tờ trình số 45/TTr-STTTT ngày 02/11/2026 của Sở Thông tin và Truyền thông; " \
        "theo đề nghị của Giám đốc Sở Nội vụ." in decision, decision
    assert "Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-STTTT" not in decision
    letter = " ".join(pdf_text(
        clerk.client.get(f"/awards/nominations/{second}/refusal.pdf").data).split())
    assert "Tờ trình số 45/TTr-STTTT của Sở Thông tin và Truyền thông" in letter, letter


def test_the_achievement_is_in_the_work_and_its_year_said_once(cast, autumn):  # noqa: F811
    # The round's topic is "Khen thưởng công tác thông tin đối ngoại năm 2026".
    list_id, first, second = _decided(cast, autumn)
    clerk = cast["clerk"]
    for url in (f"/awards/nominations/{first}/decision.pdf",
                f"/awards/nominations/{first}/certificate.pdf"):
        text = " ".join(pdf_text(clerk.client.get(url).data).split())
        assert "hành tích xuất sắc trong công tác thông tin đối ngoại năm 2026" in text, text
        assert "năm 2026 năm 2026" not in text and "trong khen thưởng" not in text


def test_home_affairs_letter_is_signed_in_home_affairs(cast, autumn):  # noqa: F811
    list_id, first, second = _decided(cast, autumn)
    letter = " ".join(pdf_text(cast["clerk"].client.get(
        f"/awards/nominations/{second}/refusal.pdf").data).split())
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Văn Thư" in letter, letter
    assert "Trần Phước Hiền" not in letter  # the Chairman's deputy signed the decision only


def test_a_refusal_letter_without_its_signer_is_refused_with_nothing_lost(
        cast, autumn):  # noqa: F811
    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    round_id = open_round(organiser)
    nominee = propose(clerk, round_id, "Phòng Xúc tiến thương mại", form_label=BANG_KHEN,
                      kind="collective")
    send(clerk, nominee)
    organiser.post(f"/awards/nominations/{nominee}/accept",
                   page=f"/awards/nominations/{nominee}")
    send_list(organiser, round_id, "45/TTr-STTTT")
    list_id = list_id_of(noivu)
    noivu.post(f"/awards/lists/{list_id}/approve", {
        f"refuse_{nominee}": "y", f"reason_{nominee}": "Thành tích chưa đủ tiêu chuẩn"},
        page=f"/awards/lists/{list_id}")
    autumn.current = datetime(2026, 11, 6, 2, 0)
    page = noivu.post(f"/awards/lists/{list_id}/decision", {
        "number": "1234/QĐ-UBND", "signed_on": "05/11/2026", "signer": "Trần Phước Hiền",
        "signer_title": "Phó Chủ tịch", "letter_number": "215/SNV-TĐKT"},
        page=f"/awards/lists/{list_id}", expect=409)
    assert "Hãy cho biết người ký văn bản thông báo của Sở Nội vụ và chức vụ của người đó." \
        in flashes(page), flashes(page)
    assert 'value="215/SNV-TĐKT"' in page and 'value="Trần Phước Hiền"' in page
    assert "Chờ quyết định" in main_text(noivu.get(f"/awards/lists/{list_id}"))


def test_the_coordinators_start_page_lists_the_nominations_to_review(cast, autumn):  # noqa: F811
    organiser, clerk = cast["coordinator"], cast["clerk"]
    round_id = open_round(organiser)
    sent = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    send(clerk, sent)
    propose(clerk, round_id, "Lê Thị Nháp", form_label=BANG_KHEN)  # a draft: the agency's

    # The home page's figure "to review" leads to /awards/: the nominee is one click away.
    home = organiser.get("/")
    assert 'href="/awards/"' in home
    page = organiser.get("/awards/")
    assert f'href="/awards/nominations/{sent}"' in page
    text = main_text(page)
    assert "Hồ sơ đề nghị chờ xem xét" in text and "Trần Văn Bình" in text
    assert "Lê Thị Nháp" not in text
    organiser.post(f"/awards/nominations/{sent}/accept", page=f"/awards/nominations/{sent}")
    assert "Trần Văn Bình" not in main_text(organiser.get("/awards/"))
    assert "Hồ sơ đề nghị chờ xem xét" not in main_text(clerk.get("/awards/"))


def test_the_council_and_the_decision_are_named_as_the_law_names_them(cast, autumn):  # noqa: F811
    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    round_id = open_round(organiser)
    nominee = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    send(clerk, nominee)
    organiser.post(f"/awards/nominations/{nominee}/accept",
                   page=f"/awards/nominations/{nominee}")
    send_list(organiser, round_id, "45/TTr-STTTT")
    list_id = list_id_of(noivu)
    page = main_text(noivu.get(f"/awards/lists/{list_id}"))
    # Luật Thi đua, khen thưởng 2022 names it "Hội đồng Thi đua - Khen thưởng" (cấp tỉnh).
    assert "Xin ý kiến Hội đồng Thi đua - Khen thưởng tỉnh" in page, page
    assert "thi đua, khen thưởng" not in page.replace("Luật Thi đua, khen thưởng", "")
    noivu.post(f"/awards/lists/{list_id}/approve", {}, page=f"/awards/lists/{list_id}")
    page = main_text(noivu.get(f"/awards/lists/{list_id}"))
    # Home Affairs records the Chairman's decision; it does not decide on his behalf.
    assert "Ghi nhận quyết định của Chủ tịch UBND tỉnh" in page, page
    assert "thay mặt" not in page


def test_the_registry_searches_all_years_not_yearly_ones(cast):  # noqa: F811
    page = cast["noivu"].get("/awards/registry/")
    # "Hàng năm" means "yearly" (the plan's timeframe); the filter means every year at once.
    assert '<option value="">Tất cả các năm</option>' in page or \
        ">Tất cả các năm</option>" in page, page
    assert "Hàng năm" not in main_text(page)


def test_a_returned_list_leads_the_coordinator_back_to_its_round(cast, autumn):  # noqa: F811
    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    round_id = open_round(organiser)
    nominee = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    send(clerk, nominee)
    organiser.post(f"/awards/nominations/{nominee}/accept",
                   page=f"/awards/nominations/{nominee}")
    send_list(organiser, round_id, "45/TTr-STTTT")
    list_id = list_id_of(noivu)
    noivu.post(f"/awards/lists/{list_id}/return", {"reason": "Thiếu ý kiến hiệp y"},
               page=f"/awards/lists/{list_id}")

    page = organiser.get(f"/awards/lists/{list_id}")
    assert f'href="/awards/rounds/{round_id}"' in page  # where the list is sent again
    assert "Các hồ sơ đã trở về đợt khen thưởng để cơ quan điều phối xem xét và gửi danh " \
        "sách mới." in main_text(page)
    assert f'href="/awards/nominations/{nominee}"' in organiser.get(f"/awards/rounds/{round_id}")


def test_the_hiep_y_answer_row_says_what_each_box_is_for(cast, autumn):  # noqa: F811
    organiser, clerk = cast["coordinator"], cast["clerk"]
    round_id = open_round(organiser)
    nominee = propose(clerk, round_id, "Công ty TNHH Xuất nhập khẩu Dung Quất",
                      form_label=BANG_KHEN, kind="collective", enterprise="y")
    send(clerk, nominee)
    page = organiser.get(f"/awards/nominations/{nominee}")
    assert page.count('<option selected value="">— Ý kiến hiệp y —</option>') == 3 or \
        page.count(">— Ý kiến hiệp y —</option>") == 3, page
    assert page.count('placeholder="Ghi chú"') == 3


def test_a_quota_takes_an_agencys_code_in_any_case(cast, autumn):  # noqa: F811
    round_id = open_round(cast["coordinator"], quotas="sct: 1\nSyt : 2")
    page = main_text(cast["coordinator"].get(f"/awards/rounds/{round_id}"))
    assert "Sở Công Thương: 1" in page and "Sở Y tế: 2" in page, page


def test_the_upload_rows_offer_the_dossiers_documents_in_turn(cast, autumn):  # noqa: F811
    import re

    round_id = open_round(cast["coordinator"])
    page = cast["clerk"].get(f"/awards/rounds/{round_id}/propose")
    chosen = [re.search(r'<option selected value="([^"]+)"', select)[1] for select in
              re.findall(r'<select[^>]*name="documents-\d-kind".*?</select>', page, re.S)]
    # Three files: one tờ trình, one báo cáo thành tích, one biên bản, not three tờ trình.
    assert chosen == ["to_trinh", "bao_cao_thanh_tich", "bien_ban_hoi_dong"], chosen


def test_the_refusal_notice_ends_the_reason_with_one_full_stop(cast, autumn):  # noqa: F811
    _decided(cast, autumn)  # the reason typed with its full stop: "…chưa đủ tiêu chuẩn."
    told = [n.text for n in cast["clerk"].notices() if "không được tặng" in n.text]
    assert told == ["Phòng Xúc tiến thương mại không được tặng Bằng khen của Chủ tịch Ủy ban "
                    "nhân dân tỉnh: Thành tích chưa đủ tiêu chuẩn. Văn bản thông báo có tại "
                    "trang hồ sơ."], told


def test_the_admin_reaches_the_award_forms_and_their_settings_from_the_menu(
        person, cast):  # noqa: F811
    admin = person("admin.test", "SVHTTDL", "Nguyễn Văn Quản", "admin")
    assert 'href="/awards/catalogue"' in admin.get("/")  # Quản trị → Hình thức khen thưởng
    catalogue = admin.get("/awards/catalogue")
    for url in ("/awards/council", "/awards/consultees", "/awards/catalogue/printing"):
        assert f'href="{url}"' in catalogue, url
    assert 'href="/awards/catalogue"' not in cast["clerk"].get("/")  # an admin's page
