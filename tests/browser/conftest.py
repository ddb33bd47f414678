"""A live server in a thread and Debian's chromium driven by Playwright.

Nothing downloads a browser: the tests use the chromium that `make test-heavy` installs from
Debian's packages (CHROMIUM overrides the path). Without it they are skipped, except under
CI=true, where they must run.
"""

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"chromium not found at {CHROMIUM}: install Debian's package 'chromium'"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _recording(context, live_server):
    """A page that records console errors and requests to other hosts."""
    page = context.new_page()
    page.console_errors = []
    page.foreign_requests = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("request", lambda r: None if r.url.startswith(live_server)
            else page.foreign_requests.append(r.url))
    return page


@pytest.fixture
def page(browser, live_server):
    """A fresh browser profile per test, on a desktop screen."""
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 800})
    yield _recording(context, live_server)
    context.close()


@pytest.fixture
def phone(browser, live_server):
    """The same on a phone's screen."""
    context = browser.new_context(base_url=live_server, viewport={"width": 375, "height": 740},
                                  is_mobile=True, has_touch=True)
    yield _recording(context, live_server)
    context.close()
