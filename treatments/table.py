"""The comparison table: one row per option, each cell one line of Markdown.

Each cell holds a fact, its plain-language note and links to its sources,
so a number on screen is always one click from where it came from. The app
shows it as a Markdown table (:func:`comparison_markdown`); tests and tools
can have it as a pandas frame (:func:`comparison_frame`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from treatments import wording
from treatments.facts import FactLine, fact_lines, short_answers
from treatments.markdown import escape, markdown_table, parse_markdown_table, refs
from treatments.schema import Catalogue, Option

COLUMNS = (
    "Option",
    "How invasive",
    "How often it is repeated",
    "Asleep or awake",
    "Hospital stay",
    "How many it helps (out of 100)",
    "Side effects (out of 100 people)",
    "Serious risks (out of 1,000 people)",
)


def _cell(main: str, note: str, keys: Sequence[str], catalogue: Catalogue) -> str:
    return f"**{escape(main)}**. {escape(note)} {refs(keys, catalogue)}"


def _lines_cell(lines: Sequence[FactLine], catalogue: Catalogue) -> str:
    # A table cell cannot hold a line break, yet one fact per line reads far
    # faster than a run-on list. Each fact (a harm, or a benefit at one time)
    # is wrapped in *emphasis*, which the app's stylesheet shows as a line of
    # its own in plain (upright) type. Each keeps its time frame, caveat, or
    # the reason it has no number beside it.
    return " ".join(f"*{escape(line.headline)} {refs(line.sources, catalogue)}*" for line in lines)


def comparison_row(option: Option, catalogue: Catalogue) -> dict[str, str]:
    """One option's row, keyed by the names in :data:`COLUMNS`."""
    repeat = option.repeat
    return {
        "Option": f"**{escape(option.name)}**",
        "How invasive": _cell(
            f"Level {option.invasiveness.level} of 4",
            option.invasiveness.note,
            option.invasiveness.sources,
            catalogue,
        ),
        "How often it is repeated": _cell(
            repeat.every[:1].upper() + repeat.every[1:], repeat.note, repeat.sources, catalogue
        ),
        "Asleep or awake": _cell(
            wording.anaesthesia_phrase(option.anaesthesia.kind),
            option.anaesthesia.note,
            option.anaesthesia.sources,
            catalogue,
        ),
        "Hospital stay": _cell(
            wording.nights_phrase(option.hospital_stay.nights),
            option.hospital_stay.note,
            option.hospital_stay.sources,
            catalogue,
        ),
        "How many it helps (out of 100)": _lines_cell(short_answers(option, "helps"), catalogue),
        "Side effects (out of 100 people)": _lines_cell(
            fact_lines(option, "side_effects"), catalogue
        ),
        "Serious risks (out of 1,000 people)": _lines_cell(
            fact_lines(option, "serious_risks"), catalogue
        ),
    }


def comparison_markdown(options: Sequence[Option], catalogue: Catalogue) -> str:
    """The comparison table for ``options``, in their order, as a Markdown table."""
    rows = [list(comparison_row(option, catalogue).values()) for option in options]
    return markdown_table([escape(column) for column in COLUMNS], rows)


def comparison_frame(options: Sequence[Option], catalogue: Catalogue) -> pd.DataFrame:
    """The comparison table for ``options``, in their order."""
    rows = [comparison_row(option, catalogue) for option in options]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def markdown_table_frame(text: str) -> pd.DataFrame:
    """A table made by :func:`~treatments.markdown.markdown_table`, as a frame of its cells."""
    columns, rows = parse_markdown_table(text)
    return pd.DataFrame(rows, columns=columns)
