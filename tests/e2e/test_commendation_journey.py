"""The commendation journey against the real server (gunicorn, several worker processes, on
the tests' database), restarted after Sở Công Thương sends its nominations and again after
the coordinator sends the list to Home Affairs: each person in their own browser, every step
a request that may land on any worker, and after each restart on processes that never saw
what came before. Home Affairs approves with one refusal and records the decision; the
awardee's decision and certificate download, and the other's letter says why."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.clock import today
from app.extensions import db
from app.workflow.models import ProcessInstance
from modules.awards.registry_models import Award
from tests import factories
from tests.conftest import pdf_text
from tests.e2e.browser import Browser
from tests.e2e.real_server import RealServer
from tests.journeys.conftest import shipped  # noqa: F401 - the plan and diagrams, as seeded
from tests.journeys.walk import checkbox_value, main_text, option_value, text_of

BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
DOSSIER = ("to_trinh", "bao_cao_thanh_tich", "bien_ban_hoi_dong")
PDF = b"%PDF-1.4\n% a dossier document\n"
REFUSED_BECAUSE = "Thành tích chưa đủ tiêu chuẩn"


@pytest.fixture
def server(database_url, shipped, clock):  # noqa: F811 - the fixture imported above
    clock.current = datetime.now(UTC).replace(tzinfo=None)  # the server's clock
    factories.make_user("dieu.phoi", roles=("coordinator", "agency_staff"),
                        agency_code="STTTT", full_name="Trần Thị Điều")
    factories.make_user("chuyenvien.sct", agency_code="SCT", full_name="Phạm Thị Huyền")
    factories.make_user("noivu.snv", roles=("home_affairs_approver", "agency_staff"),
                        agency_code="SNV", full_name="Võ Minh Phê")
    db.session.commit()
    running = RealServer(database_url, workers=3).start()
    yield running
    running.stop()


def _open_round(coordinator: Browser) -> int:
    page = "/awards/rounds/new"
    _, form = coordinator.get(page)
    coordinator.follow(coordinator.submit(page, page, {
        "topic": "Khen thưởng công tác thông tin đối ngoại", "year": str(today().year),
        "deadline": f"{today() + timedelta(days=20):%d/%m/%Y}",
        "forms": [checkbox_value(form, "forms", BANG_KHEN)], "note": ""}))
    return int(re.search(r"/awards/rounds/(\d+)$", coordinator.landed)[1])


def _propose(clerk: Browser, round_id: int, name: str, **answers) -> int:
    """A nomination with the whole dossier, kept as a draft; optional fields left blank."""
    page = f"/awards/rounds/{round_id}/propose"
    _, form = clerk.get(page)
    kinds = {f"documents-{index}-kind": kind for index, kind in enumerate(DOSSIER)}
    files = {f"documents-{index}-file": (f"{kind}.pdf", PDF)
             for index, kind in enumerate(DOSSIER)}
    clerk.follow(clerk.submit(page, page, {
        "form_id": option_value(form, "form_id", BANG_KHEN), "name": name, **kinds,
        **answers}, files))
    return int(re.search(r"/awards/nominations/(\d+)$", clerk.landed)[1])


def _status(someone: Browser, nomination_id: int) -> str:
    _, page = someone.get(f"/awards/nominations/{nomination_id}")
    return text_of(re.search(r'<p class="nomination-status">(.*?)</p>', page, re.S)[1])


def _act(someone: Browser, page: str, action: str, answers: dict | None = None) -> None:
    """Press the button of `page` that posts to `action`; it must lead on to a page."""
    someone.follow(someone.submit(page, action, answers or {}))


def test_propose_restart_send_the_list_restart_approve_with_a_refusal_and_decide(server):
    coordinator = Browser(server.url).sign_in("dieu.phoi", factories.PASSWORD)
    clerk = Browser(server.url).sign_in("chuyenvien.sct", factories.PASSWORD)
    round_id = _open_round(coordinator)

    person = _propose(clerk, round_id, "Trần Văn Bình", kind="individual",
                      summary="Tham mưu tổ chức 12 hội nghị thông tin đối ngoại")
    collective = _propose(clerk, round_id, "Phòng Xúc tiến thương mại", kind="collective",
                          summary="40 tin bài đối ngoại năm nay")
    for nomination in (person, collective):
        page = f"/awards/nominations/{nomination}"
        _act(clerk, page, f"{page}/send")
        assert _status(clerk, nomination).startswith("Đã gửi"), _status(clerk, nomination)

    server.restart()  # the nominations were sent by processes that are gone now

    _, page = coordinator.get(f"/awards/nominations/{person}")
    assert "Tham mưu tổ chức 12 hội nghị thông tin đối ngoại" in main_text(page)
    assert len(set(re.findall(rf'href="/awards/nominations/{person}/documents/(\d+)"',
                              page))) == len(DOSSIER)
    for nomination in (person, collective):
        page = f"/awards/nominations/{nomination}"
        _act(coordinator, page, f"{page}/accept")
    round_page = f"/awards/rounds/{round_id}"
    coordinator.follow(coordinator.submit(
        round_page, f"{round_page}/lists", {"decider": "chairman", "number": "45/TTr-STTTT"},
        {"file": ("to-trinh.pdf", PDF)}))
    list_page = coordinator.landed
    assert re.fullmatch(r"/awards/lists/\d+", list_page), list_page

    server.restart()  # Home Affairs opens the list on processes that never saw it sent

    noivu = Browser(server.url).sign_in("noivu.snv", factories.PASSWORD)
    _, home = noivu.get("/awards/")
    assert f'href="{list_page}"' in home
    listed = main_text(noivu.get(list_page)[1])
    assert "Trần Văn Bình" in listed and "Phòng Xúc tiến thương mại" in listed
    _act(noivu, list_page, f"{list_page}/approve", {
        f"refuse_{collective}": "y", f"reason_{collective}": REFUSED_BECAUSE})
    _act(noivu, list_page, f"{list_page}/decision", {
        "number": "1234/QĐ-UBND", "signed_on": f"{today():%d/%m/%Y}",
        "signer": "Trần Phước Hiền", "signer_title": "Phó Chủ tịch",
        "letter_number": "215/SNV-TĐKT", "letter_signer": "Lê Văn Thư",
        "letter_signer_title": "Phó Giám đốc"})

    assert _status(clerk, person).startswith("Được khen thưởng"), _status(clerk, person)
    assert _status(clerk, collective).startswith("Không được khen thưởng")
    status, kind, decision = clerk.download(f"/awards/nominations/{person}/decision.pdf")
    assert (status, kind) == (200, "application/pdf")
    assert "1234/QĐ-UBND" in pdf_text(decision) and "Trần Văn Bình" in pdf_text(decision)
    status, kind, certificate = clerk.download(
        f"/awards/nominations/{person}/certificate.pdf")
    assert (status, kind) == (200, "application/pdf") and "BẰNG KHEN" in pdf_text(certificate)
    status, kind, letter = clerk.download(f"/awards/nominations/{collective}/refusal.pdf")
    assert (status, kind) == (200, "application/pdf") and REFUSED_BECAUSE in pdf_text(letter)

    db.session.expire_all()
    awards = db.session.scalars(select(Award)).all()
    assert [(a.name, a.decision_number) for a in awards] == [("Trần Văn Bình", "1234/QĐ-UBND")]
    instances = db.session.scalars(select(ProcessInstance)).all()
    assert sorted(i.status for i in instances) == ["completed", "completed"]
