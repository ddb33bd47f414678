"""Screens people have: the admin's menu on one line of a 1366 px laptop, and wide tables that
scroll inside their own box on a 390 px phone while the page itself does not move sideways."""

from datetime import date

import pytest

from app import workflow
from app.extensions import db
from app.notifications.models import Notification
from tests import factories
from tests.browser.test_layout import _sign_in

pytestmark = pytest.mark.browser

# Every entry of the menu bar: the links, the menus, the notices, the name, "sign out".
TOPS = """[...document.querySelectorAll('#main-nav > ul > li')].map(
    item => Math.round(item.getBoundingClientRect().top))"""


def test_the_admins_menu_fits_one_line_of_a_1366_px_screen(browser, live_server, agencies):
    admin = factories.make_user("admin.test", roles=["admin", "coordinator"],
                                full_name="Nguyễn Thị Phương Thảo Quản Trị")
    db.session.add_all(Notification(user_id=admin.id, kind="new_step", text=f"Việc {n}")
                       for n in range(12))  # a two-digit badge as well
    db.session.commit()
    context = browser.new_context(base_url=live_server, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    _sign_in(page, "admin.test")

    tops = page.evaluate(TOPS)
    assert len(tops) >= 10 and len(set(tops)) == 1, tops  # one line
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    assert page.get_by_role("button", name="Đăng xuất").is_visible()
    name = page.locator(".user-name")
    assert name.get_attribute("title") == "Nguyễn Thị Phương Thảo Quản Trị"  # whole on hover
    context.close()


# Inside each table's box: how far it scrolls, and where the box ends on the screen.
BOXES = """[...document.querySelectorAll('main table')].map(table => {
    const box = table.closest('.table-responsive');
    return box ? [box.scrollWidth, box.clientWidth, Math.round(box.getBoundingClientRect().right)]
               : null; })"""


def test_wide_tables_scroll_inside_their_box_on_a_390_px_phone(browser, live_server, agencies):
    from app.plan import reporting
    from app.plan.assignments import launch_year
    from app.plan.catalogue import current_plan
    from app.plan.seed import seed_plan

    seed_plan()
    plan = current_plan()
    factories.make_user("admin.test", roles=["admin", "coordinator"])
    workflow.sync_folder()
    launch_year(plan, 2025, date(2025, 11, 28))
    cycle = reporting.open_annual_cycle(2025)
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    _sign_in(page, "admin.test")

    scrolled = 0
    for url in ("/plan/", "/plan/dashboard?year=2025", f"/plan/reports/{cycle.id}",
                "/admin/agencies", "/admin/processes", "/admin/instances",
                f"/admin/instances/{cycle.reports[0].instance_id}"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
        for box in page.evaluate(BOXES):
            assert box is not None, f"{url}: a table outside a scrolling box"
            scroll_width, width, right = box
            assert right <= 390, url
            scrolled += scroll_width > width
    assert scrolled >= 3  # the wide ones do scroll, inside their box

    page.goto("/admin/agencies")
    page.evaluate("document.querySelector('main .table-responsive').scrollLeft = 200")
    assert page.evaluate("document.querySelector('main .table-responsive').scrollLeft") > 0
    assert page.evaluate("window.scrollX") == 0  # the page stays where it is
    context.close()


def test_releasing_a_step_from_the_admins_instance_page_fits_a_390_px_phone(
        browser, live_server, two_steps, people):
    """The button that frees a held step sits under the step's name on a phone, its words on
    one line, not squeezed into a column of one word each."""
    from sqlalchemy import select

    from app.workflow.models import WorkItem

    factories.make_user("admin.test", roles=["admin"], agency_code="STTTT")
    instance = workflow.start_process("two_steps", subject="Báo cáo quý")
    step = db.session.scalar(select(WorkItem).where(WorkItem.instance_id == instance.id))
    workflow.claim(step.id, people["sct"])
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    _sign_in(page, "admin.test")
    page.goto(f"/admin/instances/{instance.id}")
    button = page.get_by_role("button", name="Thu hồi việc của Phạm Thị Huyền")
    box = button.bounding_box()
    line = page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)")
    assert box["height"] < 2 * line, box  # one line of text
    assert box["x"] + box["width"] <= 390
    context.close()
