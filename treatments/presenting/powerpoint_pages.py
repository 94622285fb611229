"""How the deck's slides fall on the PowerPoint file's pages, and what type fits.

A file has no layout engine to ask, so these are cautious estimates: a deck
slide too full for a file page is split further (an option's harms, one kind a
page; an issue card, between options), and a page whose words would not fit
in body type gets smaller type, never below 16 pt. :mod:`.powerpoint` draws
the pages these describe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from treatments.facts import FIELDS, FactLine, short_answers
from treatments.i18n import gettext
from treatments.presenting.deck import (
    HARMS_TITLE,
    OPTION_SLIDE_HARMS,
    Slide,
    card_answers,
    numbered_title,
    option_title,
    slide_options,
)
from treatments.schema import Option
from treatments.sources import citation

# 16:9, PowerPoint's own default.
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
# Projector type: read from the back of a room.
TITLE_PT = 36
BODY_PT = 24
TABLE_PT = 18
FOOTER_PT = 14
TEXT = RGBColor(0x1A, 0x1A, 0x1A)
FOOTER = RGBColor(0x33, 0x33, 0x33)
PICTURE_GAP = Inches(0.2)
# An average letter's width, as a share of the type size, for the estimates
# below. DejaVu Sans's letters average about 0.52, but its digits are 0.64
# wide and the facts are full of numbers: at 0.52 a Spanish harm at 22 pt was
# thought to fit 73 letters to a line, and LibreOffice broke it after 67.
LETTER_WIDTH = 0.57
QR_SIZE = Inches(4.5)

Cited = set[str]


def cite(keys: Iterable[str], numbers: Mapping[str, int], cited: Cited) -> str:
    keys = list(keys)
    cited.update(keys)
    return citation(keys, numbers)


def fact(line: FactLine, numbers: Mapping[str, int], cited: Cited) -> str:
    return f"{line.headline} {cite(line.sources, numbers, cited)}".strip()


# An option's slides in the file, as in the deck: its benefits, then its harms.
BENEFITS, HARMS = "benefits", "harms"


BODY_TOP = Inches(1.4)
BODY_HEIGHT = HEIGHT - Inches(2.3)
# An issue card's table: the option column, and the room above the footer.
NAME_COLUMN = Inches(3.2)
TABLE_BOTTOM = HEIGHT - Inches(0.85)
_CELL_MARGINS = Inches(0.1)  # python-pptx's top and bottom cell margins together


@dataclass(frozen=True)
class FilePage:
    """One slide of the file and the deck slide it shows.

    ``part`` is BENEFITS or HARMS for an option's slides, "" otherwise; a
    HARMS page shows the harm ``fields`` it names (and of one field too long
    for a slide, the harms ``rows`` names). A deck slide too full for a
    file slide is split further: harms one kind a page, an issue card between
    options (``rows``, positions among the deck page's options); ``page_of``
    is such a page's place, (1, 2).
    """

    slide: Slide
    part: str = ""
    rows: range | None = None
    page_of: tuple[int, int] | None = None
    fields: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        if self.part == HARMS and self.slide.option is not None and self.page_of is not None:
            # The file split the deck's harms slide in two, one kind on each.
            label = FIELDS[self.fields[0]].label
            return numbered_title(option_title(self.slide.option, label), *self.page_of)
        if self.page_of is not None:
            return numbered_title(self.slide.title, *self.page_of)
        return self.slide.title


def _row_height(facts: Sequence[FactLine], size: int = TABLE_PT) -> float:
    """A cautious estimate of an answer row's height at ``size``, as
    ``fitting_size`` estimates (``LETTER_WIDTH`` of the size per letter; a citation
    such as "[12, 31]" about 9 letters)."""
    letters = int((WIDTH - 2 * MARGIN - NAME_COLUMN) / Pt(size * LETTER_WIDTH)) - 2
    lines = sum(-(-(len(f.headline) + 9) // letters) for f in facts)
    return float(Pt(size * 1.2) * max(1, lines) + _CELL_MARGINS)


def _table_room(size: int) -> float:
    """Height under an issue card's heading row, above the footer."""
    return float(TABLE_BOTTOM - BODY_TOP - (Pt(size * 1.2) + _CELL_MARGINS))


# Table type tried, largest first, for a page whose one option's answer is
# taller than a slide at table type (an answer is never split).
TABLE_SIZES = (TABLE_PT, 16, 14)


def table_size(answers: Sequence[Sequence[FactLine]]) -> int:
    """The largest table type at which these answers fit one slide."""
    for size in TABLE_SIZES:
        if sum(_row_height(facts, size) for facts in answers) <= _table_room(size):
            return size
    return TABLE_SIZES[-1]


def card_rows(slide: Slide, options: Sequence[Option]) -> list[range]:
    """An issue card page's options split into runs that each fit one file slide at
    table type: positions among the options the deck's page answers for."""
    assert slide.card is not None
    shown = slide_options(slide, options)
    heights = [_row_height(facts) for _, facts in card_answers(slide.card, shown)]
    room = _table_room(TABLE_PT)
    runs: list[range] = []
    start, used = 0, 0.0
    for index, height in enumerate(heights):
        if index > start and used + height > room:
            runs.append(range(start, index))
            start, used = index, 0.0
        used += height
    runs.append(range(start, len(heights)))
    return runs


def harm_groups(slide: Slide) -> list[tuple[tuple[str, ...], range | None]]:
    """A harms slide's fields as the file shows them, each with the harms it
    shows (``None``: all): as the deck does, or, where both kinds would not fit
    a file slide even at the smallest type, common side effects on one slide
    and serious risks on the next; a kind too long for one slide on its own
    (longer words, in another language) goes on as many as it needs, each
    harm whole."""
    assert slide.option is not None
    option = slide.option

    def fits(fields: Sequence[str], rows: range | None = None) -> bool:
        lines = option_lines(option, fields, _AS_WIDE_AS_TWO_DIGITS, set(), rows)
        return _fits(lines, WIDTH - 2 * MARGIN, BODY_HEIGHT, SMALLER_SIZES[-1])

    if len(slide.fields) < 2 or fits(slide.fields):
        if len(slide.fields) < 2 and not fits(slide.fields):
            return [((slide.fields[0],), run) for run in _harm_runs(option, slide.fields[0], fits)]
        return [(slide.fields, None)]
    groups: list[tuple[tuple[str, ...], range | None]] = []
    for field in slide.fields:
        if fits((field,)):
            groups.append(((field,), None))
        else:
            groups += [((field,), run) for run in _harm_runs(option, field, fits)]
    return groups


def _harm_runs(
    option: Option, field: str, fits: Callable[[Sequence[str], range], bool]
) -> list[range]:
    """The field's harms in runs, each as long as fits one slide (at least one)."""
    count = len(short_answers(option, field))
    runs: list[range] = []
    start = 0
    while start < count:
        end = start + 1
        while end < count and fits((field,), range(start, end + 1)):
            end += 1
        runs.append(range(start, end))
        start = end
    return runs


class _TwoDigits(dict[str, int]):
    """Source numbers for an estimate: every one as wide as "10"."""

    def __missing__(self, key: str) -> int:
        return 10


_AS_WIDE_AS_TWO_DIGITS = _TwoDigits()


def file_pages(slides: Sequence[Slide], options: Sequence[Option]) -> list[FilePage]:
    """The file's slides, in order: each deck slide once, an option's benefits
    then its harms (on one slide or two), an issue card over as many slides as
    its answers need, keeping each option's answer whole."""
    pages: list[FilePage] = []
    for slide in slides:
        if slide.kind == "option":
            pages.append(FilePage(slide, BENEFITS))
        elif slide.kind == "harms":
            if slide.page_of is not None and slide.page_of[0] > 1:
                continue  # the option's first harms page took all its harms
            # A file slide holds more than the screen's: the option's harms are
            # split afresh for the file's own page.
            assert slide.option is not None
            slide = replace(
                slide,
                title=option_title(slide.option, gettext(HARMS_TITLE)),
                fields=OPTION_SLIDE_HARMS,
                lines=None,
                page_of=None,
            )
            groups = harm_groups(slide)
            pages += [
                FilePage(
                    slide,
                    HARMS,
                    rows=rows,
                    fields=group,
                    page_of=(k, len(groups)) if len(groups) > 1 else None,
                )
                for k, (group, rows) in enumerate(groups, start=1)
            ]
        elif slide.card is not None:
            if slide.page_of is not None and slide.page_of[0] > 1:
                continue  # the card's first page took all its options
            # A file slide holds more than the screen's: the whole card is
            # split afresh for the file's own page.
            slide = replace(slide, title=slide.card.question, rows=None, lines=None, page_of=None)
            runs = card_rows(slide, options)
            if len(runs) == 1:
                pages.append(FilePage(slide, rows=runs[0]))
            else:
                pages += [
                    FilePage(slide, rows=run, page_of=(k, len(runs)))
                    for k, run in enumerate(runs, start=1)
                ]
        else:
            pages.append(FilePage(slide))
    return pages


# Sizes tried, largest first, for a slide whose words would not fit in body type.
SMALLER_SIZES = (BODY_PT, 22, 20, 18, 16)


def fitting_size(lines: Sequence[tuple[str, int, bool]], width: int, height: int) -> int:
    """The largest type size at which ``lines`` fit a box, by a cautious estimate.

    A file has no layout engine to ask, so this counts lines as an average
    letter would break them (``LETTER_WIDTH`` of the size, between words),
    each paragraph 1.2 lines high plus its
    spacing. Slides with long answers get smaller type rather than text that
    runs off the slide, never below 16 pt.
    """
    for size in SMALLER_SIZES:
        if _fits(lines, width, height, size):
            return size
    return SMALLER_SIZES[-1]


def _fits(lines: Sequence[tuple[str, int, bool]], width: int, height: int, size: int) -> bool:
    letters_per_line = max(8, int(width / Pt(size * LETTER_WIDTH)))
    rows = sum(_wrapped_rows(text, letters_per_line - 4 * level) for text, level, _ in lines)
    return bool(Pt(size * 1.2) * rows + Pt(4) * len(lines) <= height)


def _wrapped_rows(text: str, letters_per_line: int) -> int:
    """Lines a paragraph takes when broken between words, as a text box
    breaks it: a long word that does not fit the end of a line starts the next."""
    rows, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > letters_per_line:
            rows, used = rows + 1, 0
        used += len(word) + (1 if used else 0)
        while used > letters_per_line:  # a word longer than a whole line
            rows, used = rows + 1, used - letters_per_line
    return rows


def option_lines(
    option: Option,
    fields: Sequence[str],
    numbers: Mapping[str, int],
    cited: Cited,
    rows: range | None = None,
) -> list[tuple[str, int, bool]]:
    """The lines of an option's answers to ``fields``; ``rows`` keeps only those
    facts of a one-field page (a kind of harm split over slides)."""
    lines: list[tuple[str, int, bool]] = []
    for field in fields:
        answers = short_answers(option, field)
        if rows is not None:
            answers = [answers[i] for i in rows]
        facts = [fact(line, numbers, cited) for line in answers]
        label = FIELDS[field].short
        if len(facts) == 1:
            lines.append(
                (gettext("{label}: {answer}").format(label=label, answer=facts[0]), 0, False)
            )
        else:
            lines.append((gettext("{label}:").format(label=label), 0, False))
            lines.extend((fact, 1, False) for fact in facts)
    return lines
