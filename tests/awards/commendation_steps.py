"""What the people of the commendation journeys do on the pages, as walk.py's Person does it:
each step reads the page and sends its form as a browser would; every request is served in
its own app context and database session (a fresh load between any two steps). The fixtures
are imported by the journey tests."""

import io
import re
from datetime import datetime

import pytest

from tests.journeys.conftest import coordinator, person, shipped  # noqa: F401 - shared
from tests.journeys.walk import checkbox_value, flashes, main_text, option_value, text_of

PDF = b"%PDF-1.4\n% a dossier document\n"
BASE = ("to_trinh", "bao_cao_thanh_tich", "bien_ban_hoi_dong")


@pytest.fixture
def autumn(clock):
    """Monday 02/11/2026, 09:00 in Quảng Ngãi."""
    clock.current = datetime(2026, 11, 2, 2, 0)
    return clock


@pytest.fixture
def cast(shipped, autumn, coordinator, person):  # noqa: F811 - the fixtures imported above
    """The coordinator at Sở Thông tin và Truyền thông, a clerk and the lead of Sở Công
    Thương, Home Affairs (noivu) and a clerk of Sở Y tế."""
    return {
        "coordinator": coordinator,
        "clerk": person("chuyenvien.sct", "SCT", "Phạm Thị Huyền"),
        "sct_lead": person("lanhdao.sct", "SCT", "Nguyễn Văn Lãnh", "agency_lead",
                           "agency_staff"),
        "noivu": person("noivu.test", "SNV", "Võ Minh Phê", "home_affairs_approver",
                        "agency_staff"),
        "other": person("chuyenvien.syt", "SYT", "Lê Thị Y"),
        "stttt_lead": person("giamdoc.stttt", "STTTT", "Hồ Văn Giám", "agency_lead",
                             "agency_staff"),
    }


def open_round(organiser, forms=("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",),
               deadline="30/11/2026", quotas="") -> int:
    page = organiser.get("/awards/rounds/new")
    ticked = [checkbox_value(page, "forms", label) for label in forms]
    organiser.post("/awards/rounds/new", {
        "topic": "Khen thưởng công tác thông tin đối ngoại năm 2026", "year": "2026",
        "deadline": deadline, "forms": ticked, "quotas": quotas,
        "note": "Gửi hồ sơ qua hệ thống"})
    return int(re.search(r"/awards/rounds/(\d+)$", organiser.landed_url)[1])


def documents(page: str, kinds, content: bytes = PDF) -> dict:
    """The upload rows of the nomination form filled with `kinds` (codes)."""
    values = {}
    for index, kind in enumerate(kinds):
        values[f"documents-{index}-kind"] = kind
        values[f"documents-{index}-file"] = (io.BytesIO(content), f"{kind}.pdf")
    return values


def propose(clerk, round_id: int, name: str, *, form_label: str, kind="individual",
            kinds=BASE, expect=302, **more) -> int | str:
    """The clerk fills a new nomination (optional fields left blank unless given) and keeps
    it as a draft; returns its id, or the page that refused it."""
    url = f"/awards/rounds/{round_id}/propose"
    page = clerk.get(url)
    answers = {"form_id": option_value(page, "form_id", form_label), "kind": kind,
               "name": name, "summary": more.pop("summary", "Tham mưu tổ chức 12 hội nghị "
                                                 "thông tin đối ngoại"), **more,
               **documents(page, kinds)}
    landed = clerk.post(url, answers, expect=expect, content_type="multipart/form-data")
    if expect != 302:
        return landed
    return int(re.search(r"/awards/nominations/(\d+)$", clerk.landed_url)[1])


def status_of(someone, nomination_id: int) -> str:
    page = someone.get(f"/awards/nominations/{nomination_id}")
    return text_of(re.search(r'<p class="nomination-status">(.*?)</p>', page, re.S)[1])


def send(clerk, nomination_id: int, expect=302) -> str:
    return clerk.post(f"/awards/nominations/{nomination_id}/send",
                      page=f"/awards/nominations/{nomination_id}", expect=expect)


def send_list(organiser, round_id: int, number: str, decider="chairman", expect=302) -> str:
    page = organiser.get(f"/awards/rounds/{round_id}")
    assert "send-list" in page, main_text(page)
    return organiser.client.post(
        f"/awards/rounds/{round_id}/lists", data={
            "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page)[1],
            "decider": decider, "number": number,
            "file": (io.BytesIO(PDF), "to-trinh.pdf")}, content_type="multipart/form-data")


def list_id_of(someone) -> int:
    """The one list waiting on the person's commendations page."""
    found = re.findall(r'href="/awards/lists/(\d+)"', someone.get("/awards/"))
    assert len(set(found)) == 1, found
    return int(found[0])


__all__ = ["flashes", "main_text", "text_of"]
