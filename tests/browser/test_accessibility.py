"""WCAG 2.1 AA on the main pages, checked by axe-core in Chromium for each demo person, and
the focus after a refused form.

axe-core comes from npm at a pinned version (package.json's devDependencies); `make vendor`
copies it to tests/browser/vendor/, committed, so that the tests need no Node. It is injected
into the page by the test only: the app never serves it.
"""

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from app.auth.seed import DEMO_PASSWORD
from app.extensions import db
from tests import factories
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_URL = "/__browser-tests__/axe.min.js"  # no route of the app: see _serve_axe
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ') + '  ' + n.failureSummary.split('\\n')[1]),
  }));
}"""


def _first(sql: str) -> int:
    found = db.session.execute(text(sql)).scalar()
    assert found is not None, f"the demo data has nothing for: {sql}"
    return found


def _pages() -> dict[str | None, list[str]]:
    """The main pages, each seen by a demo person who works on it (None: signed out)."""
    demo_step = _first("SELECT min(id) FROM work_items WHERE status = 'open' "
                       "AND process_key = 'demo_report'")
    item = _first("SELECT min(item_id) FROM plan_assignments")
    cycle = _first("SELECT min(id) FROM report_cycles")
    case = _first("SELECT min(id) FROM violation_cases")
    training_class = _first("SELECT min(id) FROM training_classes")
    instance = _first("SELECT min(instance_id) FROM work_items WHERE status = 'open'")
    award_list = _first("SELECT min(id) FROM award_lists")
    nomination = _first("SELECT min(id) FROM award_nominations")
    award_round = _first("SELECT min(id) FROM award_rounds")
    return {
        None: ["/login", "/account/forgot-password", "/gcn"],
        "quantri": ["/", "/admin/users", "/admin/agencies", "/admin/groups", "/admin/processes",
                    "/admin/instances", f"/admin/instances/{instance}", "/admin/calendar/",
                    "/admin/trusted-roots/", "/admin/settings", "/notifications/", "/account"],
        "dieuphoi": ["/", "/tasks", f"/tasks/{demo_step}", "/plan/", "/plan/dashboard?year=2025",
                     f"/plan/items/{item}", "/plan/reports", f"/plan/reports/{cycle}",
                     "/plan/violations/", f"/plan/violations/{case}", "/plan/violations/new",
                     "/processes/new", "/training/organise",
                     f"/training/classes/{training_class}/registrations"],
        "lanhdao.svhttdl": ["/", "/tasks", "/training/", f"/training/classes/{training_class}",
                            "/agency/people", "/training/agency"],
        "noivu": ["/", "/awards/", f"/awards/rounds/{award_round}", f"/awards/lists/{award_list}",
                  f"/awards/nominations/{nomination}", "/awards/catalogue",
                  "/awards/registry/", "/awards/registry/statistics"],
        "chuyenvien.sct": ["/", "/tasks"],
        "xuphat": ["/"],
        "hocvien": ["/", "/training/", "/training/my"],
    }


@pytest.fixture
def demo(app, clock):
    factories.seed_demo(app, clock)


def _sign_in(page, username):
    sign_in(page, username, DEMO_PASSWORD)


def _serve_axe(page) -> None:
    """axe as a same-origin script, answered by the browser itself: the pages keep their
    Content-Security-Policy (script-src 'self'), which refuses an inline <script>."""
    page.route("**" + AXE_URL, lambda route: route.fulfill(
        path=str(AXE), content_type="text/javascript"))


def _violations(page) -> list[dict]:
    page.add_script_tag(url=AXE_URL)
    return page.evaluate(RUN_AXE, WCAG_AA)


def _report(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        for violation in violations:
            lines.append(f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}")
            lines.extend(f"    {node}" for node in violation["nodes"][:5])
    return "\n".join(lines)


def _refuse_new_user_form(page):
    """The admin's new-person form, sent with nothing filled in."""
    page.goto("/admin/users/new")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()


def test_the_main_pages_meet_wcag_2_1_aa_for_every_demo_person(browser, live_server, demo):
    found, statuses, empty_headers = {}, [], []
    for username, paths in _pages().items():
        context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 800})
        page = context.new_page()
        _serve_axe(page)
        if username:
            _sign_in(page, username)
        for path in paths:
            response = page.goto(path)
            if response.status != 200:
                statuses.append(f"{username} {path}: {response.status}")
                continue
            where = f"{username or 'signed out'} {path}"
            found[where] = _violations(page)
            empty_headers += [where] * page.locator("th").evaluate_all(
                "cells => cells.filter((cell) => !cell.textContent.trim()).length")
        if username == "quantri":
            _refuse_new_user_form(page)
            found["quantri refused /admin/users/new"] = _violations(page)
        context.close()

    assert statuses == [], statuses
    assert empty_headers == [], "table headers without text (an action column needs a name)"
    found = {where: violations for where, violations in found.items() if violations}
    assert not found, "axe finds WCAG 2.1 AA violations:\n" + _report(found)


def test_a_refused_form_puts_the_focus_on_its_first_invalid_field(page, agencies):
    factories.make_user("admin.test", roles=["admin"])
    page.goto("/login")
    page.get_by_label("Tên đăng nhập").fill("admin.test")
    page.get_by_label("Mật khẩu").fill(factories.PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    _refuse_new_user_form(page)

    focused = page.evaluate("""() => {
      const field = document.activeElement;
      const message = document.getElementById(field.getAttribute('aria-describedby'));
      return {id: field.id, invalid: field.getAttribute('aria-invalid'),
              message: message && message.textContent.trim()};
    }""")
    first_invalid = page.locator('[aria-invalid="true"]').first.get_attribute("id")
    assert focused["id"] == first_invalid == "username"
    assert focused["invalid"] == "true"
    assert focused["message"]  # the field's message is what a screen reader reads with it
    assert page.get_by_label("Tên đăng nhập").evaluate("field => field === document.activeElement")
    assert page.console_errors == []


def _luminance(css_colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
              for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    light, dark = sorted([_luminance(one), _luminance(other)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_focus_ring_stands_out_on_white_and_on_the_menu_bar(page):
    """WCAG 1.4.11: a focus indicator 3:1 against what is around it."""
    page.goto("/login")
    ring = "() => getComputedStyle(document.activeElement).outlineColor"

    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the province's name, on the menu bar
    assert page.evaluate("document.activeElement.classList.contains('navbar-brand')")
    bar = page.locator("nav.navbar").evaluate("bar => getComputedStyle(bar).backgroundColor")
    assert _contrast(page.evaluate(ring), bar) >= 3

    page.get_by_label("Tên đăng nhập").focus()
    page.keyboard.press("Tab")  # into the password box by keyboard: :focus-visible
    assert page.evaluate("document.activeElement.id") == "password"
    assert _contrast(page.evaluate(ring), "rgb(255, 255, 255)") >= 3
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
