"""Run the real app with `streamlit run` and drive it with the system Chromium.

Locally without Chromium these tests skip with a reason. With CI=true or
REQUIRE_BROWSER=1 a missing browser is a failure, so CI can never pass by
skipping them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.helpers import ROOT
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
