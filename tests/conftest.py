"""Shared fixtures: the real catalogue, variants of it, Chromium and Redis.

Helpers that are not fixtures live in plain modules (tests/helpers.py).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, sync_playwright

from deploy.processes import start_redis, stop
from tests.helpers import browser_required, require_tool, write_data
from tools.live_server import find_chromium
from treatments.loader import DEFAULT_PATH, load_catalogue
from treatments.schema import Catalogue

# The fast tests (`pytest -m "not slow"`) leave out whatever starts a browser,
# a `streamlit run` server, HAProxy, Redis or LibreOffice: every test in these
# folders, and any test elsewhere that asks for a browser or a Redis server.
SLOW_FOLDERS = frozenset({"browser", "server", "deploy", "bench"})
SLOW_FIXTURES = frozenset({"browser", "chromium_path", "redis_url"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if item.path.parent.name in SLOW_FOLDERS or needs & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(DEFAULT_PATH)


@pytest.fixture(scope="session")
def raw_data() -> dict[str, Any]:
    """The data file as plain Python data. Deep-copy before changing it."""
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def write_variant(
    raw_data: dict[str, Any], tmp_path: Path
) -> Callable[[Callable[[dict[str, Any]], None]], Path]:
    """Write the data file after ``change`` edits a copy of it; return the path."""

    def write(change: Callable[[dict[str, Any]], None]) -> Path:
        data = copy.deepcopy(raw_data)
        change(data)
        return write_data(data, tmp_path / "variant.yaml")

    return write


# Chromium, shared by every folder that drives it (browser, deploy, bench): one
# Playwright per test session, as two at once cannot share its event loop.
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


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        message = "Chromium not found (install Debian's 'chromium' or set CHROMIUM)"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on a free loopback port, started the way the local
    runner starts it (deploy.local.start_redis), for the whole run."""
    server = require_tool("redis-server", "redis-server")
    process, url = start_redis(tmp_path_factory.mktemp("redis") / "redis.log", server)
    try:
        yield url
    finally:
        stop(process)
