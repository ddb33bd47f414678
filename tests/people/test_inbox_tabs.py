"""The inbox as a clerk uses it: "my steps" and "my agency's steps" with their counts, a
colleague's steps shown as theirs, a search over title, subject and case number, "due soon"
from the plan's reminder setting, a suspended case said so, and no "done on time" for a step
that had no deadline."""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.plan.assignments import REMINDER_DAYS
from app.settings import set_setting
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import START, post_form
from tests.people.conftest import active_tab, signed_in
from tests.workflow import diagrams

SUBJECTS = ["Hồ sơ khen thưởng Đức Phổ", "Báo cáo tháng 6", "Đề án quảng bá Lý Sơn",
            "Tổng kết năm"]


@pytest.fixture
def steps(deploy, people):
    deploy(diagrams.two_steps())
    ids = []
    for n, subject in enumerate(SUBJECTS):
        instance = workflow.start_process("two_steps", subject=subject,
                                          business_key=f"BC-2025-{n + 1:03d}")
        ids.append(db.session.scalar(select(WorkItem.id).where(
            WorkItem.instance_id == instance.id)))
    return ids


def listed(page: str) -> list[str]:
    return [subject for subject in SUBJECTS if subject in page]


def test_my_steps_and_my_agencys_steps_each_with_its_count(app, steps, people, api, token_for):
    workflow.claim(steps[0], people["sct"])
    workflow.claim(steps[1], people["sct2"])
    me = signed_in(app, people["sct"])

    inbox = me.get("/tasks").get_data(as_text=True)
    assert active_tab(inbox) == "mine" and listed(inbox) == [SUBJECTS[0]]
    assert "Việc của tôi\n      <span" in inbox and "Việc của đơn vị" in inbox
    counts = [int(n) for n in re.findall(r'<span class="badge rounded-pill [^"]+">(\d+)</span>',
                                         inbox)]
    assert counts == [1, 2]  # mine, then the agency's that nobody holds
    agency = me.get("/tasks?status=unclaimed").get_data(as_text=True)
    assert listed(agency) == SUBJECTS[2:]
    everything = me.get("/tasks?status=open").get_data(as_text=True)
    assert listed(everything) == SUBJECTS
    assert "Bạn đang xử lý" in everything and "Lê Văn Hai đang xử lý" in everything

    status, body = api("GET", "/api/v1/work-items?status=mine", token_for(people["sct"]))
    assert [i["id"] for i in body["items"]] == [steps[0]]
    assert body["counts"] == {"mine": 1, "unclaimed": 2}
    status, body = api("GET", "/api/v1/work-items?status=unclaimed", token_for(people["sct"]))
    assert [i["id"] for i in body["items"]] == steps[2:]

    # Someone with nothing of their own lands on the agency's steps.
    newcomer = signed_in(app, factories.make_user("cv3.sct", agency_code="SCT"))
    assert active_tab(newcomer.get("/tasks").get_data(as_text=True)) == "unclaimed"


@pytest.mark.parametrize(("words", "found"), [
    ("ho so khen thuong", [0]),          # without diacritics
    ("ĐỀ ÁN", [2]),                      # capitals, with them
    ("bc-2025-004", [3]),                # the case number
    ("báo cáo", [0, 1, 2, 3]),           # every step is titled "Báo cáo"
    ("tháng 6 báo", [1]),                # every word, in any order
    ("50%", []),                         # a wildcard is just a character
])
def test_a_search_over_title_subject_and_case_number(app, steps, people, api, token_for,
                                                     words, found):
    page = signed_in(app, people["sct"]).get("/tasks", query_string={
        "status": "open", "q": words}).get_data(as_text=True)
    assert listed(page) == [SUBJECTS[n] for n in found]
    if not found:
        assert f"Không có việc nào khớp với “{words}”." in page
    status, body = api("GET", f"/api/v1/work-items?q={quote(words)}", token_for(people["sct"]))
    assert [item["id"] for item in body["items"]] == [steps[n] for n in found]


def set_due(item_id, when):
    item = db.session.get(WorkItem, item_id)
    item.due_at = when
    db.session.commit()


def test_due_soon_starts_when_the_plans_reminder_comes(app, steps, people):
    # START is Monday 02/06/2025 08:30 in Quảng Ngãi; each deadline is the end of a day.
    thursday = START + timedelta(days=3, hours=15)    # 3 working days on
    next_monday = START + timedelta(days=7, hours=15)  # 5 working days on
    set_due(steps[0], thursday)
    set_due(steps[1], next_monday)
    set_due(steps[2], START - timedelta(hours=2))
    me = signed_in(app, people["sct"])

    def due_soon():
        return listed(me.get("/tasks?status=due_soon").get_data(as_text=True))

    assert due_soon() == [SUBJECTS[0]]  # the default: reminders 3 working days before
    set_setting(REMINDER_DAYS, "5")
    db.session.commit()
    assert due_soon() == [SUBJECTS[0], SUBJECTS[1]]
    page = me.get("/tasks?status=open").get_data(as_text=True)
    assert page.count("Sắp đến hạn</span>") == 2 and page.count("Quá hạn</span>") == 1
    home = me.get("/").get_data(as_text=True)
    assert 'href="/tasks?status=due_soon"' in home


def test_a_suspended_cases_step_says_so(app, steps, people, api, token_for):
    admin = factories.make_user("quan.tri", roles=["admin"], agency_code="STTTT")
    instance_id = db.session.get(WorkItem, steps[1]).instance_id
    workflow.suspend(instance_id, admin)
    me = signed_in(app, people["sct"])
    page = me.get("/tasks?status=unclaimed").get_data(as_text=True)
    assert page.count("Hồ sơ tạm dừng") == 1
    status, body = api("GET", "/api/v1/work-items", token_for(people["sct"]))
    assert [i["suspended"] for i in body["items"]] == [False, True, False, False]
    step_page = me.get(f"/tasks/{steps[1]}").get_data(as_text=True)
    assert "Quy trình đang" in step_page and "field_result" not in step_page


def test_a_step_without_a_deadline_is_done_not_done_on_time(app, steps, people, api,
                                                            token_for):
    set_due(steps[1], START + timedelta(days=10))
    me = signed_in(app, people["sct"])
    for step in steps[:2]:
        post_form(me, f"/tasks/{step}", {"field_result": "Đã làm"})
    page = me.get("/tasks?status=done").get_data(as_text=True)
    assert page.count("Hoàn thành đúng hạn") == 1  # the one that had a deadline
    assert page.count(">Đã hoàn thành</span>") == 1
    status, body = api("GET", "/api/v1/work-items?status=done", token_for(people["sct"]))
    assert sorted(i["badge"] for i in body["items"]) == ["done", "done_on_time"]
    step_page = me.get(f"/tasks/{steps[0]}").get_data(as_text=True)
    assert "Hoàn thành đúng hạn" not in step_page
    admin = signed_in(app, factories.make_user("quan.tri", roles=["admin"],
                                               agency_code="STTTT"))
    instance_id = db.session.get(WorkItem, steps[0]).instance_id
    assert "Hoàn thành đúng hạn" not in admin.get(f"/admin/instances/{instance_id}").get_data(
        as_text=True)
