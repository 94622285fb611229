"""Run the real app with `streamlit run` and drive it with the system Chromium.

Locally without Chromium these tests skip with a reason. With CI=true or
REQUIRE_BROWSER=1 a missing browser is a failure, so CI can never pass by
skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser import ui
from tests.conftest import ROOT
from tools.live_server import find_chromium, start_server, stop_server

# The same flags the machine's own probe uses: no sandbox as root, and no
# background calls to Google that a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1366, "height": 900}


def _browser_required() -> bool:
    return bool(os.environ.get("REQUIRE_BROWSER") or os.environ.get("CI"))


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        message = "Chromium not found (install Debian's 'chromium' or set CHROMIUM)"
        if _browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def app_url(chromium_path: str) -> Iterator[str]:
    del chromium_path  # no server needed if there is no browser to drive it
    process, url, log = start_server()
    try:
        yield url
    finally:
        stop_server(process)
        log.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context per test; fails the test on any JS dialog or page error."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    yield page
    artifacts = ROOT / "test-artifacts"
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        artifacts.mkdir(exist_ok=True)
        page.screenshot(path=artifacts / f"{request.node.name}.png")
    context.close()
    assert not problems, problems


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    ui.wait_for_app(page)
    assert page.locator(ui.EXCEPTION).count() == 0
