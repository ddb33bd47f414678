"""The commendation registry's search row on a 1366 px laptop: every filter shows its words and
the search button keeps to one line."""

import pytest

from tests import factories
from tests.browser.test_layout import _sign_in

pytestmark = pytest.mark.browser

SIZES = """[...document.querySelectorAll('form[role=search] select, form[role=search] button')]
    .map(box => [box.name || box.type, Math.round(box.getBoundingClientRect().width),
                 Math.round(box.getBoundingClientRect().height)])"""


def test_the_registry_search_row_fits_a_1366_px_screen(browser, live_server, agencies):
    factories.make_user("noivu.test", agency_code="SNV",
                        roles=["home_affairs_approver", "agency_staff"])
    context = browser.new_context(base_url=live_server, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    _sign_in(page, "noivu.test")
    page.goto("/awards/registry/")

    sizes = {name: (width, height) for name, width, height in page.evaluate(SIZES)}
    assert sizes["submit"][1] < 45, sizes  # "Tìm kiếm" on one line, not two
    assert sizes["kind"][0] >= 110, sizes  # "Tất cả" whole, not "Tất c"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    context.close()
