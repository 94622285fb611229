"""AppTest helpers: run the real app (st.navigation and all) page by page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tools.markdown_tables import is_markdown_table, markdown_table_frame
from views import registry

APP = str(ROOT / "app.py")
TIMEOUT = 30
# Page key -> its file, from the app's one page registry.
PAGES = {page.key: page.file for page in registry.PAGES}


def plain(markdown: str) -> str:
    """Markdown cell text without escapes, bold or emphasis marks, or source links."""
    text = re.sub(r"\[\\\[\d+\\\]\]\([^)]*\)", "", markdown)
    text = re.sub(r"(?<!\\)\*", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"  +", " ", text).strip()


def markdown_tables(at: AppTest) -> list[pd.DataFrame]:
    """Every Markdown table on the page, as a frame of its cells' Markdown."""
    return [
        markdown_table_frame(element.value).rename(columns=plain)
        for element in at.markdown
        if is_markdown_table(element.value)
    ]


def comparison_table(at: AppTest) -> pd.DataFrame:
    """The one comparison table on the Compare page."""
    tables = markdown_tables(at)
    assert len(tables) == 1, "the page shows exactly one comparison table"
    return tables[0]


def option_names(at: AppTest) -> list[str]:
    """The options in the comparison table, in order."""
    return [plain(cell) for cell in comparison_table(at)["Option"]]


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
