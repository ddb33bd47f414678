"""The demo people hold the roles their steps need: the coordinator fills in the demo's first
step for its department, Sở Nội vụ's person answers a cooperating request, and the trainee
of UBND huyện Lý Sơn sees nothing of the district's annual report."""

from datetime import datetime

from sqlalchemy import select

from app.auth.models import User
from app.extensions import db
from app.workflow.models import WorkItem
from tests.conftest import login, post_form
from tests.people.conftest import open_step

DEMO_PASSWORD = "QuangNgai@2024"  # noqa: S105 - printed by `flask seed` in development


def demo(app, username):
    client = app.test_client()
    login(client, username, DEMO_PASSWORD)
    return client


def test_each_demo_person_can_do_their_part(app, clock):
    clock.current = datetime(2025, 11, 20, 2, 0)  # the annual round is open
    app.config["DEVELOPMENT"] = True
    try:
        assert app.test_cli_runner().invoke(args=["seed"]).exit_code == 0
    finally:
        app.config["DEVELOPMENT"] = False

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
