"""Data text is shown as text: no HTML, no links, no maths, no directives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.markdown_tables import is_markdown_table, parse_markdown_table
from treatments.markdown import (
    escape,
    link_target,
    markdown_table,
    refs,
)
from treatments.schema import Catalogue
from treatments.sources import source_numbers

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "$x^2$ and :red[danger] and :material/warning:",
    "**bold** _it_ `code` # heading",
    "1. not a list",
]


def test_markup_characters_are_escaped() -> None:
    for text in HOSTILE:
        escaped = escape(text)
        # Every character Markdown acts on is preceded by a backslash.
        assert not re.search(r"(?<!\\)[<>\[\]$*_`:#]", escaped), escaped


@given(st.text(max_size=200))
def test_escaping_removes_only_backslashes_added(text: str) -> None:
    escaped = escape(text)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert unescaped == text.replace("\n", " ")


def test_refs_link_each_source_by_number(catalogue: Catalogue) -> None:
    numbers = source_numbers(catalogue)
    markdown = refs(["MAYO", "MILLER12"], catalogue)
    assert f"[\\[{numbers['MAYO']}\\]](https://www.mayoclinic.org/" in markdown
    assert f"[\\[{numbers['MILLER12']}\\]](https://pubmed.ncbi.nlm.nih.gov/22168965/" in markdown


def test_refs_name_a_source_once_in_the_order_first_cited(catalogue: Catalogue) -> None:
    numbers = source_numbers(catalogue)
    markdown = refs(["MILLER12", "MAYO", "MILLER12"], catalogue)
    cited = [int(n) for n in re.findall(r"\[\\\[(\d+)\\\]\]", markdown)]
    assert cited == [numbers["MILLER12"], numbers["MAYO"]]


# --- Markdown tables --------------------------------------------------------

one_line_text = st.text(max_size=40).map(lambda t: t.replace("\r", " "))


@given(st.lists(st.lists(one_line_text, min_size=3, max_size=3), max_size=5))
def test_a_table_of_escaped_text_reads_back_cell_for_cell(texts: list[list[str]]) -> None:
    # Pipes, backslashes and all: escape() makes every cell safe to put in a row.
    rows = [[escape(text) for text in row] for row in texts]
    columns = ["A", escape("B | C"), "D"]
    table = markdown_table(columns, rows)
    assert is_markdown_table(table)
    assert parse_markdown_table(table) == (columns, [[cell.strip() for cell in r] for r in rows])


@pytest.mark.parametrize(
    "cell",
    ["two\nlines", "a bare | pipe", "an escaped backslash then a pipe \\\\| here"],
)
def test_a_cell_that_would_break_the_table_is_refused(cell: str) -> None:
    with pytest.raises(ValueError, match="table cell"):
        markdown_table(["A"], [[cell]])


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    with pytest.raises(ValueError, match="2 cells, not 3"):
        markdown_table(["A", "B", "C"], [["1", "2"]])


def test_a_pipe_in_a_source_address_cannot_end_a_cell() -> None:
    assert link_target("https://example.org/a|b(c)") == "https://example.org/a%7Cb%28c%29"


def test_other_markdown_is_not_taken_for_a_table() -> None:
    assert not is_markdown_table("| just a line")
    assert not is_markdown_table("Some text\n| --- |")
