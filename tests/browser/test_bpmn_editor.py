"""The admin's BPMN editor in Debian's chromium: it loads under our Content-Security-Policy
with no violation, speaks Vietnamese, and its properties panel shows what our engine reads."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from app.workflow import add_version
from tests import factories
from tests.browser.test_layout import _sign_in

pytestmark = pytest.mark.browser
DEMO = Path(__file__).resolve().parents[2] / "workflows" / "bpmn" / "demo_report.bpmn"
# Each violation is logged with its directive and the value it blocked.
REPORT_CSP = ("document.addEventListener('securitypolicyviolation', e => console.error("
              "'CSP', e.violatedDirective, e.sourceFile, e.lineNumber, e.sample))")


@pytest.fixture
def demo_version(agencies):
    version, _created = add_version(DEMO.read_bytes(), DEMO.name, publish=True)
    factories.make_user("admin.qt", roles=["admin"], full_name="Lê Quản Trị")
    return version


def open_editor(page, url):
    page.add_init_script(REPORT_CSP)
    page.goto(url)
    page.locator("#bpmn-editor[data-ready=true]").wait_for()


def select(page, element_id):
    page.evaluate("id => { const m = window.bpmnModeler;"
                  " m.get('selection').select(m.get('elementRegistry').get(id)); }", element_id)


def test_the_editor_loads_under_the_csp_in_vietnamese_with_only_our_engines_fields(
        page, demo_version):
    _sign_in(page, "admin.qt")
    open_editor(page, f"/admin/processes/editor?version={demo_version.id}")

    expect(page.locator("[data-element-id=assign]")).to_have_count(1)
    expect(page.locator(".djs-palette").get_by_role("button", name="Tạo bước công việc")
           ).to_be_visible()
    select(page, "assign")
    panel = page.locator("[data-properties]")
    expect(panel.get_by_text("Giao việc và biểu mẫu", exact=True)).to_be_visible()
    expect(panel.get_by_text("Các trường biểu mẫu", exact=True)).to_be_visible()
    # What our engine ignores is not offered.
    for stock in ("Asynchronous continuations", "Execution listeners", "Task listeners",
                  "Inputs", "Extension properties"):
        expect(panel.get_by_text(stock, exact=True)).to_have_count(0)
    # A multiple selection draws the align icons: their inline styles pass by hash.
    page.evaluate("() => { const m = window.bpmnModeler; const r = m.get('elementRegistry');"
                  " m.get('selection').select([r.get('assign'), r.get('start')]); }")
    page.locator(".djs-context-pad [data-action=align-elements]").click()
    expect(page.locator(".djs-popup-body svg").first).to_be_visible()
    assert page.console_errors == []
    assert page.foreign_requests == []
