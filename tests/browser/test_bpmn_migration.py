"""An admin moves a running case to a new version in the browser: the preview says which
cases can move and why the others cannot; the chosen one moves, audited; the other finishes
on its version."""

import pytest
from playwright.sync_api import expect

from app import workflow
from app.extensions import db
from app.workflow.models import ProcessInstance
from tests import factories
from tests.browser.test_layout import _sign_in
from tests.workflow import diagrams

pytestmark = pytest.mark.browser


def test_an_admin_moves_the_case_that_can_move_and_sees_why_the_other_cannot(
        page, deploy, people):
    deploy(diagrams.two_steps())
    waiting = workflow.start_process("two_steps", subject="Báo cáo tháng 5")
    further = workflow.start_process("two_steps", subject="Báo cáo tháng 4")
    workflow.complete(factories.open_step(further.id, "report").id, people["sct"],
                      {"result": "Đã xong"})
    newer = deploy(diagrams.two_steps().replace('name="Duyệt"', 'name="Phê duyệt"'))
    factories.make_user("admin.qt", roles=["admin"])
    _sign_in(page, "admin.qt")

    page.goto("/admin/processes")
    page.get_by_role("link", name="Chuyển hồ sơ sang phiên bản này").click()
    rows = page.locator("tbody tr")
    expect(rows.filter(has_text="Báo cáo tháng 4")).to_contain_text("Không")
    expect(rows.filter(has_text="Báo cáo tháng 4").get_by_role("checkbox")).to_have_count(0)
    page.get_by_label("Chuyển Báo cáo tháng 5").check()
    page.get_by_role("button", name="Chuyển các hồ sơ đã chọn").click()

    expect(page.get_by_role("status").first).to_contain_text(
        f"Đã chuyển sang phiên bản 2: #{waiting.id}")
    db.session.expire_all()
    assert db.session.get(ProcessInstance, waiting.id).version_id == newer.id
    assert db.session.get(ProcessInstance, further.id).version.number == 1
    assert "migrated" in [e.kind for e in workflow.timeline_of(waiting.id)]
    # The moved case goes on, on its new version.
    workflow.complete(factories.open_step(waiting.id, "report").id, people["sct"],
                      {"result": "Xong"})
    assert factories.open_step(waiting.id, "approve").title == "Phê duyệt"
    assert page.console_errors == []
