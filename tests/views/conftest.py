"""AppTest helpers: run the real app (st.navigation and all) page by page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tools import page_grades

APP = str(ROOT / "app.py")
TIMEOUT = 30
# Page key -> its file, one list shared with tools/page_grades.py.
PAGES = {page: file for page, (file, _title) in page_grades.PAGES.items()}


def plain(markdown: str) -> str:
    """Markdown cell text without escapes, bold marks or source links."""
    text = re.sub(r"\[\\\[\d+\\\]\]\([^)]*\)", "", markdown)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("**", "").strip()


def option_names(at: AppTest) -> list[str]:
    """The options in the comparison table, in order."""
    assert len(at.table) == 1, "the page shows exactly one comparison table"
    return [plain(cell) for cell in at.table[0].value["Option"]]


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """Open a page of the app, optionally with URL parameters, and run it."""

    def open_(page: str = "compare", **query: str | list[str]) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, at.exception
        if page != "compare":
            at.switch_page(PAGES[page]).run()
            assert not at.exception, at.exception
        return at

    return open_
