"""Annual and ad-hoc reporting (periodic_reporting.bpmn, adhoc_report.bpmn), walked by its
people through the pages and the API: the worker opens the round on its day; Sở Văn hóa,
Thể thao và Du lịch reports each of its four items from its inbox, one after another, then
its difficulties and proposals (the journey that used to stop after the first item); Sở Công
Thương reports with the optional boxes blank; the coordinator returns one report with a
comment and accepts the other; signing off warns of who is missing, then closes the round;
the consolidated report downloads as a PDF and names what was reported.

Returning a report and the agency sending it again without retyping, the sign-off warnings
in full, and a report sent late are in tests/plan/test_reporting_rounds.py."""

import re
from datetime import datetime

import pytest

from app.workflow.cli import _run_once
from tests.conftest import pdf_text
from tests.journeys.walk import checkbox_value, main_text, text_of

ITEM_STEP, SUMMARY = "Báo cáo kết quả nhiệm vụ", "Khó khăn, đề xuất và gửi báo cáo"
ROUND = "Báo cáo kết quả thực hiện Kế hoạch 116/KH-UBND năm 2025"
SVH_ITEMS = {
    "2.1": ("Tổ chức 14 hội nghị truyền thông chính sách, 1.200 lượt người dự",
            "14 hội nghị", "rated_good"),
    "3.2": ("Xây dựng 02 sản phẩm du lịch văn hóa gắn với di sản Sa Huỳnh",
            "02 sản phẩm", "rated_done"),
    "3.7": ("Tham gia Hội chợ Du lịch quốc tế TP. Hồ Chí Minh (ITE HCMC 2025)", "", "rated_done"),
    "3.8": ("Tổ chức Lễ hội Điện Trường Bà, Lễ Khao lề thế lính Hoàng Sa có khách quốc tế",
            "25.000 lượt khách", "rated_good"),
}


@pytest.fixture
def people(shipped, person, coordinator):
    return {"coordinator": coordinator,
            "svh": person("cv.svhttdl", "SVHTTDL", "Lê Thị Hoa"),
            "sct": person("cv.sct", "SCT", "Phạm Thị Huyền")}


@pytest.fixture
def round_open(people, clock):
    """15/11/2025 is a Saturday: the worker opens the year's round on the next working day,
    Monday 17/11, not before (Bộ luật Dân sự 2015, Điều 148 khoản 5)."""
    clock.current = datetime(2025, 11, 15, 1, 0)
    _run_once()
    assert "Báo cáo năm 2025" not in main_text(people["coordinator"].get("/plan/reports"))
    clock.current = datetime(2025, 11, 17, 1, 0)
    _run_once()
    page = people["coordinator"].get("/plan/reports")
    [url] = set(re.findall(r'href="(/plan/reports/\d+)"', page))
    clock.current = datetime(2025, 11, 17, 2, 0)  # the agencies get to work
    return url


def review_links(page: str) -> dict[str, int]:
    """{agency: its review step} of the round's page, by the "Review it" links it offers."""
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>")[1], re.S):
        link = re.search(r'href="/tasks/(\d+)"', row)
        if link:
            found[text_of(re.search(r"<td>(.*?)</td>", row, re.S).group(1))] = int(link[1])
    return found


def report_every_item(who, items: dict) -> list[str]:
    """Each of the agency's item steps as its inbox offers them, one after another; returns
    the items in the order they came."""
    came = []
    while (rows := [row for row in who.inbox() if row.title == ITEM_STEP]):
        assert len(rows) == 1, rows  # one item at a time
        page = text_of(who.get(rows[0].url))
        [code] = [code for code in items if f"Nhiệm vụ {code}. " in page]
        results, figures, assessment = items[code]
        sent = who.fill(rows[0], {"results": results, "figures": figures,
                                  "assessment": assessment})
        assert sent.offered["field_assessment"] == ""  # the agency rates itself
        came.append(code)
    return came


def test_an_agency_reports_every_item_then_the_round_is_reviewed_signed_off_and_printed(
        people, round_open, clock):
    coordinator, svh, sct = people["coordinator"], people["svh"], people["sct"]
    assert [row.title for row in svh.inbox()] == [ITEM_STEP]

    # Sở Văn hóa, Thể thao và Du lịch: its four items, then difficulties and proposals.
    assert report_every_item(svh, SVH_ITEMS) == ["2.1", "3.2", "3.7", "3.8"]
    summary = svh.waiting(SUMMARY)
    svh.fill(summary, {"difficulties": "Kinh phí tổ chức sự kiện quốc tế còn hạn chế",
                       "proposals": "Đề nghị bố trí kinh phí quảng bá năm 2026"},
             files={"report_file": ("bao-cao-svhttdl.pdf", b"%PDF-1.4\n% bao cao\n")})
    assert svh.inbox() == []

    # Sở Công Thương: what it must say, nothing more.
    sct_items = {code: (f"Sở Công Thương đã triển khai nhiệm vụ {code}", "", "rated_done")
                 for code in ("2.1", "3.1", "3.7")}
    assert report_every_item(sct, sct_items) == ["2.1", "3.1", "3.7"]
    sct.fill(sct.waiting(SUMMARY), {"difficulties": "", "proposals": ""})

    # The coordinator reads both, side by side, and reviews each from the round's page.
    page = coordinator.get(round_open)
    text = main_text(page)
    assert "Tổ chức Lễ hội Điện Trường Bà" in text and "Số liệu: 25.000 lượt khách" in text
    reviews = review_links(page)
    assert set(reviews) == {"Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch"}
    sent = coordinator.fill(reviews["Sở Công Thương"], {
        "decision": "send_back", "review_comment": "Bổ sung số liệu cụ thể cho từng nhiệm vụ"})
    assert sent.panel.count("Kết quả thực hiện Sở Công Thương đã triển khai nhiệm vụ") == 3
    assert "Số liệu" not in sent.panel  # a blank box is not shown as said
    sent = coordinator.fill(reviews["Sở Văn hóa, Thể thao và Du lịch"],
                            {"decision": "accept"})
    assert "Nhiệm vụ 3.8. Quảng bá hình ảnh" in sent.panel
    assert "bao-cao-svhttdl.pdf" in sent.page
    text = main_text(coordinator.get(round_open))
    assert "Sở Công Thương" in text and "Bổ sung số liệu cụ thể cho từng nhiệm vụ" in text

    # 01/12, before the agencies' deadline: signing off asks first, then closes the round.
    clock.current = datetime(2025, 12, 1, 2, 0)
    sign_off = {"number": "125/BC-STTTT", "issued_on": "01/12/2025",
                "strengths": "Các cơ quan đã triển khai nghiêm túc Kế hoạch 116/KH-UBND.",
                "signer_authority": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "signer_name": "Nguyễn Văn Bình"}
    warned = main_text(coordinator.post(round_open, sign_off, expect=200))
    assert "Chưa hết hạn gửi báo cáo của các cơ quan (05/12/2025)" in warned
    assert "Chưa báo cáo (34): Ban Dân tộc tỉnh, Báo Quảng Ngãi" in warned
    assert "Đã trả lại nhưng chưa gửi lại (1): Sở Công Thương" in warned
    done = main_text(coordinator.post(round_open, {**sign_off, "confirm": "Ký"}))
    assert "Các bước báo cáo còn mở (35 cơ quan) đã kết thúc" in done
    assert sct.inbox() == []  # its steps ended with the round, and it was told
    assert sct.notices()[0].kind == "Kỳ báo cáo đã khóa sổ (chưa đọc)"

    pdf = coordinator.client.get(round_open + "/report.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = pdf_text(pdf.data)
    for expected in ("Số: 125/BC-STTTT", "Quảng Ngãi, ngày 01 tháng 12 năm 2025",
                     "Kết quả thực hiện Kế hoạch số 116/KH-UBND năm 2025",
                     "Đã nhận 2/36 báo cáo",
                     "Sở Văn hóa, Thể thao và Du lịch: Kinh phí tổ chức sự kiện quốc tế"):
        assert expected in text, expected
    # Each item says what was reported on it, not "not launched" (no item was launched).
    assert "3.8 Quảng bá hình ảnh, văn hóa của tỉnh thông qua các lễ hội văn hóa đặc sắc của " \
           "địa phương. Sở Văn hóa, Thể thao và Du lịch Tự đánh giá: Sở Văn hóa, Thể thao và " \
           "Du lịch: Hoàn thành tốt" in text
    assert "Nhiệm vụ 3.8, Sở Văn hóa, Thể thao và Du lịch (tự đánh giá: hoàn thành tốt): Tổ " \
           "chức Lễ hội Điện Trường Bà, Lễ Khao lề thế lính Hoàng Sa có khách quốc tế; số " \
           "liệu: 25.000 lượt khách." in text
    for code, (results, _, _) in SVH_ITEMS.items():
        assert f"Nhiệm vụ {code}, Sở Văn hóa, Thể thao và Du lịch" in text and results in text
    assert "Nhiệm vụ 3.1, Sở Công Thương (tự đánh giá: hoàn thành): Sở Công Thương đã " \
           "triển khai nhiệm vụ 3.1." in text  # no figures given, none printed
    assert "1.2 Tuyên truyền" in text and "Chưa giao thực hiện" in text  # nobody reported



def test_a_coordinator_reading_english_opens_a_round_and_signs_off_a_vietnamese_report(
        shipped, people, clock):
    coordinator = people["coordinator"]
    coordinator.post("/language", {"locale": "en", "next": "/plan/"}, page="/plan/")
    item = next(item for item in shipped.items if item.code == "5.4")
    coordinator.post(f"/plan/items/{item.id}/launch", page=f"/plan/items/{item.id}")

    # The round opened from the reports page, before its day.
    landed = main_text(coordinator.post("/plan/reports/open", page="/plan/reports"))
    assert "The annual report is open: 36 agencies were asked." in landed
    [url] = set(re.findall(r'href="(/plan/reports/\d+)"', coordinator.get("/plan/reports")))
    clock.current = datetime(2025, 12, 8, 2, 0)
    sign_off = {"number": "130/BC-STTTT", "issued_on": "08/12/2025", "strengths": "Đạt.",
                "signer_authority": "GIÁM ĐỐC", "signer_name": "Nguyễn Văn Bình"}
    coordinator.post(url, sign_off, expect=200)
    assert "Signed off" in main_text(coordinator.post(url, {**sign_off, "confirm": "Sign"}))

    text = pdf_text(coordinator.client.get(url + "/report.pdf").data)
    assert "Sở Thông tin và Truyền thông: Quá hạn chưa hoàn thành" in text  # 5.4, due 28/11
    assert "Overdue" not in text and "Chưa giao thực hiện" in text


def test_an_ad_hoc_report_asked_of_two_agencies_is_answered_and_accepted(people, clock):
    coordinator, svh, sct = people["coordinator"], people["svh"], people["sct"]
    page = coordinator.get("/plan/reports")
    chosen = [checkbox_value(page, "adhoc-agencies", name)
              for name in ("Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch")]
    topic = "Tình hình đón khách quốc tế dịp Lễ hội Điện Trường Bà 2025"
    round_page = coordinator.post("/plan/reports/ad-hoc", {
        "adhoc-topic": topic, "adhoc-agencies": chosen, "adhoc-deadline": "20/06/2025"},
        page="/plan/reports")
    round_url = coordinator.landed_url
    assert "Đã gửi yêu cầu báo cáo đột xuất." in main_text(round_page)
    assert "Báo cáo tổng hợp" not in main_text(round_page)  # nothing to sign off

    sent = svh.fill(svh.waiting("Báo cáo đột xuất"), {"content": "Đón 3.200 lượt khách quốc "
                                                                   "tế, không có vụ việc phức tạp"},
                    files={"report_file": ("bao-cao-dot-xuat.pdf", b"%PDF-1.4\n% dx\n")})
    assert f"Nội dung yêu cầu báo cáo {topic}" in sent.panel
    assert "Hạn gửi báo cáo 20/06/2025" in sent.panel

    # Tuesday 17/06, 08:30, three working days before: only the agency yet to report hears.
    clock.current = datetime(2025, 6, 17, 1, 30)
    _run_once()
    assert "Sắp đến hạn (chưa đọc)" in [n.kind for n in sct.notices()]
    assert not any(n.kind.startswith("Sắp đến hạn") for n in svh.notices())
    sct.fill(sct.waiting("Báo cáo đột xuất"), {"content": "Không phát sinh"})

    reviews = review_links(coordinator.get(round_url))
    assert set(reviews) == {"Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch"}
    for review in reviews.values():
        sent = coordinator.fill(review, {"decision": "accept"})
        assert "Nội dung báo cáo" in sent.panel
    text = main_text(coordinator.get(round_url))
    assert text.count("Đã chấp nhận") == 2 and "Đón 3.200 lượt khách quốc tế" in text
    assert svh.inbox() == sct.inbox() == coordinator.inbox() == []



def test_an_agency_with_four_items_files_its_annual_report_over_the_api(
        people, api_person, clock):
    coordinator = people["coordinator"]
    coordinator.post("/plan/reports/open", page="/plan/reports")  # the coordinator's page
    url = coordinator.landed_url
    svh = api_person(people["svh"])

    came = []
    while (items := svh.waiting_all(process="periodic_reporting")):
        assert len(items) == 1, items  # one step at a time
        step = svh.read(items[0]["id"])
        if step["title"] == SUMMARY:
            svh.complete(step["id"], {"difficulties": "Thiếu kinh phí", "proposals": None})
            continue
        assert step["title"] == ITEM_STEP
        code = re.match(r"(\d+\.\d+)\. ", step["data"]["item_title"])[1]
        results, figures, assessment = SVH_ITEMS[code]
        done = svh.complete(step["id"], {"results": results, "figures": figures or None,
                                         "assessment": assessment})
        assert done["status"] == "running" and len(done["open_steps"]) == 1
        came.append(code)
    assert came == ["2.1", "3.2", "3.7", "3.8"]

    text = main_text(coordinator.get(url))
    assert "Sở Văn hóa, Thể thao và Du lịch 02/06/2025 08:30 Đúng hạn Chờ xem xét" in text
    assert "Tổ chức Lễ hội Điện Trường Bà" in text
    review = review_links(coordinator.get(url))["Sở Văn hóa, Thể thao và Du lịch"]
    sent = coordinator.fill(review, {"decision": "accept"})
    assert sent.panel.count("Tự đánh giá Hoàn thành tốt") == 2
