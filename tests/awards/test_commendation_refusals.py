"""What the commendation pages refuse, with a clear message and nothing lost: someone acting on
another agency's nomination or on a list not theirs, a wrong form value, a file not accepted,
a quota used up, a deadline passed, and two people approving or deciding one list."""

import io
from datetime import datetime

from sqlalchemy import func, select

from modules.awards.models import Decision
from tests.awards.commendation_steps import (  # noqa: F401 - fixtures
    PDF,
    autumn,
    cast,
    coordinator,
    documents,
    flashes,
    list_id_of,
    main_text,
    open_round,
    person,
    propose,
    send,
    send_list,
    shipped,
    status_of,
)
from tests.conftest import post_form

BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


def test_another_agency_neither_reads_nor_acts_on_a_dossier(cast, autumn):  # noqa: F811
    organiser, clerk, other = cast["coordinator"], cast["clerk"], cast["other"]
    round_id = open_round(organiser)
    nominee = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    response = other.client.get(f"/awards/nominations/{nominee}")
    assert response.status_code == 403
    assert "thuộc cơ quan khác" in main_text(response.get_data(as_text=True))
    document_id = 1
    for url in (f"/awards/nominations/{nominee}/documents/{document_id}",):
        assert other.client.get(url).status_code == 403
    for url in (f"/awards/nominations/{nominee}/send", f"/awards/nominations/{nominee}",
                f"/awards/nominations/{nominee}/accept"):
        assert post_form(other.client, url, {"name": "Người khác"}).status_code == 403, url
    assert status_of(clerk, nominee).startswith("Bản nháp")
    assert "Trần Văn Bình" in main_text(clerk.get(f"/awards/nominations/{nominee}"))
    # The clerk cannot accept their own nomination: that is the coordinator's.
    send(clerk, nominee)
    refused = organiser.post(f"/awards/nominations/{nominee}/return", {"reason": "  "},
                             page=f"/awards/nominations/{nominee}", expect=400)
    assert "Hãy điền: lý do." in flashes(refused)
    assert post_form(clerk.client, f"/awards/nominations/{nominee}/accept").status_code == 403
    assert status_of(clerk, nominee).startswith("Đã gửi")


def test_a_wrong_value_or_file_gets_a_clear_message(cast, autumn):  # noqa: F811
    organiser, clerk = cast["coordinator"], cast["clerk"]
    round_id = open_round(organiser)
    url = f"/awards/rounds/{round_id}/propose"
    page = clerk.post(url, {"form_id": "9999", "kind": "individual", "name": "Trần Văn Bình"},
                      expect=400, content_type="multipart/form-data")
    assert "Chọn một hình thức khen thưởng của đợt này." in flashes(page)
    assert 'value="Trần Văn Bình"' in page  # what was typed is still there
    form_id = propose(clerk, round_id, "x", form_label=BANG_KHEN, expect=400,
                      kind="robot")
    assert "Cho biết đối tượng là cá nhân hay tập thể." in flashes(form_id)
    bad_kind = {**documents(page, ("to_trinh",)), "documents-0-kind": "virus"}
    page = clerk.post(url, {"form_id": _form_value(clerk, url), "kind": "individual",
                            "name": "Trần Văn Bình", **bad_kind}, expect=400,
                      content_type="multipart/form-data")
    assert "Chọn loại của từng văn bản trong danh sách." in flashes(page)
    page = clerk.post(url, {"form_id": _form_value(clerk, url), "kind": "individual",
                            "name": "Trần Văn Bình", "documents-0-kind": "to_trinh",
                            "documents-0-file": (io.BytesIO(b"MZ\x90\x00"), "to-trinh.exe")},
                      expect=400, content_type="multipart/form-data")
    assert "to-trinh.exe" in " ".join(flashes(page)) or "tệp" in main_text(page).lower()


def _form_value(clerk, url) -> str:
    from tests.journeys.walk import option_value

    return option_value(clerk.get(url), "form_id", BANG_KHEN)


def test_the_quota_and_the_deadline_are_kept(cast, autumn):  # noqa: F811
    organiser, clerk = cast["coordinator"], cast["clerk"]
    round_id = open_round(organiser, quotas="SCT: 1", deadline="10/11/2026")
    first = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    second = propose(clerk, round_id, "Ngô Thị Lan", form_label=BANG_KHEN)
    send(clerk, first)
    refused = send(clerk, second, expect=409)
    assert any("đủ chỉ tiêu 1 trường hợp" in text for text in flashes(refused))
    autumn.current = datetime(2026, 11, 11, 2, 0)
    third_round = open_round(organiser, deadline="11/11/2026")
    late = propose(clerk, third_round, "Phan Văn Hậu", form_label=BANG_KHEN)
    autumn.current = datetime(2026, 11, 12, 2, 0)
    refused = send(clerk, late, expect=409)
    assert any("Đã quá hạn gửi hồ sơ của đợt (11/11/2026)" in text for text in flashes(refused))
    assert status_of(clerk, late).startswith("Bản nháp")


def test_two_people_approving_or_deciding_one_list_make_one_decision(
        cast, autumn, person, db):  # noqa: F811
    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    colleague = person("noivu.hai", "SNV", "Phạm Thị Vụ", "home_affairs_approver")
    round_id = open_round(organiser)
    nominee = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    send(clerk, nominee)
    organiser.post(f"/awards/nominations/{nominee}/accept",
                   page=f"/awards/nominations/{nominee}")
    send_list(organiser, round_id, "45/TTr-STTTT")
    list_id = list_id_of(noivu)
    url = f"/awards/lists/{list_id}"
    first_page, second_page = noivu.get(url), colleague.get(url)
    assert "approve" in first_page and "approve" in second_page
    noivu.post(f"{url}/approve", page=url)
    late = colleague.client.post(f"{url}/approve", data={"csrf_token": _token(second_page)})
    assert late.status_code == 409
    assert "không còn ở bước thẩm định" in main_text(late.get_data(as_text=True))

    decision = {"number": "1234/QĐ-UBND", "signed_on": "02/11/2026",
                "signer": "Trần Phước Hiền", "signer_title": "Phó Chủ tịch"}
    first_page, second_page = noivu.get(url), colleague.get(url)
    noivu.post(f"{url}/decision", decision, page=url)
    late = colleague.client.post(f"{url}/decision", data={
        **decision, "number": "1235/QĐ-UBND", "csrf_token": _token(second_page)})
    assert late.status_code == 409
    assert "không chờ quyết định" in main_text(late.get_data(as_text=True))
    assert db.session.scalar(select(func.count(Decision.id))) == 1
    assert "1235/QĐ-UBND" not in main_text(noivu.get(url))
    # The clerk of the proposing agency records no decision.
    assert post_form(clerk.client, f"{url}/decision", decision).status_code == 403


def _token(page: str) -> str:
    import re

    return re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
