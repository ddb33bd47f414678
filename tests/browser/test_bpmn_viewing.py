"""Diagrams for everyone who follows a case, in Debian's chromium: loaded only when asked
(phones do not pay before), states marked with an icon as well as a colour, a failed step on
the admin's instance page, two versions compared."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from app import workflow
from tests import factories
from tests.browser.test_bpmn_editor import REPORT_CSP
from tests.browser.test_layout import _sign_in
from tests.workflow import diagrams

pytestmark = pytest.mark.browser


def test_on_a_phone_the_viewer_loads_only_when_the_diagram_is_asked_for(phone, deploy, people):
    deploy(diagrams.two_steps())
    instance = workflow.start_process("two_steps", subject="Báo cáo quý II")
    item = factories.open_step(instance.id, "report")
    fetched = []
    phone.on("request", lambda request: fetched.append(request.url))
    phone.add_init_script(REPORT_CSP)
    _sign_in(phone, "clerk.sct")

    phone.goto(f"/tasks/{item.id}")
    assert not [url for url in fetched if "vendor/bpmn" in url]
    phone.get_by_role("button", name="Xem sơ đồ").click()

    section = phone.locator("[data-bpmn-case][data-ready=true]")
    expect(section.locator("[data-element-id=report].state-here")).to_have_count(1)
    expect(section.locator("[data-bpmn-canvas] .bpmn-state-badge.active")).to_have_text(["▶"])
    assert [url for url in fetched if url.endswith("vendor/bpmn/viewer.js")]
    assert phone.console_errors == [] and phone.foreign_requests == []


def test_the_admin_sees_the_failed_script_marked_on_the_instance_page(page, deploy, agencies):
    deploy(diagrams.script_then_step("x = 1 / 0"))
    instance = workflow.start_process("scripted", subject="Kịch bản lỗi")
    factories.make_user("admin.qt", roles=["admin"])
    page.add_init_script(REPORT_CSP)
    _sign_in(page, "admin.qt")

    page.goto(f"/admin/instances/{instance.id}")
    page.get_by_role("button", name="Xem sơ đồ").click()

    section = page.locator("[data-bpmn-case][data-ready=true]")
    expect(section.locator("[data-element-id=compute].state-failed")).to_have_count(1)
    badge = section.locator("[data-bpmn-canvas] .bpmn-state-badge.failed")
    expect(badge).to_have_text("✕")
    assert "Lỗi:" in badge.get_attribute("title")
    expect(section.locator("[data-element-id=start].state-completed")).to_have_count(1)
    assert page.console_errors == []


def test_two_versions_compared_are_listed_and_coloured(page, deploy, agencies):
    older = deploy(diagrams.two_steps())
    newer = deploy(diagrams.two_steps(second="STTTT").replace('name="Duyệt"',
                                                               'name="Phê duyệt"'))
    factories.make_user("admin.qt", roles=["admin"])
    page.add_init_script(REPORT_CSP)
    _sign_in(page, "admin.qt")

    page.goto(f"/admin/processes/compare?a={older.id}&b={newer.id}")

    page.locator("#bpmn-compare[data-ready=true]").wait_for()
    expect(page.locator("[data-diff=changed] [data-element-id=approve]")).to_contain_text(
        "Phê duyệt")
    expect(page.locator("[data-compare=newer] [data-element-id=approve].diff-changed")
           ).to_have_count(1)
    expect(page.locator("[data-compare=older] [data-element-id=approve].diff-changed")
           ).to_have_count(1)
    assert page.console_errors == []


def test_a_version_is_exported_as_bpmn_and_svg_and_prints_without_the_page_around_it(
        page, deploy, agencies):
    version = deploy(diagrams.two_steps())
    factories.make_user("admin.qt", roles=["admin"])
    _sign_in(page, "admin.qt")
    page.goto(f"/admin/processes/versions/{version.id}/diagram")
    section = page.locator("[data-bpmn-case][data-ready=true]")
    expect(section.locator("[data-element-id=approve]")).to_have_count(1)

    with page.expect_download() as svg:
        page.get_by_role("button", name="Tải ảnh .svg").click()
    with page.expect_download() as bpmn:
        page.get_by_role("button", name="Tải tệp .bpmn").click()

    drawing = Path(svg.value.path()).read_text(encoding="utf-8")
    assert "<svg" in drawing and "Duyệt" in drawing
    document = Path(bpmn.value.path()).read_text(encoding="utf-8")
    assert 'id="approve"' in document and "BPMNShape" in document  # laid out here
    page.emulate_media(media="print")
    assert not page.locator("header").is_visible()
    assert section.locator("[data-bpmn-canvas]").is_visible()
    assert page.console_errors == []
