"""Plain factory functions for test data, written through the same services the app uses."""

from sqlalchemy import select

from app.auth import user_service
from app.auth.models import Agency
from app.auth.seed import seed_agencies
from app.extensions import db

PASSWORD = "correct-horse-battery"


def seeded_agencies() -> dict[str, Agency]:
    seed_agencies()
    return {agency.code: agency for agency in db.session.scalars(select(Agency))}


def agency(code: str) -> Agency:
    return db.session.scalar(select(Agency).where(Agency.code == code))


def make_user(username, roles=("agency_staff",), agency_code="SCT", password=PASSWORD, **extra):
    user, _ = user_service.create_user(
        username=username,
        full_name=extra.pop("full_name", username.title()),
        agency=agency(agency_code),
        roles=roles,
        password=password,
        **extra,
    )
    return user


def open_step(instance_id: int, task_name: str):
    """The open step of that name in an instance, read anew from the database."""
    from app.workflow.models import WorkItem

    db.session.expire_all()
    return db.session.scalar(select(WorkItem).where(
        WorkItem.instance_id == instance_id, WorkItem.task_name == task_name,
        WorkItem.status == "open"))


def case_awaiting_decision(clock):
    """A violation case waiting for the sanction decision (Monday 02/03/2026, 09:00 in Quảng
    Ngãi): inspector `thanh.tra` verified it and recorded the violation; `dieu.phoi`, the
    coordinator whom the admin also made an official with sanctioning competence, decides.
    Returns the decision step."""
    from datetime import datetime

    from app import workflow
    from app.plan.violations import service

    clock.current = datetime(2026, 3, 2, 2, 0)
    workflow.sync_folder()
    inspector = make_user("thanh.tra", agency_code="STTTT", full_name="Lý Thanh Tra")
    coordinator = make_user("dieu.phoi", roles=["coordinator", "sanctioning_official"],
                            agency_code="STTTT", full_name="Trần Điều")
    case = service.open_case(
        source="monitoring", received_on=clock.current.date(), subject="Trang tin X",
        channel="https://vi-du.example", description="Đăng tin sai lệch",
        inspector=inspector, actor=coordinator)
    workflow.complete(open_step(case.instance_id, "verify").id, inspector, {
        "finding": "finding_sanction", "findings_text": "Có vi phạm"})
    workflow.complete(open_step(case.instance_id, "record").id, inspector, {
        "record_number": "01/BB", "record_date": clock.current.date(),
        "violator": "Công ty X", "violation_act": "Đăng tin sai sự thật"})
    return open_step(case.instance_id, "decision")


DEMO_DAY = (2025, 11, 27, 3, 0)  # 10:00 in Quảng Ngãi, late in the demo plan year


def seed_demo(app, clock):
    """What `make run` seeds in development, by the same command: the demo people (one per
    role), a year of the plan in progress, violation cases, training classes, commendations."""
    from datetime import datetime

    clock.current = datetime(*DEMO_DAY)
    return run_seed(app)


def run_seed(app) -> str:
    """`flask seed` as `make run` runs it, in development; its output."""
    app.config["DEVELOPMENT"] = True
    try:
        result = app.test_cli_runner().invoke(args=["seed"])
    finally:
        app.config["DEVELOPMENT"] = False
    assert result.exit_code == 0, result.output
    return result.output
