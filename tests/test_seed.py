import re
from pathlib import Path

from click.testing import Result
from sqlalchemy import select

from app.auth.models import Agency, AgencyGroup, User
from app.auth.seed import seed_agencies
from app.extensions import db
from app.settings import Setting

PLAN = Path(__file__).resolve().parents[1] / "docs" / "plan" / "ke-hoach-116-KH-UBND-2024.md"


def _snapshot():
    agencies = db.session.execute(select(Agency.__table__)).all()
    groups = [(g.code, sorted(a.code for a in g.members))
              for g in db.session.scalars(select(AgencyGroup))]
    users = db.session.execute(select(User.username, User.password_hash)).all()
    settings = db.session.execute(select(Setting.__table__)).all()
    return sorted(agencies), sorted(groups), sorted(users), sorted(settings)


def test_seeding_twice_changes_nothing(app):
    runner = app.test_cli_runner()
    app.config["DEVELOPMENT"] = True
    try:
        first: Result = runner.invoke(args=["seed"])
        before = _snapshot()
        second = runner.invoke(args=["seed"])
    finally:
        app.config["DEVELOPMENT"] = False

    assert first.exit_code == 0 and second.exit_code == 0
    assert "quantri" in first.output and "Mua-xuan-tren-bien" in first.output
    logins = [line for line in first.output.splitlines() if line.startswith("  ")]
    agency_column = {line.rstrip().rindex(" ") for line in logins}
    assert len(logins) == 8 and len(agency_column) == 1, logins  # a table that lines up
    assert _snapshot() == before
    assert "0 added" in second.output


def test_seeding_keeps_an_admins_rename(agencies):
    agencies["SCT"].name_vi = "Sở Công Thương tỉnh Quảng Ngãi"
    db.session.commit()

    seed_agencies()

    assert db.session.get(Agency, agencies["SCT"].id).name_vi == "Sở Công Thương tỉnh Quảng Ngãi"


def test_demo_people_only_in_development(app):
    result = app.test_cli_runner().invoke(args=["seed"])

    assert result.exit_code == 0
    assert db.session.scalar(select(db.func.count(User.id))) == 0


def test_every_agency_the_plan_names_is_seeded(agencies):
    text = PLAN.read_text(encoding="utf-8")
    appendix = text[text.index("DANH MỤC"):]
    named = set()
    for cell in re.split(r"[\t;\n]|,\s*(?=Sở |Bộ |Công an|UBND|[Cc]ác )", appendix):
        cell = cell.strip().rstrip(".")
        if cell.startswith(("Sở ", "Công an tỉnh", "Bộ Chỉ huy", "Hội Thân nhân")):
            named.add(cell)
    names = {agency.name_vi.replace(",", "") for agency in agencies.values()}

    missing = {name for name in named if name.replace(",", "") not in names}

    assert len(named) >= 12
    assert not missing


def test_the_plans_groups_expand_to_their_agencies(agencies):
    groups = {g.code: g for g in db.session.scalars(select(AgencyGroup))}

    assert len(groups["UBND_CAP_HUYEN"].members) == 13
    assert {a.code for a in groups["CQ_BAO_CHI"].members} == {"BAO_QN", "DAI_PTTH"}
    assert agencies["SNV"] in groups["SO_BAN_NGANH"].members
    assert groups["SO_BAN_NGANH"].name_vi == "Các sở, ban, ngành"


def test_create_admin_command(app, agencies):
    result = app.test_cli_runner().invoke(args=[
        "create-admin", "--username", "root.admin", "--full-name", "Quản Trị",
        "--password", "long-enough-secret",
    ])

    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "root.admin"))
    assert user.check_password("long-enough-secret")
    assert {r.value for r in user.roles} == {"admin"}

    again = app.test_cli_runner().invoke(args=[
        "create-admin", "--username", "root.admin", "--full-name", "X", "--password", "x" * 12,
    ])
    assert again.exit_code != 0
    assert "Traceback" not in again.output


def test_development_seed_leaves_a_demo_case_in_the_coordinators_inbox(app, agencies):
    from pathlib import Path

    from app.workflow import add_version, list_instances

    demo = Path(__file__).resolve().parents[1] / "workflows" / "bpmn" / "demo_report.bpmn"
    add_version(demo.read_bytes(), demo.name, publish=True)
    app.config["DEVELOPMENT"] = True
    try:
        app.test_cli_runner().invoke(args=["seed"])
        app.test_cli_runner().invoke(args=["seed"])
    finally:
        app.config["DEVELOPMENT"] = False

    assert list_instances(process="demo_report").total == 1


def test_development_seed_puts_a_year_in_progress(app, clock):
    from datetime import datetime

    from app.plan.models import Assignment, ReportCycle
    from app.plan.violations.models import ViolationCase
    from app.workflow.models import WorkItem

    clock.current = datetime(2025, 11, 27, 3, 0)
    app.config["DEVELOPMENT"] = True
    try:
        result = app.test_cli_runner().invoke(args=["seed"])
        assert "A year in progress" in result.output, result.output
        assert "A year in progress" not in app.test_cli_runner().invoke(args=["seed"]).output
    finally:
        app.config["DEVELOPMENT"] = False

    day = clock().date()
    statuses = {a.item.code: a.status_on(day).value for a in db.session.scalars(
        db.select(Assignment))}
    assert statuses == {"3.1": "done_on_time", "3.8": "done_late", "3.3": "overdue",
                        "5.4": "in_progress"}
    [cycle] = db.session.scalars(db.select(ReportCycle)).all()
    assert cycle.year == 2025 and [r.agency.code for r in cycle.reports if r.submitted_at] == \
        ["SCT"]
    waiting = {}
    for case in db.session.scalars(db.select(ViolationCase)):
        waiting[case.number] = db.session.scalar(db.select(WorkItem.task_name).where(
            WorkItem.instance_id == case.instance_id, WorkItem.status == "open"))
    assert waiting == {"VP-2025-001": "verify", "VP-2025-002": "decision"}
