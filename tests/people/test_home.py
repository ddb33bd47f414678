"""The home page shows each person what waits for them, each figure a link to exactly what
it counts; the coordinator also sees the plan's overdue tasks and who has yet to report."""

import re
from datetime import date, datetime, timedelta

from app import workflow
from app.extensions import db
from app.notifications import dispatch
from app.plan import reporting
from app.plan.assignments import launch_item
from app.plan.catalogue import current_plan, item_by_code
from app.plan.seed import seed_plan
from app.workflow.models import WorkItem
from tests import factories
from tests.conftest import START
from tests.people.conftest import signed_in
from tests.workflow import diagrams

FIGURE = re.compile(r'<a class="card[^"]*" href="([^"]+)">\s*<div class="card-body">\s*'
                    r'<div class="display-6[^"]*">(\d+)</div>\s*<div class="text-body">([^<]+)<')


def figures(page: str) -> dict[str, tuple[int, str]]:
    return {label: (int(count), href) for href, count, label in FIGURE.findall(page)}


def test_each_figure_leads_to_what_it_counts(app, deploy, people):
    deploy(diagrams.two_steps())
    ids = [db.session.scalar(db.select(WorkItem.id).where(
        WorkItem.instance_id == workflow.start_process("two_steps", subject=f"Hồ sơ {n}").id))
        for n in range(4)]
    for item_id, due in zip(ids, (START - timedelta(hours=1), START + timedelta(days=1)),
                            strict=False):
        db.session.get(WorkItem, item_id).due_at = due
    db.session.commit()
    workflow.claim(ids[0], people["sct"])
    workflow.claim(ids[3], people["sct2"])
    dispatch.announce_new_steps()
    client = signed_in(app, people["sct"])

    shown = figures(client.get("/").get_data(as_text=True))
    assert shown == {
        "Việc của tôi": (1, "/tasks?status=mine"),
        "Việc của đơn vị chưa ai nhận": (2, "/tasks?status=unclaimed"),
        "Sắp đến hạn": (1, "/tasks?status=due_soon"),
        "Quá hạn": (1, "/tasks?status=overdue"),
        "Thông báo chưa đọc": (3, "/notifications/"),  # not of the colleague's step
    }
    for label, (count, href) in shown.items():
        if href.startswith("/tasks"):
            listed = client.get(href).get_data(as_text=True).count("list-group-item-action")
            assert listed == count, label
    assert "Điều phối Kế hoạch" not in client.get("/").get_data(as_text=True)


def test_the_coordinator_sees_overdue_tasks_and_who_has_yet_to_report(app, shipped, clock):
    clock.current = datetime(2025, 11, 20, 2, 0)
    seed_plan()
    coordinator = factories.make_user("dieu.phoi", roles=["coordinator"], agency_code="STTTT")
    plan = current_plan()
    launch_item(item_by_code(plan, "3.3"), 2025, date(2025, 10, 31), coordinator)  # overdue
    launch_item(item_by_code(plan, "5.4"), 2025, date(2025, 12, 15), coordinator)  # in time
    cycle = reporting.open_annual_cycle(2025, coordinator)
    cycle.reports[0].submitted_at = datetime(2025, 11, 20, 3, 0)
    db.session.commit()
    client = signed_in(app, coordinator)

    shown = figures(client.get("/").get_data(as_text=True))
    assert shown["Nhiệm vụ quá hạn năm 2025"] == (1, "/plan/dashboard?year=2025")
    missing = len(cycle.reports) - 1
    assert shown["Cơ quan chưa gửi báo cáo năm 2025"] == (missing, f"/plan/reports/{cycle.id}")
    assert client.get("/plan/dashboard?year=2025").status_code == 200
    assert client.get(f"/plan/reports/{cycle.id}").status_code == 200
