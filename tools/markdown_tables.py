"""Read back a Markdown table the app drew: for tests and tools, never the app."""

from __future__ import annotations

import pandas as pd

from treatments.markdown import CELL_END


def is_markdown_table(text: str) -> bool:
    """Whether ``text`` is a table made by :func:`markdown_table`."""
    lines = text.split("\n", 2)
    return len(lines) >= 2 and lines[0].startswith("| ") and lines[1].startswith("| --- |")


def parse_markdown_table(text: str) -> tuple[list[str], list[list[str]]]:
    """The column names and rows of a table made by :func:`markdown_table`."""
    header, _rule, *body = text.split("\n")
    return _table_cells(header), [_table_cells(line) for line in body]


def _table_cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]  # the outer pipes
    cells, start = [], 0
    for end in CELL_END.finditer(inner):
        cells.append(inner[start : end.end(1)])
        start = end.end()
    cells.append(inner[start:])
    return [cell.strip() for cell in cells]


def markdown_table_frame(text: str) -> pd.DataFrame:
    """A table made by :func:`~treatments.markdown.markdown_table`, as a frame of its cells."""
    columns, rows = parse_markdown_table(text)
    return pd.DataFrame(rows, columns=columns)
