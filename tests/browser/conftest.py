"""Run the real app with `streamlit run` and drive it with the system Chromium.

Locally without Chromium these tests skip with a reason. With CI=true or
REQUIRE_BROWSER=1 a missing browser is a failure, so CI can never pass by
skipping them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.browser import ui
from tests.conftest import ROOT
from tools.live_server import start_server, stop_server

VIEWPORT = {"width": 1366, "height": 900}


@pytest.fixture(scope="session")
def app_url(chromium_path: str) -> Iterator[str]:
    del chromium_path  # no server needed if there is no browser to drive it
    process, url, log = start_server()
    try:
        yield url
    finally:
        stop_server(process)
        log.unlink(missing_ok=True)


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


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.x A and AA findings on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    # Guard against a run that checked nothing (e.g. an empty page).
    passed = {rule["id"] for rule in results.response["passes"]}
    assert {"color-contrast", "document-title", "link-name", "target-size"} <= passed
    return [
        f"{v['id']} ({v['impact']}): " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]
