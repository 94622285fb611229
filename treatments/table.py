"""The comparison table: one row per option, each cell one line of Markdown.

Each cell holds a fact, its plain-language note and links to its sources,
so a number on screen is always one click from where it came from. The app
shows it as a Markdown table (:func:`comparison_markdown`).
"""

from __future__ import annotations

from collections.abc import Sequence

from treatments.facts import (
    FIELDS,
    FactLine,
    fact_lines,
    most_common_first,
    sentence,
    short_answers,
)
from treatments.i18n import N_, gettext, ngettext
from treatments.markdown import escape, markdown_table, refs
from treatments.schema import HARM_FIELDS, Catalogue, Option

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
# The table's columns in English: the keys of a row (:func:`comparison_row`);
# the table shows them in the run's language (:func:`column_headings`).
OPTION_COLUMN = N_("Option")
COLUMNS = (OPTION_COLUMN, *(FIELDS[field].heading_en for field in TABLE_FIELDS))
# One fact per line in these cells: each harm, or each time help was measured.
_LIST_FIELDS = frozenset({"helps", *HARM_FIELDS})


def _answers(option: Option, field: str) -> list[FactLine]:
    """The lines the comparison shows for one field: the same in the table and the cards."""
    return short_answers(option, field) if field == "helps" else fact_lines(option, field)


def _cell(line: FactLine, catalogue: Catalogue) -> str:
    return f"**{escape(line.headline)}**. {escape(line.note)} {refs(line.sources, catalogue)}"


def _lines_cell(lines: Sequence[FactLine], catalogue: Catalogue) -> str:
    # A table cell cannot hold a line break, yet one fact per line reads far
    # faster than a run-on list. Each fact (a harm, or a benefit at one time)
    # is wrapped in *emphasis*, which the app's stylesheet shows as a line of
    # its own in plain (upright) type. Each keeps its time frame, caveat, or
    # the reason it has no number beside it.
    return " ".join(f"*{escape(line.headline)} {refs(line.sources, catalogue)}*" for line in lines)


def column_headings() -> list[str]:
    """The table's column headings, in :data:`COLUMNS`' order, in the run's language."""
    return [gettext(OPTION_COLUMN), *(FIELDS[field].heading for field in TABLE_FIELDS)]


def comparison_row(option: Option, catalogue: Catalogue) -> dict[str, str]:
    """One option's row, keyed by the names in :data:`COLUMNS` (English, whatever
    the run's language; the cells are in it)."""
    row = {OPTION_COLUMN: f"**{escape(option.name)}**"}
    for field in TABLE_FIELDS:
        lines = _answers(option, field)
        cell = (
            _lines_cell(lines, catalogue) if field in _LIST_FIELDS else _cell(lines[0], catalogue)
        )
        row[FIELDS[field].heading_en] = cell
    return row


# How many harms of each kind a short answer names, those counted most often
# first; a line says how many more the fold holds.
HARMS_IN_SHORT = 1


def _more_harms(field: str, count: int) -> str:
    if field == "serious_risks":
        return ngettext(
            "And {count} more serious risk, below.",
            "And {count} more serious risks, below.",
            count,
        ).format(count=count)
    return ngettext(
        "And {count} more side effect, below.",
        "And {count} more side effects, below.",
        count,
    ).format(count=count)


def card_in_short(option: Option, fields: Sequence[str] = TABLE_FIELDS) -> str:
    """One option's short answers, as a narrow screen and the side-by-side cards
    show them before a tap: each question a label, its short answers below.

    A short answer is a few words and its number, with its time frame or what
    a harm counts, or, with no number, why there is none (:attr:`FactLine.short`);
    :func:`card_in_full` holds the caveats, notes and sources. Every fact keeps
    its line, for harms as for benefits, so neither side is summed up more
    than the other.
    """
    blocks = []
    for field in fields:
        # Each count says its own "out of 100 people", so the question needs
        # no unit here: at large text a unit took a line of its own.
        label = f"**{escape(FIELDS[field].label)}:**"
        answers = [escape(sentence(line)) for line in short_lines(option, field)]
        # One paragraph per question, a line per fact: a phone at large text
        # has no room for a list's indent and gaps.
        blocks.append(
            "  \n".join([label, *answers]) if len(answers) > 1 else f"{label} {answers[0]}"
        )
    return "\n\n".join(blocks)


def short_lines(option: Option, field: str) -> list[str]:
    """What a short answer says for one question: each fact's short form, and
    for harms only the one counted most often, with a line that says how many
    more the fold holds (:func:`most_common_first`)."""
    lines = fact_lines(option, field)
    if field not in HARM_FIELDS:
        return [line.short for line in lines]
    order = most_common_first(getattr(option, field))
    shown = [lines[place].short for place in order[:HARMS_IN_SHORT]]
    if (more := len(order) - len(shown)) > 0:
        shown.append(_more_harms(field, more))
    return shown


def _in_full(line: FactLine, catalogue: Catalogue) -> str:
    # One fact as emphasis, which app.css shows as a line of its own in upright
    # type, as in the comparison table's cells.
    parts = [escape(sentence(line.headline)), escape(line.note), refs(line.sources, catalogue)]
    return f"*{' '.join(part for part in parts if part)}*"


def card_in_full(option: Option, catalogue: Catalogue, fields: Sequence[str] = TABLE_FIELDS) -> str:
    """Every answer of one option with its caveats, notes and sources: what a
    tap on :func:`card_in_short` opens, in the same order and words for every
    option.

    It is a table of one cell, headed by the option's name, each question in
    bold and each fact in emphasis, which app.css puts on lines of their own:
    on paper a browser repeats a table's heading on every page the table runs
    onto, so a page that continues an option names it (app.css hides the
    heading on screen, under the card's own).
    """
    answers = []
    for field in fields:
        facts = " ".join(_in_full(line, catalogue) for line in fact_lines(option, field))
        answers.append(f"**{escape(FIELDS[field].heading)}** {facts}")
    # One cell: its questions can flow in columns on paper, and a new option
    # starts right under the last, not on a fresh page.
    return markdown_table([escape(option.name)], [[" ".join(answers)]])


def spoken_option(option: Option) -> str:
    """The option's short name as a code span, put before each answer in its row.

    A Markdown table cannot mark its first column as row headers, so a screen
    reader moving along a row would hear each answer with its question (the
    column heading) but never the option. app.css hides these spans from sight
    and leaves them to be read aloud: "Injections: Level 1 of 4 ...". (``st.table``
    has real row headers, but it drew the first table later on a laptop, and far
    later on a slow phone: bench/RESULTS.md, "Measured by hand".)
    """
    # A code span cannot hold its own fence, and a pipe would end the cell.
    name = option.short_name.replace("`", "'").replace("|", "/")
    return f"`{name}:`"


def comparison_markdown(options: Sequence[Option], catalogue: Catalogue) -> str:
    """The comparison table for ``options``, in their order, as a Markdown table."""
    rows = []
    for option in options:
        name, *answers = comparison_row(option, catalogue).values()
        spoken = spoken_option(option)
        rows.append([name, *(f"{spoken} {answer}" for answer in answers)])
    return markdown_table([escape(column) for column in column_headings()], rows)
