"""An admin walks the editor on a 1366 px laptop over every shipped process: each opens with
nothing cut off, the properties of a user task, a timer, a gateway's condition and a script
show what they hold; then one is edited, saved, compared with its version and published."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from app import workflow
from app.extensions import db
from app.workflow import add_version
from tests import factories
from tests.browser.conftest import _recording
from tests.browser.test_bpmn_editor import REPORT_CSP, open_group, publish, select
from tests.browser.test_layout import _sign_in

pytestmark = pytest.mark.browser
SHIPPED = Path(__file__).resolve().parents[2] / "workflows" / "bpmn"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "editor-walk"


@pytest.fixture
def laptop(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 1366, "height": 768})
    yield _recording(context, live_server)
    context.close()


def _first(page, predicate):
    """The id of the first element of the open diagram the JS predicate(element) accepts."""
    return page.evaluate(f"""() => {{ const found = window.bpmnModeler.get('elementRegistry')
        .filter(e => ({predicate})(e)); return found.length ? found[0].id : null; }}""")


KINDS = {
    "user task": ("e => e.type === 'bpmn:UserTask'", "Giao việc và biểu mẫu"),
    "timer": ("e => (e.businessObject.eventDefinitions || [])"
              ".some(d => d.$type === 'bpmn:TimerEventDefinition')", "Hẹn giờ"),
    "condition": ("e => e.type === 'bpmn:SequenceFlow' && e.businessObject.conditionExpression",
                  "Điều kiện"),
    "script": ("e => e.type === 'bpmn:ScriptTask'", "Kịch bản"),
}


def _panel_shows(page, element_id):
    page.wait_for_function(
        "id => document.querySelector('[data-properties] .bio-properties-panel-header-label')"
        " && window.bpmnModeler.get('selection').get()[0]?.id === id", arg=element_id)


def test_every_shipped_process_opens_and_its_properties_read_at_1366_px(laptop, agencies):
    factories.make_user("admin.qt", roles=["admin"])
    versions = {path.stem: add_version(path.read_bytes(), path.name, publish=True)[0].id
                for path in sorted(SHIPPED.glob("*.bpmn"))}
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = laptop
    page.add_init_script(REPORT_CSP)
    _sign_in(page, "admin.qt")
    for key, version_id in versions.items():
        page.goto(f"/admin/processes/editor?version={version_id}")
        page.locator("#bpmn-editor[data-ready=true]").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366, key
        canvas = page.locator("[data-canvas]").bounding_box()
        panel_box = page.locator("[data-properties]").bounding_box()
        # The editor takes the screen's width (the other pages keep their narrower column).
        assert canvas["width"] >= 900 and panel_box["width"] >= 280, (key, canvas, panel_box)
        page.screenshot(path=str(SHOTS / f"{key}.png"))
        # The whole diagram shows, none of it under the palette that floats on the left.
        hidden = page.evaluate("""() => {
            const palette = document.querySelector('.djs-palette').getBoundingClientRect();
            const canvas = document.querySelector('[data-canvas]').getBoundingClientRect();
            return [...document.querySelectorAll('[data-canvas] .djs-shape')]
              .map(e => [e.dataset.elementId, e.getBoundingClientRect()])
              .filter(([, r]) => r.width && (r.left < palette.right || r.right > canvas.right
                                             || r.bottom > canvas.bottom))
              .map(([id]) => id); }""")
        assert hidden == [], (key, hidden)
        for kind, (predicate, group) in KINDS.items():
            element_id = _first(page, predicate)
            if element_id is None:
                continue
            select(page, element_id)
            _panel_shows(page, element_id)
            panel = page.locator("[data-properties]")
            header = panel.locator(".bio-properties-panel-header-type").inner_text()
            assert not any(word in header.lower() for word in ("event", "task", "flow")), header
            open_group(panel, group)
            page.screenshot(path=str(SHOTS / f"{key}-{kind.replace(' ', '_')}.png"))
            if kind == "condition":  # its kind reads in Vietnamese too
                kind_select = panel.locator("[data-entry-id=conditionType] select")
                assert kind_select.evaluate("s => s.selectedOptions[0].text") == "Biểu thức"
            expect(panel.locator(".bio-properties-panel-group-header.open")
                   .filter(has_text=group)).to_have_count(1)
    assert page.console_errors == []


def test_an_admin_edits_a_shipped_process_saves_compares_and_publishes_at_1366_px(
        laptop, agencies):
    factories.make_user("admin.qt", roles=["admin"], full_name="Lê Quản Trị")
    path = SHIPPED / "task_assignment.bpmn"
    version, _created = add_version(path.read_bytes(), path.name, publish=True)
    page = laptop
    page.add_init_script(REPORT_CSP)
    _sign_in(page, "admin.qt")
    page.goto(f"/admin/processes/editor?version={version.id}")
    page.locator("#bpmn-editor[data-ready=true]").wait_for()

    select(page, "review")
    _panel_shows(page, "review")
    panel = page.locator("[data-properties]")
    open_group(panel, "Chung")
    name = panel.get_by_label("Tên", exact=True).first
    name.fill("Xem xét, đánh giá báo cáo")
    name.press("Tab")
    page.get_by_role("button", name="Lưu bản nháp").click()
    status = page.locator("[data-status]")
    expect(status).to_contain_text("Đã lưu bản nháp: có thể ban hành.")

    db.session.expire_all()
    draft = workflow.drafts("task_assignment")[0]
    assert draft.status == "open" and draft.saved_by.full_name == "Lê Quản Trị"
    compare = page.locator("[data-action=compare]")
    expect(compare).to_be_visible()
    compare.click()
    page.wait_for_url("**/admin/processes/compare?*")
    expect(page.locator("main")).to_contain_text("Xem xét, đánh giá báo cáo")
    expect(page.locator("main")).to_contain_text("Thay đổi (1)")  # that one, not every node
    page.locator("[data-ready=true]").first.wait_for()
    page.screenshot(path=str(SHOTS / "compare.png"), full_page=True)
    page.go_back()
    page.locator("#bpmn-editor[data-ready=true]").wait_for()

    publish(page, "Làm rõ bước xem xét báo cáo")
    expect(status).to_contain_text("Đã ban hành phiên bản 2")
    assert page.console_errors == []

    db.session.expire_all()
    published = workflow.published_version("task_assignment")
    assert published.number == 2 and "Xem xét, đánh giá báo cáo" in published.xml
    assert workflow.amendments("task_assignment")[0].reason == "Làm rõ bước xem xét báo cáo"


def test_a_new_process_from_the_approval_template_opens_drawn_and_saves_as_a_draft(
        laptop, agencies):
    factories.make_user("admin.qt", roles=["admin"], full_name="Lê Quản Trị")
    page = laptop
    page.add_init_script(REPORT_CSP)
    _sign_in(page, "admin.qt")
    page.goto("/admin/processes")
    page.get_by_label("Mã quy trình (một từ)").fill("phe_duyet_de_nghi")
    page.get_by_label("Tên quy trình").fill("Phê duyệt đề nghị")
    page.get_by_label("Bắt đầu từ").select_option("approval")
    page.get_by_role("button", name="Mở trình soạn thảo").click()
    page.locator("#bpmn-editor[data-ready=true]").wait_for()

    for element_id in ("review", "decided", "complete", "flow_return"):
        expect(page.locator(f"[data-canvas] [data-element-id={element_id}]")).to_have_count(1)
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.locator("[data-status]")).to_contain_text("Đã lưu bản nháp: có thể ban hành.")
    assert page.console_errors == []

    db.session.expire_all()
    draft = workflow.open_drafts()[0]
    assert (draft.key, draft.name, draft.problem_count) == (
        "phe_duyet_de_nghi", "Phê duyệt đề nghị", 0)
    assert 'ket_luan == "tra_lai"' in draft.xml
