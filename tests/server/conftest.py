"""A real `streamlit run app.py` server for tests that talk to it directly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.live_server import start_server, stop_server


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, Path]]:
    """A fresh server per test module: its URL and its log file."""
    process, url, log = start_server()
    try:
        yield url, log
    finally:
        stop_server(process)
        log.unlink(missing_ok=True)
