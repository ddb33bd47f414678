"""Into the plan (issue 11; Kế hoạch 116/KH-UBND items 1.2 and 5.2): the annual report step
of item 1.2 opens with the figures of the classes the reporting agency organised for it —
classes, trainees per agency, completions — in its editable "Số liệu" field."""

import html
from datetime import datetime

from sqlalchemy import select

from app import workflow
from app.auth.models import User
from app.auth.reorg_seed import seed_reorganisation
from app.auth.seed import seed_agencies, seed_demo_users
from app.extensions import db
from app.plan import reporting
from app.plan.seed import seed_plan
from app.workflow.models import WorkItem
from modules.training.demo import seed_demo_training
from tests.people.test_demo_people import demo


def test_the_item_12_report_step_opens_with_the_agencys_training_figures(app, clock):
    clock.current = datetime(2025, 11, 20, 2, 0)  # the annual round opens after 15/11
    seed_agencies()
    seed_reorganisation()
    seed_demo_users()
    seed_plan()
    workflow.sync_folder()
    seed_demo_training()  # TTDN-2025-01 held on 21-22/10/2025 by Sở VHTTDL, for item 1.2
    reporting.open_annual_cycle(2025)

    lead = demo(app, "lanhdao.svhttdl")
    agency_id = db.session.scalar(select(User.agency_id).where(
        User.username == "lanhdao.svhttdl"))
    steps = db.session.scalars(select(WorkItem).where(
        WorkItem.agency_id == agency_id, WorkItem.task_name == "report_item_step",
        WorkItem.status == "open")).all()
    [first] = steps  # one item at a time: 1.2 comes first
    page = html.unescape(lead.get(f"/tasks/{first.id}").get_data(as_text=True))
    assert "1.2." in page
    assert "Số lớp: 1 (TTDN-2025-01)." in page
    assert "Số học viên: 7" in page and "Hoàn thành: 6." in page
