"""The admin's BPMN editor in Debian's chromium: it loads under our Content-Security-Policy
with no violation, speaks Vietnamese, and its properties panel shows what our engine reads."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from app import workflow
from app.extensions import db
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
    page.keyboard.press("Escape")
    # Editing a label in place, the replace menu and its search, a script's pop-up editor.
    page.locator("[data-element-id=assign]").dblclick()
    page.locator(".djs-direct-editing-parent").wait_for()
    page.keyboard.press("Escape")
    select(page, "assign")
    page.locator(".djs-context-pad [data-action=replace]").click()
    expect(page.locator(".djs-popup-search input")).to_be_visible()
    page.keyboard.type("kịch bản")
    expect(page.locator(".djs-popup-body .entry").first).to_be_visible()
    page.keyboard.press("Escape")
    assert page.console_errors == []
    assert page.foreign_requests == []


def test_bpmnlint_says_modelling_mistakes_in_vietnamese_as_the_admin_draws(page, demo_version):
    _sign_in(page, "admin.qt")
    open_editor(page, f"/admin/processes/editor?version={demo_version.id}")
    # The shipped diagram: no error (its loop back to an earlier step joins without a gateway).
    expect(page.locator(".bjsl-button")).to_contain_text("0 lỗi, 2 cảnh báo")

    task = page.evaluate("""() => { const m = window.bpmnModeler;
        const pool = m.get('elementRegistry').get('Participant_demo');
        const shape = m.get('elementFactory').createShape({ type: 'bpmn:Task' });
        m.get('modeling').createShape(shape, { x: pool.x + pool.width - 80,
                                               y: pool.y + pool.height - 50 }, pool);
        return shape.id; }""")

    # A task with no name, no flow in or out.
    expect(page.locator(".bjsl-button")).to_contain_text("3 lỗi, 3 cảnh báo")
    overlay = page.locator(f".djs-overlays[data-container-id={task}] .bjsl-overlay")
    expect(overlay).to_have_count(1)
    overlay.hover()
    expect(page.locator(f".djs-overlays[data-container-id={task}] .bjsl-dropdown-content")
           ).to_contain_text("Phần tử chưa được nối")
    assert page.console_errors == []


def open_group(panel, title):
    header = panel.locator(".bio-properties-panel-group-header").filter(
        has=panel.page.get_by_text(title, exact=True)).first
    if "open" not in (header.get_attribute("class") or ""):
        header.click()


def publish(page, reason):
    page.get_by_role("button", name="Ban hành", exact=True).click()
    page.get_by_label("Lý do sửa đổi").fill(reason)
    page.get_by_role("button", name="Ban hành bản nháp này").click()


def _field(page, entry_id):
    return page.locator(f"[data-entry-id='{entry_id}'] input, "
                        f"[data-entry-id='{entry_id}'] select").first


def test_an_admin_amends_a_process_in_the_editor_and_the_new_case_shows_on_its_diagram(
        page, browser, live_server, demo_version, clock):
    """The issue's "done when": label, candidate group, a form field; a draft with a problem
    highlighted, fixed, published with a reason; a case on the new version, on its diagram."""
    _sign_in(page, "admin.qt")
    open_editor(page, f"/admin/processes/editor?version={demo_version.id}")
    select(page, "assign")
    panel = page.locator("[data-properties]")

    open_group(panel, "Chung")
    panel.get_by_label("Tên", exact=True).first.fill("Giao nhiệm vụ có sửa đổi")
    open_group(panel, "Giao việc và biểu mẫu")
    # A candidate group that names nobody: the server will say so.
    candidate = panel.get_by_label("Giao cho (mã hoặc biểu thức)")
    candidate.fill("SO_KHONG_CO")
    candidate.press("Tab")
    open_group(panel, "Các trường biểu mẫu")
    panel.locator("[data-group-id='group-CamundaPlatform__FormData'] "
                  ".bio-properties-panel-group-header .bio-properties-panel-add-entry").click()
    _field(page, "assign-formField-7-formFieldID").fill("ghi_chu")
    _field(page, "assign-formField-7-formFieldLabel").fill("Ghi chú của người giao")
    _field(page, "assign-formField-7-formFieldType").select_option("string")
    _field(page, "assign-formField-7-formFieldLabel").press("Tab")

    page.get_by_role("button", name="Lưu bản nháp").click()
    status = page.locator("[data-status]")
    expect(status).to_contain_text("còn 1 vấn đề")
    problem = page.locator("[data-problem-list] button[data-element-id=assign]")
    expect(problem).to_contain_text("SO_KHONG_CO")
    expect(page.locator("[data-element-id=assign].bpmn-problem")).to_have_count(1)
    # Publishing is refused while the problem remains.
    publish(page, "Giao cho Sở TT&TT theo Kế hoạch 116")
    expect(status).to_contain_text("Chưa thể ban hành bản nháp")
    assert "/admin/processes/editor?draft=" in page.url

    problem.click()  # selects the element: the panel shows it
    expect(panel.get_by_label("Tên", exact=True).first).to_have_value("Giao nhiệm vụ có sửa đổi")
    panel.get_by_label("Cơ quan, nhóm hoặc vai trò được giao").select_option("STTTT")
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(status).to_contain_text("Đã lưu bản nháp: có thể ban hành.")
    expect(page.locator("[data-element-id=assign].bpmn-problem")).to_have_count(0)

    publish(page, "Giao cho Sở TT&TT theo Kế hoạch 116")
    expect(status).to_contain_text("Đã ban hành phiên bản 2")
    # The one refused publish answered 400, as it should; nothing else went wrong.
    assert [e for e in page.console_errors if "status of 400" not in e] == []

    db.session.expire_all()
    version = workflow.published_version("demo_report")
    assert version.number == 2
    assert 'camunda:candidateGroups="STTTT"' in version.xml
    assert "ghi_chu" in version.xml and "Giao nhiệm vụ có sửa đổi" in version.xml
    assert workflow.amendments("demo_report")[0].reason == "Giao cho Sở TT&TT theo Kế hoạch 116"

    instance = workflow.start_process("demo_report", subject="Lễ hội Cầu Ngư 2026")
    assert instance.version.number == 2
    factories.make_user("clerk.stttt", agency_code="STTTT", full_name="Trần Giao")
    clerk = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 800})
    other = clerk.new_page()
    other_errors = []
    other.on("console", lambda m: m.type == "error" and other_errors.append(m.text))
    _sign_in(other, "clerk.stttt")
    other.goto("/tasks")
    other.get_by_role("link", name="Giao nhiệm vụ có sửa đổi").click()
    expect(other.get_by_label("Ghi chú của người giao")).to_be_visible()
    other.get_by_role("button", name="Xem sơ đồ").click()
    section = other.locator("[data-bpmn-case][data-ready=true]")
    expect(section).to_have_count(1)
    expect(section.locator("[data-element-id=assign].state-active")).to_have_count(1)
    expect(section.locator("[data-element-id=assign].state-here")).to_have_count(1)
    expect(section.locator("[data-element-id=start].state-completed")).to_have_count(1)
    section.locator("[data-element-id=assign]").hover()
    expect(section.locator("[data-bpmn-caption]")).to_contain_text(
        "Giao nhiệm vụ có sửa đổi: Đang chờ Sở Thông tin và Truyền thông")
    assert other_errors == []
    clerk.close()


SHIPPED = Path(__file__).resolve().parents[2] / "workflows" / "bpmn"
# Per element of the shipped diagrams: the entries the panel offers, exactly what our engine
# reads (form fields and their rules aside, listed per field).
OFFERED = {
    ("periodic_reporting", "prepare"): ["name", "id", "documentation", "scriptFormat",
                                        "scriptValue"],
    ("periodic_reporting", "remind_timer"): ["name", "id", "documentation",
                                             "timerEventDefinitionType",
                                             "timerEventDefinitionValue"],
    ("periodic_reporting", "per_item"): ["name", "id", "documentation", "loopCardinality",
                                         "completionCondition", "collection", "elementVariable"],
    ("periodic_reporting", "round_closed"): ["name", "id", "documentation", "messageRef",
                                             "messageName"],
    ("periodic_reporting", "periodic_reporting"): ["name", "id", "isExecutable",
                                                   "documentation", "isStartableInTasklist",
                                                   "candidateStarterGroups"],
    ("training_enrollment", "flow_approval"): ["name", "id", "documentation", "conditionType",
                                               "conditionExpression"],
    ("demo_report", "Lane_lead"): ["name", "id", "documentation", "engineLane"],
    ("demo_report", "assign"): ["name", "id", "documentation", "engineAudience", "engineRole",
                                "engineCandidateGroups", "engineForm", "engine-shows",
                                "engine-caseFiles", "engine-caseReaders", "assignee",
                                "dueDate"],
}


def test_the_panel_offers_exactly_what_our_engine_reads(page, agencies):
    factories.make_user("admin.qt", roles=["admin"])
    versions = {key: add_version((SHIPPED / f"{key}.bpmn").read_bytes(), f"{key}.bpmn",
                                 publish=True)[0].id for key, _element in OFFERED}
    _sign_in(page, "admin.qt")
    for key in versions:
        open_editor(page, f"/admin/processes/editor?version={versions[key]}")
        for (process, element), expected in OFFERED.items():
            if process != key:
                continue
            select(page, element)
            page.wait_for_function(  # the panel shows this element
                "id => document.querySelector('[data-properties] [data-entry-id=id] input')"
                "?.value === id", arg=element)
            offered = page.locator("[data-properties] [data-entry-id]").evaluate_all(
                "nodes => nodes.map(n => n.dataset.entryId)"
                ".filter(id => !id.includes('formField') && !id.startsWith('field-'))")
            assert offered == expected, (process, element)
    # A lane's agency is picked from the list: its name is what the engine resolves.
    select(page, "Lane_lead")
    open_group(page.locator("[data-properties]"), "Giao việc và biểu mẫu")
    page.get_by_label("Các bước trong làn này giao cho").select_option("SCT")
    assert page.evaluate("window.bpmnModeler.get('elementRegistry').get('Lane_lead')"
                         ".businessObject.name") == "SCT"
    assert page.console_errors == []


def test_the_panels_buttons_and_tooltips_are_in_vietnamese_too(page, demo_version):
    _sign_in(page, "admin.qt")
    open_editor(page, f"/admin/processes/editor?version={demo_version.id}")
    select(page, "assign")
    panel = page.locator("[data-properties]")
    open_group(panel, "Các trường biểu mẫu")
    add = panel.locator("[data-group-id='group-CamundaPlatform__FormData'] "
                        ".bio-properties-panel-group-header .bio-properties-panel-add-entry")
    add.wait_for()

    titles = page.evaluate("""() => [...document.querySelectorAll(
        '#bpmn-editor [title], #bpmn-editor [aria-label], #bpmn-editor [placeholder],'
        + ' [data-properties] [title], [data-properties] [aria-label],'
        + ' [data-properties] [placeholder]')]
        .flatMap(e => ['title', 'aria-label', 'placeholder'].map(a => e.getAttribute(a)))
        .filter(Boolean)""")

    assert add.get_attribute("title") == "Tạo mục mới"
    english = {"Create new list item", "Toggle list item", "Delete item", "Toggle section",
               "Create", "Delete", "Open popup editor"}
    assert not [t for t in titles if t in english or t.startswith("List contains")], titles
    assert "Danh sách có 7 mục" in titles  # the form's fields, counted
