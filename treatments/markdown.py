"""Safe Markdown from data-file text, and source references as links.

Text from the data file is shown as text, never as markup: every character
that Markdown, HTML or Streamlit's extensions ($ for maths, :colour[...]
directives) would act on is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from treatments.i18n import gettext
from treatments.schema import Catalogue
from treatments.sources import cited_numbers, source_numbers

_ACTIVE = re.compile(r"([\\`*_{}\[\]()#+!|<>~$:^=&])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", flags=re.MULTILINE)


def escape(text: str) -> str:
    """Escape ``text`` so Markdown shows it exactly as written."""
    escaped = _ACTIVE.sub(r"\\\1", text)
    # "1. Foo" at a line start would become a list.
    escaped = _LINE_START.sub(r"\1\2\\\3", escaped)
    return escaped.replace("\n", " ")


def refs(keys: Iterable[str], catalogue: Catalogue) -> str:
    """``[3] [12]`` as Markdown links to each source, in the order cited, each once."""
    numbers = source_numbers(catalogue)
    by_number = {number: source for number, source in enumerate(catalogue.sources, start=1)}
    # The link's title, which a pointer shows: a quote in it would end it.
    source = gettext("Source {key}").replace('"', "'")
    return " ".join(
        f'[\\[{n}\\]]({link_target(by_number[n].url)} "{source.format(key=by_number[n].key)}")'
        for n in cited_numbers(keys, numbers)
    )


def link_target(url: str) -> str:
    """A URL safe inside a Markdown link.

    The schema already allows only http(s) URLs with no spaces; parentheses
    are percent-encoded so they cannot end the link early, and a pipe so it
    cannot end a table cell.
    """
    return url.replace("(", "%28").replace(")", "%29").replace("|", "%7C")


# A pipe ends a table cell unless a backslash escapes it; "\\|" is an
# escaped backslash and then a pipe that does end the cell.
CELL_END = re.compile(r"(?<!\\)((?:\\\\)*)\|")


def markdown_table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub-style Markdown table: one real HTML ``<table>`` when rendered.

    Every cell must already be safe, one-line Markdown (see :func:`escape`,
    which escapes every pipe).

    Raises
    ------
    ValueError
        If a cell holds a line break or a bare pipe, either of which would
        break the table, or a row has the wrong number of cells.
    """
    lines = [_table_row(columns), "|" + " --- |" * len(columns)]
    for row in rows:
        if len(row) != len(columns):
            raise ValueError(f"a row has {len(row)} cells, not {len(columns)}")
        lines.append(_table_row(row))
    return "\n".join(lines)


def _table_row(cells: Sequence[str]) -> str:
    for cell in cells:
        if "\n" in cell or "\r" in cell or CELL_END.search(cell):
            raise ValueError(f"not a one-line, escaped table cell: {cell[:60]!r}")
    return "| " + " | ".join(cells) + " |"
