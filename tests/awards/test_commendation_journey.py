"""The commendation journey through the pages, as each person does it: the coordinator opens a
round; Sở Công Thương proposes two nominees (optional fields blank), is refused while a
document is missing, has one returned for supplement and sends it again with nothing lost;
the coordinator accepts both and sends the list to Home Affairs, which returns it once,
then appraises it with one refusal; the decision is recorded; its papers download; the
awardee is in the registry; the agency is told why the other was not awarded."""

import re
from datetime import datetime

from sqlalchemy import select

from app.workflow.models import ProcessInstance
from tests.awards.commendation_steps import (  # noqa: F401 - fixtures
    BASE,
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
    status_of,
)
from tests.conftest import pdf_text

BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


def test_propose_return_resend_appraise_with_a_refusal_and_decide(cast, autumn, db):  # noqa: F811
    coordinator, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]  # noqa: F811
    round_id = open_round(coordinator)
    assert any("Khen thưởng công tác thông tin đối ngoại" in n.text for n in clerk.notices())

    # The proposing page says what each form's dossier needs, before anything is typed.
    page = main_text(clerk.get(f"/awards/rounds/{round_id}/propose"))
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: Tờ trình đề nghị khen thưởng kèm " \
        "danh sách; Báo cáo thành tích; Biên bản họp Hội đồng Thi đua - Khen thưởng" in page
    # A person with a document missing: the page says what, and refuses to send it.
    first = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN,
                    kinds=("to_trinh", "bao_cao_thanh_tich"))
    page = clerk.get(f"/awards/nominations/{first}")
    assert "Còn thiếu trước khi gửi: Biên bản họp Hội đồng Thi đua - Khen thưởng" in \
        main_text(page), main_text(page)
    refused = send(clerk, first, expect=409)
    assert any("chưa đầy đủ" in text.lower() or "incomplete" in text for text in
               flashes(refused)), flashes(refused)
    assert status_of(clerk, first).startswith("Bản nháp")
    clerk.post(f"/awards/nominations/{first}", {
        "documents-0-kind": "bien_ban_hoi_dong",
        "documents-0-file": (__import__("io").BytesIO(b"%PDF-1.4 bb"), "bien-ban.pdf")},
        content_type="multipart/form-data")
    send(clerk, first)
    # A collective, position and unit left blank.
    second = propose(clerk, round_id, "Phòng Xúc tiến thương mại", form_label=BANG_KHEN,
                     kind="collective")
    send(clerk, second)
    assert status_of(clerk, second).startswith("Đã gửi")

    # The coordinator returns the collective for supplement; the clerk fixes and resends.
    coordinator.post(f"/awards/nominations/{second}/return",
                     {"reason": "Bổ sung số liệu thành tích năm 2026"},
                     page=f"/awards/nominations/{second}")
    page = clerk.get(f"/awards/nominations/{second}")
    assert "Bổ sung số liệu thành tích năm 2026" in main_text(page)
    assert "Tham mưu tổ chức 12 hội nghị" in page  # nothing typed is lost
    clerk.post(f"/awards/nominations/{second}", {
        "summary": "Tham mưu tổ chức 12 hội nghị; 40 tin bài đối ngoại năm 2026"})
    send(clerk, second)
    for nomination in (first, second):
        coordinator.post(f"/awards/nominations/{nomination}/accept",
                         page=f"/awards/nominations/{nomination}")
    assert send_list(coordinator, round_id, "45/TTr-STTTT").status_code == 302

    # Home Affairs finds the list with its deadline, returns it once as incomplete.
    list_id = list_id_of(noivu)
    page = main_text(noivu.get(f"/awards/lists/{list_id}"))
    assert "Trần Văn Bình" in page and "Phòng Xúc tiến thương mại" in page
    # 20 working days (periods.APPRAISAL_DAYS) and 5 to return an incomplete list
    # (periods.RETURN_INCOMPLETE_DAYS), from Monday 02/11/2026; both settings citing
    # NĐ 152/2025/NĐ-CP, not yet confirmed in its text.
    assert "hạn thẩm định 30/11/2026" in page
    assert "trả lại trước ngày 09/11/2026" in page
    noivu.post(f"/awards/lists/{list_id}/return", {"reason": "Thiếu ý kiến của Công an tỉnh"},
               page=f"/awards/lists/{list_id}")
    assert any("Thiếu ý kiến của Công an tỉnh" in n.text for n in coordinator.notices())
    assert status_of(coordinator, first).startswith("Đã gửi")
    for nomination in (first, second):
        coordinator.post(f"/awards/nominations/{nomination}/accept",
                         page=f"/awards/nominations/{nomination}")
    assert send_list(coordinator, round_id, "52/TTr-STTTT").status_code == 302

    # One action: agree with everyone but the collective, with the reason.
    list_id = list_id_of(noivu)
    noivu.post(f"/awards/lists/{list_id}/approve", {
        f"refuse_{second}": "y", f"reason_{second}": "Thành tích chưa đủ tiêu chuẩn"},
        page=f"/awards/lists/{list_id}")
    autumn.current = datetime(2026, 11, 6, 2, 0)  # Friday: the Chairman signed on Thursday
    noivu.post(f"/awards/lists/{list_id}/decision", {
        "number": "1234/QĐ-UBND", "signed_on": "05/11/2026", "signer": "Trần Phước Hiền",
        "signer_title": "Phó Chủ tịch", "letter_number": "215/SNV-TĐKT",
        "letter_signer": "Lê Văn Thư", "letter_signer_title": "Phó Giám đốc"},
        page=f"/awards/lists/{list_id}")

    assert status_of(clerk, first).startswith("Được khen thưởng")
    assert status_of(clerk, second).startswith("Không được khen thưởng")
    told = [n.text for n in clerk.notices()]
    assert any("Thành tích chưa đủ tiêu chuẩn" in text for text in told), told
    assert any("1234/QĐ-UBND" in text and "Trần Văn Bình" in text for text in told), told
    from modules.awards.registry_models import Award

    awards = db.session.scalars(select(Award)).all()
    assert [(a.name, a.decision_number) for a in awards] == [("Trần Văn Bình", "1234/QĐ-UBND")]
    instances = db.session.scalars(select(ProcessInstance)).all()
    assert len(instances) == 2 and {i.status for i in instances} == {"completed"}, \
        [i.status for i in instances]
    assert re.search("1234/QĐ-UBND", main_text(coordinator.get(f"/awards/lists/{list_id}")))
    for url in (f"/awards/nominations/{first}/decision.pdf",
                f"/awards/nominations/{first}/certificate.pdf",
                f"/awards/nominations/{second}/refusal.pdf"):
        response = clerk.client.get(url)
        assert response.status_code == 200 and response.data.startswith(b"%PDF"), url
    decision = pdf_text(clerk.client.get(f"/awards/nominations/{first}/decision.pdf").data)
    assert "1234/QĐ-UBND" in decision and "Trần Văn Bình" in decision, decision
    assert "Phòng Xúc tiến thương mại" not in decision  # not awarded: not in the list
    certificate = pdf_text(clerk.client.get(f"/awards/nominations/{first}/certificate.pdf").data)
    assert "BẰNG KHEN" in certificate and "Trần Văn Bình" in certificate, certificate
    letter = pdf_text(clerk.client.get(f"/awards/nominations/{second}/refusal.pdf").data)
    assert "215/SNV-TĐKT" in letter and "Thành tích chưa đủ tiêu chuẩn" in letter, letter
    assert noivu.client.get(f"/awards/lists/{list_id}/decision.pdf").status_code == 200
    # The papers are the proposing agency's and the deciders': not another agency's.
    assert cast["other"].client.get(f"/awards/nominations/{first}/certificate.pdf") \
        .status_code == 403
