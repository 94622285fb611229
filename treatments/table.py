"""The comparison table: one row per option, each cell one line of Markdown.

Each cell holds a fact, its plain-language note and links to its sources,
so a number on screen is always one click from where it came from. The app
shows it as a Markdown table (:func:`comparison_markdown`).
"""

from __future__ import annotations

from collections.abc import Sequence

from treatments.facts import FIELDS, HARM_FIELDS, FactLine, fact_lines, short_answers
from treatments.markdown import escape, markdown_table, refs
from treatments.schema import Catalogue, Option

# The questions the table answers for every option, one column each.
TABLE_FIELDS = (
    "invasiveness",
    "repeat",
    "anaesthesia",
    "hospital_stay",
    "helps",
    "side_effects",
    "serious_risks",
)
COLUMNS = ("Option", *(FIELDS[field].heading for field in TABLE_FIELDS))
# One fact per line in these cells: each harm, or each time help was measured.
_LIST_FIELDS = frozenset({"helps", *HARM_FIELDS})


def _cell(line: FactLine, catalogue: Catalogue) -> str:
    return f"**{escape(line.headline)}**. {escape(line.note)} {refs(line.sources, catalogue)}"


def _lines_cell(lines: Sequence[FactLine], catalogue: Catalogue) -> str:
    # A table cell cannot hold a line break, yet one fact per line reads far
    # faster than a run-on list. Each fact (a harm, or a benefit at one time)
    # is wrapped in *emphasis*, which the app's stylesheet shows as a line of
    # its own in plain (upright) type. Each keeps its time frame, caveat, or
    # the reason it has no number beside it.
    return " ".join(f"*{escape(line.headline)} {refs(line.sources, catalogue)}*" for line in lines)


def comparison_row(option: Option, catalogue: Catalogue) -> dict[str, str]:
    """One option's row, keyed by the names in :data:`COLUMNS`."""
    row = {"Option": f"**{escape(option.name)}**"}
    for field in TABLE_FIELDS:
        if field == "helps":
            cell = _lines_cell(short_answers(option, field), catalogue)
        elif field in _LIST_FIELDS:
            cell = _lines_cell(fact_lines(option, field), catalogue)
        else:
            cell = _cell(fact_lines(option, field)[0], catalogue)
        row[FIELDS[field].heading] = cell
    return row


def comparison_markdown(options: Sequence[Option], catalogue: Catalogue) -> str:
    """The comparison table for ``options``, in their order, as a Markdown table."""
    rows = [list(comparison_row(option, catalogue).values()) for option in options]
    return markdown_table([escape(column) for column in COLUMNS], rows)
