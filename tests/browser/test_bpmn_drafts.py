"""Drafts in the browser: two admins on one draft (the later save is refused, saying who
saved and when), a file imported becomes a draft with its problems, a new process drawn from
a blank diagram."""

import pytest
from playwright.sync_api import expect

from app import workflow
from app.auth.models import User
from app.extensions import db
from tests import factories
from tests.browser.test_bpmn_editor import DEMO, demo_version, open_editor  # noqa: F401
from tests.browser.test_layout import _sign_in
from tests.workflow import diagrams

pytestmark = pytest.mark.browser


def test_the_second_admin_to_save_a_draft_is_told_who_saved_it_and_nothing_is_lost(
        page, browser, live_server, demo_version):  # noqa: F811
    first = factories.make_user("admin.hai", roles=["admin"], full_name="Ngô Thị Hai")
    draft = workflow.save_draft("demo_report", DEMO.read_text(encoding="utf-8"),
                                user=first, from_version_id=demo_version.id).draft
    _sign_in(page, "admin.qt")
    open_editor(page, f"/admin/processes/editor?draft={draft.id}")
    other_context = browser.new_context(base_url=live_server)
    other = other_context.new_page()
    _sign_in(other, "admin.hai")
    open_editor(other, f"/admin/processes/editor?draft={draft.id}")

    other.get_by_role("button", name="Lưu bản nháp").click()
    expect(other.locator("[data-status]")).to_contain_text("Đã lưu bản nháp")
    page.get_by_role("button", name="Lưu bản nháp").click()

    refused = page.locator("[data-status].alert-danger")
    expect(refused).to_contain_text("Ngô Thị Hai")
    db.session.expire_all()
    assert workflow.get_draft(draft.id).revision == 2
    assert workflow.get_draft(draft.id).saved_by.username == "admin.hai"
    other_context.close()


def test_an_imported_file_becomes_a_draft_opened_with_its_problems(page, agencies):
    factories.make_user("admin.qt", roles=["admin"])
    _sign_in(page, "admin.qt")
    open_editor(page, "/admin/processes/editor?key=nhap_tep&name=Nhập tệp")

    page.locator("[data-action=import]").set_input_files(files=[{
        "name": "bao-cao.bpmn", "mimeType": "application/xml",
        "buffer": diagrams.two_steps(first="KHONG_CO", key="bao_cao_nhap").encode()}])

    page.wait_for_url("**/admin/processes/editor?draft=*")
    page.locator("#bpmn-editor[data-ready=true]").wait_for()
    expect(page.locator("[data-problem-list] button[data-element-id=report]")).to_contain_text(
        "KHONG_CO")
    expect(page.locator("[data-element-id=report].bpmn-problem")).to_have_count(1)
    # It had no drawing: laid out here, and the admin is told.
    expect(page.locator("[data-status]")).to_contain_text("tự sắp xếp")
    db.session.expire_all()
    assert [d.key for d in workflow.drafts("bao_cao_nhap")] == ["bao_cao_nhap"]


def test_a_new_process_is_drawn_from_a_blank_diagram_and_saved_as_a_draft(page, agencies):
    factories.make_user("admin.qt", roles=["admin"])
    _sign_in(page, "admin.qt")
    page.goto("/admin/processes")
    page.get_by_label("Mã quy trình (một từ)").fill("tiep_nhan_y_kien")
    page.get_by_label("Tên quy trình").fill("Tiếp nhận ý kiến")
    page.get_by_role("button", name="Mở trình soạn thảo").click()
    page.locator("#bpmn-editor[data-ready=true]").wait_for()

    expect(page.locator("[data-title]")).to_have_text("Tiếp nhận ý kiến")
    expect(page.locator("[data-element-id=start]")).to_have_count(1)
    page.get_by_role("button", name="Lưu bản nháp").click()

    expect(page.locator("[data-status]")).to_contain_text("Đã lưu bản nháp")
    db.session.expire_all()
    saved = workflow.drafts("tiep_nhan_y_kien")
    assert len(saved) == 1 and 'name="Tiếp nhận ý kiến"' in saved[0].xml
    assert page.console_errors == []


def test_a_file_with_two_processes_none_executable_asks_the_admin_which(page, agencies):
    factories.make_user("admin.qt", roles=["admin"])
    _sign_in(page, "admin.qt")
    open_editor(page, "/admin/processes/editor?key=tam&name=Tạm")
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.accept("chua_chay")

    page.on("dialog", answer)
    xml = diagrams.two_steps(key="chua_chay").replace(
        'isExecutable="true"', 'isExecutable="false"').replace(
        "</bpmn:definitions>", '<bpmn:process id="phu" isExecutable="false" /></bpmn:definitions>')
    page.locator("[data-action=import]").set_input_files(files=[{
        "name": "khac.bpmn", "mimeType": "application/xml", "buffer": xml.encode()}])

    page.wait_for_url("**/admin/processes/editor?draft=*")
    assert "chua_chay, phu" in asked[0]
    # Kept as a draft, with what stands in the way of running it.
    expect(page.locator("[data-problem-list]")).to_contain_text("chưa được đánh dấu là thực thi")
    db.session.expire_all()
    assert len(workflow.drafts("chua_chay")) == 1


def test_an_admin_discards_a_draft_and_the_published_version_stays(page, demo_version):  # noqa: F811
    admin = factories.make_user("admin.ba", roles=["admin"], full_name="Đỗ Văn Ba")
    draft = workflow.save_draft("demo_report", DEMO.read_text(encoding="utf-8"), user=admin,
                                from_version_id=demo_version.id).draft
    page.on("dialog", lambda dialog: dialog.accept())
    _sign_in(page, "admin.ba")
    open_editor(page, f"/admin/processes/editor?draft={draft.id}")

    page.get_by_role("button", name="Bỏ bản nháp").click()

    page.wait_for_url("**/admin/processes")
    db.session.expire_all()
    assert workflow.get_draft(draft.id).status == "discarded"
    assert workflow.published_version("demo_report").id == demo_version.id
    assert page.console_errors == []


def test_the_draft_shows_what_it_changes_against_the_version_it_came_from(
        page, demo_version):  # noqa: F811
    admin = db.session.scalar(db.select(User).where(User.username == "admin.qt"))
    changed = DEMO.read_text(encoding="utf-8").replace('name="Giao nhiệm vụ"',
                                                       'name="Giao nhiệm vụ (sửa)"')
    draft = workflow.save_draft("demo_report", changed, user=admin,
                                from_version_id=demo_version.id).draft
    _sign_in(page, "admin.qt")
    open_editor(page, f"/admin/processes/editor?draft={draft.id}")

    page.get_by_role("link", name="Những gì thay đổi").click()

    page.locator("#bpmn-compare[data-ready=true]").wait_for()
    expect(page.locator("[data-diff=changed] [data-element-id=assign]")).to_contain_text(
        "Giao nhiệm vụ (sửa)")
    expect(page.locator("[data-diff=added] li")).to_have_text(["Không có"])
    expect(page.locator("[data-compare=newer] [data-element-id=assign].diff-changed")
           ).to_have_count(1)
    assert page.console_errors == []
