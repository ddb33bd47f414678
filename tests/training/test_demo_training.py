"""The demo's training (`flask seed` in development), as the README's training walk tells it:
a class that took place a month ago with its results, an open class with its last two seats,
a full one with a waiting list; `hocvien` of đặc khu Lý Sơn (a live agency) completed the
first, holds a seat in the second and is second on the third's waiting list; the agency lead
sees the agency's history; the organiser sees each class's list."""

import re
from datetime import datetime

from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from app.workflow.cli import _run_once
from app.workflow.models import ProcessInstance
from modules.training.models import TrainingClass
from tests import factories
from tests.journeys.walk import main_text
from tests.people.test_demo_people import demo


def _id(code: str) -> int:
    return db.session.scalar(select(TrainingClass.id).where(TrainingClass.code == code))


def test_the_seed_is_what_the_readmes_training_walk_describes(app, clock):
    clock.current = datetime(2026, 3, 2, 2, 0)  # Monday 02/03/2026, 09:00 in Quảng Ngãi
    output = factories.run_seed(app)
    assert "TTDN-2026-01" in output and "TTDN-2026-03" in output

    trainee = demo(app, "hocvien")
    lyson = db.session.scalar(select(User).where(User.username == "hocvien")).agency
    assert lyson.is_current_on(clock.current.date())  # đặc khu Lý Sơn, not the ended huyện
    listed = main_text(trainee.get("/training/").get_data(as_text=True))
    assert "TTDN-2026-02" in listed and "Còn 2 chỗ" in listed
    assert "TTDN-2026-03" in listed and "Đã đủ chỗ · 3 người chờ" in listed
    mine = main_text(trainee.get("/training/my").get_data(as_text=True))
    assert re.search(r"TTDN-2026-01 .*Kết quả: Hoàn thành · có mặt 2/2 buổi", mine), mine
    seated = main_text(trainee.get(f"/training/classes/{_id('TTDN-2026-02')}")
                       .get_data(as_text=True))
    assert "Đã xác nhận chỗ" in seated and "Đã có 8/10 người" in seated
    waiting = main_text(trainee.get(f"/training/classes/{_id('TTDN-2026-03')}")
                        .get_data(as_text=True))
    assert "thứ tự 2 trong danh sách chờ" in waiting

    lead = main_text(demo(app, "lanhdao.svhttdl").get("/training/agency").get_data(as_text=True))
    assert "Lý Văn Tra" in lead and "TTDN-2026-01" in lead  # thanhtra, of the agency

    organiser = demo(app, "dieuphoi")
    roster = organiser.get(f"/training/classes/{_id('TTDN-2026-03')}/registrations")
    rows = re.findall(r'<tr class="roster-row">', roster.get_data(as_text=True))
    assert len(rows) == 8

    # The finished class's enrollments go on to their results at the worker's first tick.
    _run_once()
    db.session.expire_all()
    statuses = [i.status for i in db.session.scalars(select(ProcessInstance).where(
        ProcessInstance.subject.like("TTDN-2026-01%")))]
    assert statuses == ["completed"] * 7
    mine = main_text(trainee.get("/training/my").get_data(as_text=True))
    assert re.search(r"Tải giấy chứng nhận số GCN-2026-\S+ \(PDF\)", mine), mine


def test_seeding_the_training_twice_adds_nothing(app, clock):
    clock.current = datetime(2026, 3, 2, 2, 0)
    factories.run_seed(app)
    count = db.session.scalar(select(db.func.count(TrainingClass.id)))
    assert "Bồi dưỡng" not in factories.run_seed(app)
    assert db.session.scalar(select(db.func.count(TrainingClass.id))) == count == 3
