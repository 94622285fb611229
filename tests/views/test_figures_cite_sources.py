"""Every figure a page shows sits next to a link to its source, numbered as on
the Sources page."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from tools.markdown_tables import is_markdown_table, parse_markdown_table
from treatments.markdown import link_target
from treatments.presenting.deck import build_deck, default_items
from treatments.schema import Catalogue

# What counts as a figure: a count out of 100 or 1,000, an invasiveness
# level, a number of treatments or of nights.
FIGURE = re.compile(
    r"\b\d[\d,]*( to \d[\d,]*)? out of 1(00|,000)\b"
    r"|[Ll]evel \d of 4"
    r"|\b\d+ (to \d+ )?(times|nights?)\b"
)
LINK = re.compile(r"\[\\\[(\d+)\\\]\]\(([^ )]+)")


# One harm in a Markdown table cell: *text and its links* (see treatments/table.py).
HARM = re.compile(r"(?<!\\)\*(.+?)(?<!\\)\*(?!\*)")


def _lines(block: str) -> list[str]:
    return [line for line in re.split(r"  \n|\n", block) if line.strip()]


def _blocks(at: AppTest) -> list[list[str]]:
    """Every block of text on the page in order, each as its lines: a table
    is one block of its cells (and of each harm or fact in them)."""
    blocks = []
    for element in [*at.markdown, *at.caption]:
        if is_markdown_table(element.value):
            _columns, rows = parse_markdown_table(element.value)
            items = []
            for cell in (cell for row in rows for cell in row):
                items += HARM.findall(cell.replace("**", "")) or [cell]
            blocks.append([line for item in items for line in _lines(item)])
        else:
            blocks.append(_lines(str(element.value)))
    for table in at.table:
        cells = [str(cell) for column in table.value.columns for cell in table.value[column]]
        blocks.append([*cells, *(str(label) for label in table.value.index)])
    return blocks


# A short answer's question, in bold before its answer on the same line.
_QUESTION = re.compile(r"^\*\*[^*]+:\*\* ")


def _cited_by_the_fold(line: str, fold: list[str]) -> bool:
    """A short answer's figure is cited where the fold right under it (the next
    block) starts a line with the same words and gives that line its source."""
    start = _QUESTION.sub("", line.removeprefix("- ")).rstrip(".")
    return any(full.startswith(start) and LINK.search(full) for full in fold)


def _check(at: AppTest, catalogue: Catalogue) -> int:
    """Fail on a figure with no source or a link with the wrong number; count figures."""
    figures = 0
    blocks = _blocks(at)
    for here, block in enumerate(blocks):
        fold = blocks[here + 1] if here + 1 < len(blocks) else []
        for line in block:
            for number, url in LINK.findall(line):
                source = catalogue.sources[int(number) - 1]
                assert url == link_target(source.url), (line, source.key)
            if FIGURE.search(line):
                figures += 1
                assert LINK.search(line) or _cited_by_the_fold(line, fold), (
                    f"a figure with no source: {line[:120]}"
                )
    return figures


def test_compare_page(open_page, catalogue: Catalogue) -> None:
    at = open_page("compare", side_by_side=[o.short_name for o in catalogue.options[:4]])
    assert _check(at, catalogue) > 50


def test_what_matters_page(open_page, catalogue: Catalogue) -> None:
    at = open_page("matters")
    for radio in at.radio:
        if radio.key and radio.key.startswith("matters-"):
            radio.set_value("A lot")
    at.run()
    assert not at.exception
    assert _check(at, catalogue) > 10


def test_every_slide(open_page, catalogue: Catalogue) -> None:
    at = open_page("present")
    figures = _check(at, catalogue)
    while not at.button(key="next_slide").disabled:
        at.button(key="next_slide").click().run()
        assert not at.exception
        figures += _check(at, catalogue)
    slides = build_deck(catalogue, catalogue.options, default_items(catalogue))
    assert at.session_state["slide"] == len(slides)
    assert figures > 10
