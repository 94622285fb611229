"""Helpers for AppTest: read the real app's pages (st.navigation and all)."""

from __future__ import annotations

import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from components.comparison import ALL_HIDDEN, HIDDEN_CARD, HIDDEN_ROW, HIDING_MARK
from tests.helpers import ROOT
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


def comparison_tables(at: AppTest) -> list[pd.DataFrame]:
    """The comparison tables on the page: those with an "Option" column (each
    phone card's fold is a table of one cell, headed by its option's name)."""
    return [table for table in markdown_tables(at) if "Option" in table.columns]


def comparison_table(at: AppTest) -> pd.DataFrame:
    """The one comparison table on the Compare page."""
    tables = comparison_tables(at)
    assert len(tables) == 1, "the page shows exactly one comparison table"
    return tables[0]


def hiding_style(at: AppTest) -> str:
    """The stylesheet that hides the options that do not fit the filters."""
    return the_hiding_style([html.proto.body for html in at.get("html")])


def the_hiding_style(stylesheets: list[str]) -> str:
    """Of a page's ``st.html`` bodies, the one stylesheet that hides options."""
    styles = [body for body in stylesheets if HIDING_MARK in body]
    assert len(styles) == 1, "the page has exactly one stylesheet that hides options"
    return styles[0]


def hidden_positions(place: str, style: str) -> set[int]:
    """The positions (from 1) that ``style`` hides, for ``place``: the
    component's ``HIDDEN_ROW`` or ``HIDDEN_CARD``."""
    before, after = (re.escape(part) for part in place.split("{}"))
    return {int(n) for n in re.findall(rf"{before}(\d+){after}", style)}


def rows_left_showing(rows: list[str], style: str) -> list[str]:
    """The table's ``rows`` that ``style`` leaves in sight, in order."""
    if f"{ALL_HIDDEN} {{" in style:
        return []
    hidden = hidden_positions(HIDDEN_ROW, style)
    return [row for number, row in enumerate(rows, start=1) if number not in hidden]


def option_names(at: AppTest) -> list[str]:
    """The options the comparison table shows, in order: its rows, less those
    the hiding stylesheet hides (a browser test checks what a browser shows)."""
    rows = [plain(cell) for cell in comparison_table(at)["Option"]]
    return rows_left_showing(rows, hiding_style(at))


def hidden_cards(at: AppTest) -> set[int]:
    """The positions (from 1) of the phone cards the hiding stylesheet hides."""
    return hidden_positions(HIDDEN_CARD, hiding_style(at))


def open_app_page(page: str = "compare", **query: str | list[str]) -> AppTest:
    """Run the app with ``query`` in its address, then switch to ``page``;
    fails on any exception."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    if page != "compare":
        at.switch_page(PAGES[page]).run()
        assert not at.exception, at.exception
    return at
