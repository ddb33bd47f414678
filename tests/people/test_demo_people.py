"""The demo people hold the roles their steps need: the coordinator fills in the demo's first
step for its department, Sở Nội vụ's person answers a cooperating request, and the trainee
of đặc khu Lý Sơn sees nothing of the district's annual report."""

from datetime import datetime

from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from app.workflow.models import WorkItem
from tests.conftest import login, post_form
from tests.people.conftest import open_step

DEMO_PASSWORD = "Mua-xuan-tren-bien"  # noqa: S105 - printed by `flask seed` in development


def seed_demo(app):
    """`flask seed` as `make run` gives it: the demo people and year (development only)."""
    app.config["DEVELOPMENT"] = True
    try:
        assert app.test_cli_runner().invoke(args=["seed"]).exit_code == 0
    finally:
        app.config["DEVELOPMENT"] = False


def demo(app, username):
    client = app.test_client()
    login(client, username, DEMO_PASSWORD)
    return client


def test_each_demo_person_can_do_their_part(app, clock):
    clock.current = datetime(2025, 11, 20, 2, 0)  # the annual round is open
    seed_demo(app)

    coordinator = demo(app, "dieuphoi")
    assign = open_step("assign", process_key="demo_report")
    assert "Giao nhiệm vụ" in coordinator.get("/tasks").get_data(as_text=True)
    post_form(coordinator, f"/tasks/{assign.id}", {
        "field_noi_dung": "Tổ chức tuần lễ thương hiệu quốc gia", "field_loai": "dot_xuat",
        "field_can_phoi_hop": "y"})
    implement = open_step("implement", process_key="demo_report")
    post_form(demo(app, "lanhdao.svhttdl"), f"/tasks/{implement.id}",
              {"field_ket_qua": "Đã tổ chức 3 hoạt động"})

    home_affairs = demo(app, "noivu")
    snv = db.session.scalar(select(User).where(User.username == "noivu")).agency_id
    consult = open_step("consult", agency_id=snv, process_key="demo_report")
    assert "Cho ý kiến phối hợp" in home_affairs.get("/tasks").get_data(as_text=True)
    post_form(home_affairs, f"/tasks/{consult.id}", {"field_y_kien": "Thống nhất"})
    db.session.expire_all()
    assert db.session.get(WorkItem, consult.id).status == "completed"

    trainee = demo(app, "hocvien")
    lyson = db.session.scalar(select(User).where(User.username == "hocvien")).agency_id
    report = open_step("report_item_step", agency_id=lyson)
    assert report is not None  # the district has its report to file...
    assert trainee.get(f"/tasks/{report.id}").status_code == 403  # ...but not the trainee
    assert "Báo cáo kết quả nhiệm vụ" not in trainee.get("/tasks?status=open").get_data(
        as_text=True)


def test_the_seed_is_what_the_readmes_first_walk_describes(app, clock):
    """README, "A first walk through the plan": Sở Công Thương's report waits for the
    coordinator's review, and a return reaches chuyenvien.sct; lanhdao.svhttdl has the annual
    report steps of its nine items (Sở TT&TT's foreign-information items with them since
    2025), noivu of two; item 5.4's cooperating agency is noivu's;
    thanhtra holds VP-…-001's verification."""
    from app.plan.catalogue import current_plan
    from app.plan.reporting import annual_cycle, items_by_agency

    clock.current = datetime(2025, 11, 20, 2, 0)
    seed_demo(app)

    clerk_sct = demo(app, "chuyenvien.sct")
    assert "Không có dữ liệu." in clerk_sct.get("/tasks?status=open").get_data(as_text=True)
    coordinator = demo(app, "dieuphoi")
    cycle = annual_cycle(2025)
    round_page = coordinator.get(f"/plan/reports/{cycle.id}").get_data(as_text=True)
    review = open_step("review", process_key="periodic_reporting")
    assert "Chờ xem xét" in round_page and f'href="/tasks/{review.id}"' in round_page
    post_form(coordinator, f"/tasks/{review.id}", {
        "field_decision": "send_back", "field_review_comment": "Bổ sung số liệu"})
    returned = clerk_sct.get("/tasks").get_data(as_text=True)
    assert "Báo cáo kết quả nhiệm vụ" in returned

    codes = {agency.code: [item.code for item in items]
             for agency, items in items_by_agency(current_plan(), 2025).items()}
    # Since 01/3/2025 Sở VHTTDL also holds Sở TT&TT's foreign-information items (1.2, 2.3,
    # 3.9, 5.2, 5.4) and Sở Nội vụ Sở LĐ-TB&XH's (2.2): the province's reorganisation.
    assert codes["SVHTTDL"] == ["1.2", "2.1", "2.3", "3.2", "3.7", "3.8", "3.9", "5.2", "5.4"]
    assert codes["SNV"] == ["2.1", "2.2"] and "STTTT" not in codes
    lead = demo(app, "lanhdao.svhttdl")
    svh = db.session.scalar(select(User).where(User.username == "lanhdao.svhttdl")).agency_id
    first = open_step("report_item_step", agency_id=svh)
    page = lead.get(f"/tasks/{first.id}").get_data(as_text=True)
    assert "1.2. Tuyên truyền, phổ biến chính sách, pháp luật về thông tin đối ngoại" in page
    assert f'href="/tasks/{first.id}"' in lead.get("/tasks").get_data(as_text=True)

    [implement] = [step for step in db.session.scalars(select(WorkItem).where(
        WorkItem.task_name == "implement", WorkItem.status == "open",
        WorkItem.process_key == "task_assignment")) if step.subject.startswith("5.4")]
    post_form(coordinator, f"/tasks/{implement.id}", {
        "field_action": "ask_input", "field_consult_question": "Đề nghị cho ý kiến"})
    assert "Cho ý kiến phối hợp" in demo(app, "noivu").get("/tasks").get_data(as_text=True)

    inspector = demo(app, "thanhtra").get("/tasks?status=mine").get_data(as_text=True)
    assert "Xác minh vụ việc" in inspector and "VP-2025-001" in inspector


def test_the_readme_names_every_demo_person_and_the_seeds_year(app, clock):
    """README, its table of demo logins and its walk: every demo person the seed makes is in
    the table; the sanction decision of VP-…-002 waits for `xuphat`, the official with
    sanctioning competence (Nghị định 119/2020/NĐ-CP), not for the coordinator; the demo
    case waiting for `dieuphoi` is of the seeded year, not of 2025."""
    from pathlib import Path

    from app.auth.seed import DEMO_USERS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for person in DEMO_USERS:
        assert f"| `{person.username}` |" in readme, person.username
    assert "`xuphat`" in readme.split("### The demo process")[0].split("4. Sign in as")[1]

    clock.current = datetime(2026, 12, 2, 2, 0)
    seed_demo(app)
    sanction = demo(app, "xuphat").get("/tasks").get_data(as_text=True)
    assert "Ra quyết định xử phạt" in sanction and "VP-2026-002" in sanction
    inbox = demo(app, "dieuphoi").get("/tasks").get_data(as_text=True)
    assert "Tuần lễ Thương hiệu quốc gia 2026 (ví dụ)" in inbox
    assert "Ra quyết định xử phạt" not in inbox


def test_the_demo_violation_cases_open_within_the_laws_limits(app, clock):
    """The demo's violation cases are this week's, so their steps open within the limits of
    NĐ 118/2021/NĐ-CP Đ.12 (as amended by NĐ 68/2025/NĐ-CP: the record within 3 working days
    of discovery) and Luật XLVPHC Đ.66 (the decision within 7 working days of the record),
    not overdue on the day the demo is seeded."""
    clock.current = datetime(2026, 12, 1, 2, 0)
    seed_demo(app)

    steps = db.session.scalars(select(WorkItem).where(
        WorkItem.process_key == "violation_handling", WorkItem.status == "open")).all()
    assert len(steps) == 2
    assert all(step.due_at is not None and step.due_at > clock.current for step in steps), [
        (step.task_name, step.due_at) for step in steps]
