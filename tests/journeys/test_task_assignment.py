"""Task assignment (task_assignment.bpmn), walked by its people through the pages and the
API: the coordinator launches plan item 5.4 from its page; the lead agency's clerk asks the
two cooperating agencies for input; each answers from its own inbox, or stays silent and is
counted as agreeing when the worker finds the time up; the lead reports; the coordinator
returns it with a comment, then accepts it; the item's page and the dashboard follow.

What each step page shows of the case is checked in detail in
tests/plan/test_assignment_pages.py; here the journey is walked whole, every branch."""

from datetime import datetime

import pytest

from tests.journeys.walk import checkbox_value, main_text, text_of
from tests.pages import form_values

PDF = b"%PDF-1.4\n% du thao danh sach khen thuong\n"
DRAFT = {"action": "ask_input",
         "consult_question": "Đề nghị cho ý kiến dự thảo danh sách 12 tập thể được khen thưởng"}
REPORT = {"action": "send_report", "progress": "completed",
          "what_done": "Đã khen thưởng 12 tập thể, 20 cá nhân có thành tích năm 2025"}
ITEM = "5.4 · Sở Thông tin và Truyền thông · 2025"


@pytest.fixture
def item_5_4(shipped, person):
    """Item 5.4 as amended for the year: Sở Văn hóa, Thể thao và Du lịch cooperates too,
    beside Sở Nội vụ; the admin amends it on its page, with the reason."""
    admin = person("quan.tri", "STTTT", "Nguyễn Quản Trị", "admin")
    item = next(item for item in shipped.items if item.code == "5.4")
    url = f"/plan/items/{item.id}/edit"
    page = admin.get(url)
    svh = checkbox_value(page, "cooperating", "Sở Văn hóa, Thể thao và Du lịch")
    cooperating = form_values(page, url, url).get("cooperating")
    cooperating = cooperating if isinstance(cooperating, list) else [cooperating]
    landed = admin.post(url, {"cooperating": [*cooperating, svh],
                              "reason": "Quyết định 15/QĐ-UBND bổ sung cơ quan phối hợp"})
    assert "Sở Nội vụ; Sở Văn hóa, Thể thao và Du lịch" in main_text(landed)
    return item


@pytest.fixture
def people(item_5_4, person, coordinator):
    return {"coordinator": coordinator,
            "lead": person("cv.stttt", "STTTT", "Ngô Thị Lan"),
            "chief": person("ld.stttt", "STTTT", "Huỳnh Văn Lãnh", "agency_lead"),
            "snv": person("cv.snv", "SNV", "Võ Minh Phê"),
            "svh": person("cv.svhttdl", "SVHTTDL", "Lê Thị Hoa")}


def launch(coordinator, item, due_on: str | None = None) -> str:
    """The coordinator sends the item to its lead agency from the item's page, with the
    deadline the form offers (or `due_on`)."""
    url = f"/plan/items/{item.id}/launch"
    return coordinator.post(url, {"due_on": due_on} if due_on else {},
                            page=f"/plan/items/{item.id}")


def test_an_item_from_launch_through_two_opinions_and_a_return_to_acceptance(
        item_5_4, people):
    coordinator, lead, snv, svh = (people[key] for key in ("coordinator", "lead", "snv", "svh"))

    landed = launch(coordinator, item_5_4)
    page = main_text(landed)
    assert "Đã giao 1 nhiệm vụ cho các cơ quan chủ trì." in page
    # The deadline the form offered: the last working day of November.
    assert "Sở Thông tin và Truyền thông 28/11/2025 — Đang thực hiện trong hạn" in page

    # The lead agency's clerk finds the task in the agency's inbox and asks for input.
    sent = lead.fill(lead.waiting("Thực hiện và báo cáo", ITEM), DRAFT,
                     files={"evidence": ("du-thao-danh-sach.pdf", PDF)})
    assert "Hạn hoàn thành 28/11/2025" in sent.panel
    assert any("Cho ý kiến phối hợp (Sở Nội vụ); Cho ý kiến phối hợp (Sở Văn hóa, Thể thao "
               "và Du lịch)" in told for told in sent.told), sent.told
    assert lead.inbox() == []  # nothing of it waits for the lead while they are asked

    # Each cooperating agency answers from its own inbox; one attaches its comments.
    for who, answer, files in (
            (snv, "Thống nhất danh sách; đề nghị bổ sung 01 cá nhân", {}),
            (svh, "Thống nhất", {"input_file": ("y-kien-svhttdl.pdf", PDF)})):
        row = who.waiting("Cho ý kiến phối hợp", ITEM)
        sent = who.fill(row, {"input_text": answer}, files)
        assert DRAFT["consult_question"] in sent.panel
        assert "du-thao-danh-sach.pdf" in sent.page  # the lead's draft, to read
        assert who.inbox() == []

    # The lead reads both answers, and reports with the optional boxes left blank.
    row = lead.waiting("Thực hiện và báo cáo", ITEM)
    sent = lead.fill(row, {**REPORT, "outputs": "", "difficulties": "", "proposals": ""})
    answers = text_of(sent.page)
    assert "Sở Nội vụ: Thống nhất danh sách; đề nghị bổ sung 01 cá nhân" in answers
    assert "Sở Văn hóa, Thể thao và Du lịch: Thống nhất" in answers
    assert "y-kien-svhttdl.pdf" in sent.page
    assert any("Xem xét báo cáo (Điều phối kế hoạch)" in told for told in sent.told), sent.told

    # The coordinator reads the report (nothing shown for the blank boxes) and returns it.
    row = coordinator.waiting("Xem xét báo cáo", ITEM)
    sent = coordinator.fill(row, {"decision": "send_back",
                                  "review_comment": "Bổ sung số, ngày quyết định khen thưởng"})
    assert "Kết quả đã thực hiện " + REPORT["what_done"] in sent.panel
    assert "Khó khăn, vướng mắc" not in sent.panel and "None" not in sent.panel
    assert sent.offered["field_decision"] == ""  # a decision is made, not preselected

    [returned] = [n for n in lead.notices() if n.kind == "Bị trả lại (chưa đọc)"]
    assert returned.text.endswith("(năm 2025) Ý kiến: Bổ sung số, ngày quyết định khen thưởng")

    # The lead sees why, finds the report as sent, and sends it again as it is.
    row = lead.waiting("Thực hiện và báo cáo", ITEM)
    sent = lead.fill(row)
    assert "Ý kiến Bổ sung số, ngày quyết định khen thưởng" in sent.panel
    assert sent.offered["field_what_done"] == REPORT["what_done"]
    assert sent.offered["field_progress"] == "completed"

    sent = coordinator.fill(coordinator.waiting("Xem xét báo cáo", ITEM), {"decision": "accept"})
    assert coordinator.inbox() == [] and lead.inbox() == []

    # The item's page and the dashboard say it is done, on time; the lead was told.
    page = main_text(coordinator.get(f"/plan/items/{item_5_4.id}?year=2025"))
    assert "Sở Thông tin và Truyền thông 28/11/2025" in page
    assert "Hoàn thành đúng hạn" in page
    dashboard = main_text(coordinator.get("/plan/dashboard?year=2025"))
    assert "1 Hoàn thành đúng hạn 0 Hoàn thành quá hạn 0 Đang thực hiện" in dashboard
    assert "đối ngoại. Sở Thông tin và Truyền thông (Hoàn thành đúng hạn)" in dashboard
    # The lead was told of the return, and why, then of the acceptance: two notices.
    assert [n.kind for n in lead.notices()][:2] == ["Báo cáo được chấp nhận (chưa đọc)",
                                                    "Bị trả lại (chưa đọc)"]


def test_a_silent_agency_counts_as_agreeing_and_an_overdue_task_reaches_the_agency_lead(
        item_5_4, people, clock):
    from app.workflow.cli import _run_once

    coordinator, lead, chief, snv, svh = (
        people[key] for key in ("coordinator", "lead", "chief", "snv", "svh"))
    launch(coordinator, item_5_4, due_on="10/06/2025")  # a Tuesday
    lead.fill(lead.waiting("Thực hiện và báo cáo", ITEM), DRAFT)  # Monday 02/06
    question = svh.waiting("Cho ý kiến phối hợp", ITEM)
    assert "Hạn xử lý 09/06/2025 23:59" in question.line  # five working days
    clock.current = datetime(2025, 6, 3, 2, 0)
    snv.fill(snv.waiting("Cho ý kiến phối hợp", ITEM), {"input_text": "Thống nhất"})

    # Thursday 05/06, 08:30, three working days before the deadline: the reminder.
    clock.current = datetime(2025, 6, 5, 1, 30)
    _run_once()
    assert [n.kind for n in lead.notices()][:1] == ["Sắp đến hạn (chưa đọc)"]

    # Tuesday 10/06, 08:30: Sở Văn hóa, Thể thao và Du lịch said nothing by 09/06.
    clock.current = datetime(2025, 6, 10, 1, 30)
    assert lead.inbox() == []
    _run_once()
    assert svh.inbox() == []
    page = main_text(svh.get(question.url))  # the step it did not answer says what became of it
    assert "Đã hủy" in page and "Bước này đã kết thúc mà không được thực hiện" in page
    assert "Nội dung đã gửi" not in page
    assert "Hết hạn cho ý kiến (Cho ý kiến phối hợp)" in page  # the timeline says why
    row = lead.waiting("Thực hiện và báo cáo", ITEM)
    answers = text_of(lead.get(row.url))
    assert "Sở Nội vụ: Thống nhất" in answers
    assert "Sở Văn hóa, Thể thao và Du lịch: Không có ý kiến trong hạn (09/06/2025), coi như " \
           "thống nhất." in answers

    # Wednesday 11/06, 08:30: the deadline has passed; the agency's lead hears of it.
    clock.current = datetime(2025, 6, 11, 1, 30)
    _run_once()
    assert lead.notices()[0].kind == "Quá hạn (chưa đọc)"
    assert not any(n.kind.startswith("Báo cáo lãnh đạo") for n in lead.notices())
    [escalated] = [n for n in chief.notices() if n.kind.startswith("Báo cáo lãnh đạo")]
    assert escalated.kind == "Báo cáo lãnh đạo: việc quá hạn của cơ quan (chưa đọc)"
    assert escalated.text.startswith("5.4. Tổ chức khen thưởng")
    assert chief.client.get(escalated.link).headers["Location"] == row.url  # to the step
    assert "Quá hạn" in main_text(chief.get(row.url))
    assert chief.notices()[0].kind == "Báo cáo lãnh đạo: việc quá hạn của cơ quan"  # read now

    lead.fill(row, REPORT)
    coordinator.fill(coordinator.waiting("Xem xét báo cáo", ITEM), {"decision": "accept"})
    page = main_text(coordinator.get(f"/plan/items/{item_5_4.id}?year=2025"))
    assert "10/06/2025 11/06/2025" in page and "Hoàn thành quá hạn" in page, page
    dashboard = main_text(coordinator.get("/plan/dashboard?year=2025"))
    assert "0 Hoàn thành đúng hạn 1 Hoàn thành quá hạn" in dashboard


def test_the_same_journey_over_the_api(item_5_4, people, api_person):
    launch(people["coordinator"], item_5_4)  # launching is the plan page's, not the API's
    coordinator, lead, snv, svh = (api_person(people[key])
                                   for key in ("coordinator", "lead", "snv", "svh"))

    step = lead.read(lead.waiting("Thực hiện và báo cáo", process="task_assignment")["id"])
    assert step["data"]["item_summary"].startswith("5.4. Tổ chức khen thưởng")
    assert {"action", "consult_question", "what_done", "evidence"} <= \
        {field["id"] for field in step["form"]}
    done = lead.complete(step["id"], {"action": "ask_input",
                                      "consult_question": DRAFT["consult_question"]})
    assert sorted(s["agency"] for s in done["open_steps"]) == ["SNV", "SVHTTDL"]

    for who, answer in ((snv, "Thống nhất danh sách"), (svh, "Thống nhất")):
        question = who.read(who.waiting("Cho ý kiến phối hợp")["id"])
        said = {value["id"]: value["value"] for entry in question["case"]
                for value in entry["values"]}
        assert said["consult_question"] == DRAFT["consult_question"]
        who.complete(question["id"], {"input_text": answer})
        assert who.waiting_all() == []

    step = lead.read(lead.waiting("Thực hiện và báo cáo")["id"])
    assert step["data"]["cooperating_answers"] == (
        "Sở Nội vụ: Thống nhất danh sách\n\nSở Văn hóa, Thể thao và Du lịch: Thống nhất")
    lead.complete(step["id"], {**REPORT, "outputs": None, "difficulties": "", "proposals": None})

    review = coordinator.read(coordinator.waiting("Xem xét báo cáo")["id"])
    assert review["data"]["what_done"] == REPORT["what_done"]
    assert review["data"]["outputs"] == review["data"]["difficulties"] == ""  # blank, as typed
    coordinator.complete(review["id"], {"decision": "send_back",
                                        "review_comment": "Bổ sung số quyết định"})

    step = lead.read(lead.waiting("Thực hiện và báo cáo")["id"])
    said = {value["id"]: value["value"] for entry in step["case"] for value in entry["values"]}
    assert said["review_comment"] == "Bổ sung số quyết định"
    again = lead.as_left(step)
    assert again["what_done"] == REPORT["what_done"] and again["action"] == "send_report"
    lead.complete(step["id"], again)

    review = coordinator.waiting("Xem xét báo cáo")
    done = coordinator.complete(review["id"], {"decision": "accept"})
    assert (done["status"], done["open_steps"]) == ("completed", [])
    page = main_text(people["coordinator"].get(f"/plan/items/{item_5_4.id}?year=2025"))
    assert "Hoàn thành đúng hạn" in page
