"""The other branches of the commendation process, through the pages: Giấy khen decided by
the agency head without Home Affairs; an enterprise's nominee and its hiệp y (recorded by the
coordinator, answered in the app by the environment agency) with the longer appraisal
period and its timer; an administrator terminating a nomination's process."""

import re
from datetime import datetime

from sqlalchemy import select

from app.workflow.cli import _run_once
from app.workflow.models import ProcessInstance
from modules.awards.models import Nomination
from tests.awards.commendation_steps import (  # noqa: F401 - fixtures
    PDF,
    autumn,
    cast,
    coordinator,
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
from tests.conftest import pdf_text, post_form

BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
GIAY_KHEN = "Giấy khen"


def _accept(coordinator_, nomination_id: int) -> None:  # noqa: F811
    coordinator_.post(f"/awards/nominations/{nomination_id}/accept",
                      page=f"/awards/nominations/{nomination_id}")


def test_giay_khen_goes_to_the_agency_head_without_home_affairs(cast, autumn, db):  # noqa: F811
    organiser, clerk, head = cast["coordinator"], cast["clerk"], cast["stttt_lead"]
    round_id = open_round(organiser, forms=(GIAY_KHEN,))
    nominee = propose(clerk, round_id, "Lê Thị Hoa", form_label=GIAY_KHEN,
                      kinds=("to_trinh", "bao_cao_thanh_tich"), position="Chuyên viên")
    send(clerk, nominee)
    _accept(organiser, nominee)
    assert send_list(organiser, round_id, "60/TTr-STTTT", decider="agency_head") \
        .status_code == 302
    assert "/awards/lists/" not in cast["noivu"].get("/awards/")  # not Home Affairs' work
    list_id = list_id_of(head)
    autumn.current = datetime(2026, 11, 3, 2, 0)
    head.post(f"/awards/lists/{list_id}/decision", {
        "number": "88/QĐ-STTTT", "signed_on": "03/11/2026", "signer": "Hồ Văn Giám",
        "signer_title": "Giám đốc"}, page=f"/awards/lists/{list_id}")
    assert status_of(clerk, nominee).startswith("Được khen thưởng")
    from modules.awards.registry_models import Award

    award = db.session.scalar(select(Award))
    assert (award.name, award.form_code, award.decision_number) == \
        ("Lê Thị Hoa", "giay_khen", "88/QĐ-STTTT")
    instance = db.session.scalar(select(ProcessInstance))
    assert instance.status == "completed"
    certificate = pdf_text(clerk.client.get(f"/awards/nominations/{nominee}/certificate.pdf")
                           .data)
    assert "GIẤY KHEN" in certificate and "Lê Thị Hoa" in certificate, certificate
    decision = pdf_text(head.client.get(f"/awards/lists/{list_id}/decision.pdf").data)
    assert "88/QĐ-STTTT" in decision and "Sở Thông tin và Truyền thông".upper() in \
        decision.upper(), decision
    on_blank = head.client.get(f"/awards/lists/{list_id}/certificates.pdf?layout=blank")
    assert on_blank.status_code == 200 and "Lê Thị Hoa" in pdf_text(on_blank.data)
    submission = head.client.get(f"/awards/lists/{list_id}/submission")
    assert submission.status_code == 200 and submission.data == PDF


def test_an_enterprise_needs_hiep_y_and_its_longer_appraisal_is_timed(cast, autumn, person):  # noqa: F811
    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    environment = person("chuyenvien.stnmt", "STNMT", "Đinh Văn Môi")
    round_id = open_round(organiser)
    nominee = propose(clerk, round_id, "Công ty TNHH Dệt may Quảng Ngãi",
                      form_label=BANG_KHEN, kind="collective", enterprise="y")
    send(clerk, nominee)
    refused = organiser.post(f"/awards/nominations/{nominee}/accept",
                             page=f"/awards/nominations/{nominee}", expect=409)
    assert "Còn chờ ý kiến hiệp y" in main_text(refused)

    # The coordinator records the tax and social insurance answers with their documents.
    for body, number in (("thue", "1021/CT-QNG"), ("bhxh", "455/BHXH-QLT")):
        response = organiser.client.post(
            f"/awards/nominations/{nominee}/consultations/{body}",
            data={"csrf_token": _token(organiser, nominee), "agrees": "yes",
                  "document_number": number, "file": (__import__("io").BytesIO(PDF),
                                                       f"{body}.pdf")},
            content_type="multipart/form-data")
        assert response.status_code == 302
    # The environment agency is asked in the app (10 working days: periods.HIEP_Y_ANSWER_DAYS,
    # not yet confirmed in NĐ 152/2025/NĐ-CP), answers there, and does not read the dossier.
    assert any("hiệp y" in n.text and "hạn trả lời 16/11/2026" in n.text
               for n in environment.notices())
    assert environment.client.get(f"/awards/nominations/{nominee}").status_code == 403
    page = environment.get("/awards/consultations")
    assert "Công ty TNHH Dệt may Quảng Ngãi" in main_text(page)
    environment.post(f"/awards/nominations/{nominee}/consultations/moi_truong",
                     {"agrees": "yes", "document_number": "77/STNMT-MT"},
                     page="/awards/consultations")
    dossier = main_text(organiser.get(f"/awards/nominations/{nominee}"))
    assert "1021/CT-QNG" in dossier and "77/STNMT-MT" in dossier
    _accept(organiser, nominee)
    send_list(organiser, round_id, "70/TTr-STTTT")

    # 30 working days with hiệp y (periods.APPRAISAL_HIEP_Y_DAYS, NĐ 152/2025/NĐ-CP, value
    # not yet confirmed in the text): from Monday 02/11/2026, Monday 14/12/2026.
    list_id = list_id_of(noivu)
    assert "hạn thẩm định 14/12/2026" in main_text(noivu.get(f"/awards/lists/{list_id}"))
    autumn.current = datetime(2026, 12, 14, 16, 0)  # 23:00 on the last day: in time
    _run_once()
    assert not any("quá hạn" in n.text for n in noivu.notices())
    autumn.current = datetime(2026, 12, 14, 17, 30)  # 00:30 the day after
    _run_once()
    assert any("quá hạn thẩm định (14/12/2026)" in n.text for n in noivu.notices())
    assert "Quá hạn" in main_text(noivu.get("/awards/"))
    # The appraisal goes on after its deadline.
    noivu.post(f"/awards/lists/{list_id}/approve", page=f"/awards/lists/{list_id}")
    assert "Chờ quyết định" in main_text(noivu.get(f"/awards/lists/{list_id}"))


def _token(someone, nomination_id: int) -> str:
    page = someone.get(f"/awards/nominations/{nomination_id}")
    return re.search(r'name="csrf_token" value="([^"]+)"', page)[1]


def test_an_administrator_terminating_a_nomination_leaves_the_list_consistent(
        cast, autumn, person, db):  # noqa: F811
    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    admin = person("quantri.test", "STTTT", "Nguyễn Văn Quản", "admin")
    round_id = open_round(organiser)
    kept = propose(clerk, round_id, "Trần Văn Bình", form_label=BANG_KHEN)
    ended = propose(clerk, round_id, "Ngô Thị Lan", form_label=BANG_KHEN)
    for nominee in (kept, ended):
        send(clerk, nominee)
        _accept(organiser, nominee)
    send_list(organiser, round_id, "45/TTr-STTTT")
    instance_id = db.session.get(Nomination, ended).instance_id
    response = post_form(admin.client, f"/admin/instances/{instance_id}/terminate")
    assert response.status_code == 302
    assert status_of(clerk, ended).startswith("Đã kết thúc")
    list_id = list_id_of(noivu)
    page = main_text(noivu.get(f"/awards/lists/{list_id}"))
    assert "Trần Văn Bình" in page and "Ngô Thị Lan" not in page
    noivu.post(f"/awards/lists/{list_id}/approve", page=f"/awards/lists/{list_id}")
    autumn.current = datetime(2026, 11, 4, 2, 0)
    noivu.post(f"/awards/lists/{list_id}/decision", {
        "number": "1300/QĐ-UBND", "signed_on": "03/11/2026", "signer": "Trần Phước Hiền",
        "signer_title": "Phó Chủ tịch"}, page=f"/awards/lists/{list_id}")
    assert status_of(clerk, kept).startswith("Được khen thưởng")
    assert status_of(clerk, ended).startswith("Đã kết thúc")


def test_a_long_lists_processes_follow_at_the_workers_tick(cast, autumn, monkeypatch, db):  # noqa: F811
    """Past signals.AT_ONCE nominees, approving answers at once and the nominations' processes
    are moved by the worker (here with a limit of 1 to keep the list short)."""
    from modules.awards import signals
    from modules.awards.models import Signal

    organiser, clerk, noivu = cast["coordinator"], cast["clerk"], cast["noivu"]
    round_id = open_round(organiser)
    ids = []
    for name in ("Trần Văn Bình", "Ngô Thị Lan"):
        ids.append(propose(clerk, round_id, name, form_label=BANG_KHEN))
        send(clerk, ids[-1])
        _accept(organiser, ids[-1])
    monkeypatch.setattr(signals, "AT_ONCE", 1)
    send_list(organiser, round_id, "45/TTr-STTTT")
    assert db.session.query(Signal).filter(Signal.sent_at.is_(None)).count() == 2
    list_id = list_id_of(noivu)
    noivu.post(f"/awards/lists/{list_id}/approve", page=f"/awards/lists/{list_id}")
    assert "Chờ quyết định" in main_text(noivu.get(f"/awards/lists/{list_id}"))
    _run_once()
    db.session.expire_all()
    assert db.session.query(Signal).filter(Signal.sent_at.is_(None)).count() == 0
    autumn.current = datetime(2026, 11, 3, 2, 0)
    noivu.post(f"/awards/lists/{list_id}/decision", {
        "number": "1234/QĐ-UBND", "signed_on": "03/11/2026", "signer": "Trần Phước Hiền",
        "signer_title": "Phó Chủ tịch"}, page=f"/awards/lists/{list_id}")
    running = db.session.scalars(select(ProcessInstance.status)).all()
    assert running == ["running", "running"], running  # the worker has yet to tell them
    _run_once()
    db.session.expire_all()
    assert db.session.scalars(select(ProcessInstance.status)).all() == ["completed"] * 2
