"""The inbox: what a clerk sees, its status badges by the clock, filters, sorting, pages."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import InboxFilter, badge, complete, start_process, work_items_for
from app.workflow.models import WorkItem
from tests.conftest import START
from tests.workflow import diagrams


def _due(item_id, when):
    item = db.session.get(WorkItem, item_id)
    item.due_at = when
    db.session.commit()
    return item


@pytest.fixture
def cases(deploy, people):
    deploy(diagrams.two_steps())
    deploy(diagrams.gateway("False", key="other"))
    ids = []
    for n in range(3):
        instance = start_process("two_steps", subject=f"Hồ sơ {n}")
        ids.append(db.session.scalar(select(WorkItem.id).where(
            WorkItem.instance_id == instance.id)))
    start_process("other", subject="Khác")
    _due(ids[0], START + timedelta(days=5))     # in progress
    _due(ids[1], START + timedelta(hours=30))   # due soon
    _due(ids[2], START - timedelta(hours=1))    # overdue
    return ids


def test_badges_follow_the_clock(cases, clock):
    items = [db.session.get(WorkItem, i) for i in cases]
    assert [badge(i) for i in items] == ["in_progress", "due_soon", "overdue"]

    clock.advance(days=4)
    assert badge(items[0]) == "due_soon"


def test_done_on_time_and_done_late(cases, people, clock):
    complete(cases[0], people["sct"], {"result": "kịp"})
    complete(cases[2], people["sct"], {"result": "trễ"})

    assert badge(db.session.get(WorkItem, cases[0])) == "done_on_time"
    assert badge(db.session.get(WorkItem, cases[2])) == "done_late"
    done = work_items_for(people["sct"], InboxFilter(status="done")).items
    assert {i.id for i in done} == {cases[0], cases[2]}


def test_done_lists_what_i_completed_and_what_my_agency_did_each_once(cases, people):
    """The done tab asks for the two apart (each from its own index): a step one completed
    for one's own agency is both, and is listed and counted once."""
    complete(cases[0], people["sct"], {"result": "Đã gửi"})
    complete(cases[2], people["sct2"], {"result": "Đã gửi"})  # a colleague, same agency
    approve = db.session.scalar(select(WorkItem.id).where(
        WorkItem.task_name == "approve", WorkItem.status == "open").order_by(WorkItem.id))
    complete(approve, people["snv"], {})

    done = work_items_for(people["sct"], InboxFilter(status="done"))
    assert [item.id for item in done.items] == [cases[2], cases[0]] and done.total == 2
    theirs = work_items_for(people["snv"], InboxFilter(status="done"))
    assert [item.id for item in theirs.items] == [approve] and theirs.total == 1


def test_filters_by_status_process_and_due_date(cases, people):
    clerk = people["sct"]

    def ids(**wanted):
        return [i.id for i in work_items_for(clerk, InboxFilter(**wanted)).items]

    assert ids() == [cases[2], cases[1], cases[0]] + ids(process="other")
    assert ids(status="overdue") == [cases[2]]
    assert ids(status="due_soon") == [cases[1]]
    assert len(ids(process="other")) == 1 and cases[0] not in ids(process="other")
    assert ids(process="two_steps", due_from=START, due_to=START + timedelta(days=2)) == \
        [cases[1]]
    assert ids(process="two_steps", sort="newest") == [cases[2], cases[1], cases[0]]


def test_claimed_by_me_and_pages(cases, people):
    from app.workflow import claim

    claim(cases[1], people["sct"])

    mine = work_items_for(people["sct"], InboxFilter(status="mine")).items
    assert [i.id for i in mine] == [cases[1]]
    first = work_items_for(people["sct"], InboxFilter(per_page=2))
    second = work_items_for(people["sct"], InboxFilter(per_page=2, page=2))
    assert first.total == 4 and len(first.items) == 2 and len(second.items) == 2
    assert not {i.id for i in first.items} & {i.id for i in second.items}


def test_the_inbox_page_filters_from_the_query_string(cases, people, app):
    from tests import factories
    from tests.conftest import login

    client = app.test_client()
    login(client, "clerk.sct", factories.PASSWORD)
    due_to = (START + timedelta(days=2)).strftime("%d/%m/%Y")

    page = client.get(f"/tasks?process=two_steps&due_to={due_to}").get_data(as_text=True)

    assert "Hồ sơ 1" in page and "Hồ sơ 2" in page and "Hồ sơ 0" not in page
    assert "Quá hạn" in page and "Sắp đến hạn" in page
    assert "is-invalid" not in page

    unread = client.get("/tasks?due_from=31/02/2025").get_data(as_text=True)
    assert 'id="due_from-error"' in unread and "nhập theo dạng dd/mm/yyyy" in unread
