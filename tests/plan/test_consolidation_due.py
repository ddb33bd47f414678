"""The coordinator's own deadline, with the clock the tests control: Kế hoạch 116/KH-UBND,
mục IV.2 — the coordinating department "định kỳ hàng năm (trước ngày 15/12), tổng hợp, báo
cáo UBND tỉnh kết quả thực hiện". The round's consolidation step is due 14/12; the worker
reminds the coordinators the plan's reminder days before it (once), and once it has passed
tells them and their agency's leaders (once); the round's page, the list of rounds and the
dashboard show it overdue until the report is issued."""

import io
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.notifications.models import Notification
from app.plan import reporting
from app.workflow.cli import _run_once
from tests import factories, signatures
from tests.conftest import login, post_form
from tests.journeys.walk import main_text, text_of


@pytest.fixture
def people(app, agencies):
    def signed_in(username, roles, name):
        user = factories.make_user(username, roles=roles, agency_code="STTTT", full_name=name)
        client = app.test_client()
        login(client, username, factories.PASSWORD)
        client.user = user
        return client

    return {"coordinator": signed_in("dieu.phoi", ["coordinator"], "Trần Thị Điều"),
            "lead": signed_in("lanh.dao", ["agency_lead"], "Nguyễn Văn Bình")}


@pytest.fixture
def round_2025(plan, people, clock):
    workflow.sync_folder()
    clock.current = datetime(2025, 11, 17, 2, 0)  # Monday 17/11/2025
    return reporting.open_annual_cycle(2025)


def notices(user) -> list[tuple[str, str]]:
    db.session.expire_all()
    return [(kind, text) for kind, text in db.session.execute(
        select(Notification.kind, Notification.text).where(Notification.user_id == user.id)
        .order_by(Notification.id)) if "báo cáo tổng hợp gửi UBND tỉnh" in text]


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return main_text(response.get_data(as_text=True))


def due_line(client, url) -> str:
    """What the round's page says of the consolidated report's deadline."""
    page = client.get(url).get_data(as_text=True)
    return text_of(page.split('id="report-due"', 1)[1].split("</p>", 1)[0].split(">", 1)[1])


def test_the_round_is_due_14_12_reminded_once_then_overdue_once(round_2025, people, clock):
    """Kế hoạch 116/KH-UBND, IV.2: report to UBND tỉnh before 15/12, so by 14/12/2025 (a
    Sunday: the plan says "before", which no rest day moves later). With 3 reminder working
    days (the plan setting), the reminder comes on Wednesday 10/12."""
    coordinator, lead = people["coordinator"].user, people["lead"].user
    url = f"/plan/reports/{round_2025.id}"
    assert round_2025.report_due == date(2025, 12, 14)
    assert due_line(people["coordinator"], url) == "Hạn gửi báo cáo tổng hợp lên UBND tỉnh: " \
        "14/12/2025 (Kế hoạch 116/KH-UBND, mục IV.2: trước ngày 15/12)."

    clock.current = datetime(2025, 12, 9, 2, 0)  # Tuesday 09/12, 09:00
    _run_once()
    assert notices(coordinator) == []
    clock.current = datetime(2025, 12, 10, 1, 0)  # Wednesday 10/12, 08:00
    _run_once()
    _run_once()
    [(kind, text)] = notices(coordinator)
    assert kind == "due_soon" and "hạn 14/12/2025" in text
    assert due_line(people["coordinator"], url).endswith("Sắp đến hạn")
    assert notices(lead) == []

    clock.current = datetime(2025, 12, 15, 1, 0)  # Monday 15/12: overdue
    _run_once()
    _run_once()
    assert [kind for kind, _ in notices(coordinator)] == ["overdue"]  # the reminder became it
    assert [kind for kind, _ in notices(lead)] == ["escalated"]
    assert due_line(people["coordinator"], url).endswith("Quá hạn")
    assert "Quá hạn: hạn gửi UBND tỉnh 14/12/2025" in page_text(people["coordinator"],
                                                               "/plan/reports")
    dashboard = page_text(people["lead"], "/plan/dashboard?year=2025")
    assert "Báo cáo tổng hợp năm 2025: hạn gửi UBND tỉnh 14/12/2025. Quá hạn" in dashboard


def test_a_report_issued_in_time_is_neither_reminded_nor_overdue(round_2025, people, clock):
    """Done means reported to UBND tỉnh: the signed copy uploaded (app/plan/issuing.py). A
    round only signed off is still due, and overdue once 14/12 has passed."""
    clock.current = datetime(2025, 12, 8, 2, 0)
    url = f"/plan/reports/{round_2025.id}"
    form = {"number": "125/BC-SVHTTDL", "issued_on": "08/12/2025", "strengths": "Đạt.",
            "signer_authority": "GIÁM ĐỐC", "signer_name": "Nguyễn Văn Bình", "confirm": "1"}
    coordinator = people["coordinator"]
    assert post_form(coordinator, url, form).status_code == 302
    clock.current = datetime(2025, 12, 11, 2, 0)
    assert due_line(coordinator, url).endswith("Sắp đến hạn")  # signed off, not yet issued

    root = signatures.authority()
    signed = signatures.sign(coordinator.get(f"{url}/report.pdf").data,
                             signatures.signer(root, "Nguyễn Văn Bình", "Sở Văn hóa"))
    assert post_form(coordinator, f"{url}/issue",
                     {"signed_pdf": (io.BytesIO(signed), "bao-cao.pdf")},
                     content_type="multipart/form-data").status_code == 302
    clock.current = datetime(2025, 12, 16, 2, 0)
    _run_once()
    assert notices(coordinator.user) == notices(people["lead"].user) == []
    assert due_line(coordinator, url).endswith("trước ngày 15/12).")


def test_the_admin_moves_the_plans_day_and_the_next_round_follows(plan, people, app, clock):
    """The day is a setting (the plan may be amended): an admin sets 10/12."""
    admin = app.test_client()
    factories.make_user("quan.tri", roles=["admin"], agency_code="STTTT")
    login(admin, "quan.tri", factories.PASSWORD)
    from tests.pages import form_values

    page = admin.get("/plan/settings").get_data(as_text=True)
    assert "Trước ngày 15/12" in page or "trước ngày 15/12" in page
    values = form_values(page, "/plan/settings", "/plan/settings")
    assert post_form(admin, "/plan/settings", {**values, "report_due": "31/02"}
                     ).status_code == 200  # not a day of every year: refused
    assert post_form(admin, "/plan/settings", {**values, "report_due": "10/12"}
                     ).status_code == 302
    workflow.sync_folder()
    assert reporting.open_annual_cycle(2026).report_due == date(2026, 12, 10)
