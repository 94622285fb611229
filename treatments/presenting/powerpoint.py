"""The deck as a PowerPoint file, for presenting from a computer with no network.

The same slides as the Present page, in the same order and words: the title,
one slide per option with its pictures of 100 people, the issue cards, the
questions, and the code that hands the room the same view last. Speaker notes
go in the notes pane, never on the slide. Every slide carries the date the
facts were checked and the numbers of the sources it cites, listed in full on
a last page. Pictures are drawn from the app's own chart specs by Vega's own
renderer (``vl-convert``), offline.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import vl_convert
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.shapes.picture import Picture
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Length, Pt

from treatments import charts
from treatments.facts import FIELDS, FactLine, short_answers
from treatments.presenting.deck import (
    OPTION_SLIDE_ABOUT,
    Slide,
    build_deck,
    card_answers,
    slide_options,
)
from treatments.presenting.share import IT_OPENS, TYPE_IT, address_in_words, qr_png
from treatments.schema import Benefit, Catalogue, Option
from treatments.sources import citation, source_numbers

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
QR_SIZE = Inches(4.5)

Cited = set[str]


def _cite(keys: Iterable[str], numbers: Mapping[str, int], cited: Cited) -> str:
    keys = list(keys)
    cited.update(keys)
    return citation(keys, numbers)


def _fact(line: FactLine, numbers: Mapping[str, int], cited: Cited) -> str:
    return f"{line.headline} {_cite(line.sources, numbers, cited)}".strip()


def _emu(length: float) -> Length:
    return Emu(int(length))


def _describe(picture: Picture, text: str) -> None:
    """A picture's text version (its alt text), which a screen reader in PowerPoint reads."""
    picture._element.xpath("./p:nvPicPr/p:cNvPr")[0].set("descr", text)


def _box(slide: PptxSlide, left: int, top: int, width: int, height: int) -> TextFrame:
    frame = slide.shapes.add_textbox(_emu(left), _emu(top), _emu(width), _emu(height)).text_frame
    frame.word_wrap = True
    return frame


def _paragraphs(
    frame: TextFrame,
    lines: Sequence[tuple[str, int, bool]],
    *,
    size: int = BODY_PT,
    colour: RGBColor = TEXT,
) -> None:
    """Lines as paragraphs: (text, indent level, bold)."""
    for number, (text, level, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.level = level
        paragraph.space_after = Pt(4)
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour


def _title(slide: PptxSlide, text: str) -> None:
    frame = _box(slide, MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(1.0))
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _paragraphs(frame, [(text, 0, True)], size=TITLE_PT)


def _footer(slide: PptxSlide, text: str) -> None:
    frame = _box(slide, MARGIN, HEIGHT - Inches(0.75), WIDTH - 2 * MARGIN, Inches(0.6))
    _paragraphs(frame, [(text, 0, False)], size=FOOTER_PT, colour=FOOTER)


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
    HARMS page shows the harm ``fields`` it names. A deck slide too full for a
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
            return (
                f"{self.slide.option.short_name}: {label} ({self.page_of[0]} of {self.page_of[1]})"
            )
        if self.page_of is not None:
            return f"{self.slide.title} ({self.page_of[0]} of {self.page_of[1]})"
        return self.slide.title


def _row_height(facts: Sequence[FactLine], size: int = TABLE_PT) -> float:
    """A cautious estimate of an answer row's height at ``size``, as
    ``fitting_size`` estimates (0.52 of the size per letter; a citation
    such as "[12, 31]" about 9 letters)."""
    letters = int((WIDTH - 2 * MARGIN - NAME_COLUMN) / Pt(size * 0.52)) - 2
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


def harm_groups(slide: Slide) -> list[tuple[str, ...]]:
    """A harms slide's fields as the file shows them: as the deck does, or, where
    both kinds would not fit a file slide even at the smallest type, common side
    effects on one slide and serious risks on the next."""
    assert slide.option is not None
    lines = _option_lines(slide.option, slide.fields, _AS_WIDE_AS_TWO_DIGITS, set())
    if len(slide.fields) < 2 or _fits(lines, WIDTH - 2 * MARGIN, BODY_HEIGHT, SMALLER_SIZES[-1]):
        return [slide.fields]
    return [(field,) for field in slide.fields]


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
            groups = harm_groups(slide)
            pages += [
                FilePage(
                    slide,
                    HARMS,
                    fields=group,
                    page_of=(k, len(groups)) if len(groups) > 1 else None,
                )
                for k, group in enumerate(groups, start=1)
            ]
        elif slide.card is not None:
            if slide.page_of is not None and slide.page_of[0] > 1:
                continue  # the card's first page took all its options
            # A file slide holds more than the screen's: the whole card is
            # split afresh for the file's own page.
            slide = replace(slide, title=slide.card.question, rows=None, page_of=None)
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
    letter would break them (0.52 of the size, a little wider than DejaVu
    Sans's as LibreOffice draws it), each paragraph 1.2 lines high plus its
    spacing. Slides with long answers get smaller type rather than text that
    runs off the slide, never below 16 pt.
    """
    for size in SMALLER_SIZES:
        if _fits(lines, width, height, size):
            return size
    return SMALLER_SIZES[-1]


def _fits(lines: Sequence[tuple[str, int, bool]], width: int, height: int, size: int) -> bool:
    letters_per_line = max(8, int(width / Pt(size * 0.52)))
    rows = sum(-(-len(text) // (letters_per_line - 4 * level)) for text, level, _ in lines)
    return bool(Pt(size * 1.2) * rows + Pt(4) * len(lines) <= height)


def _body_box(slide: PptxSlide, width: int) -> TextFrame:
    return _box(slide, MARGIN, BODY_TOP, width, BODY_HEIGHT)


def _picture_png(option: Option, benefit: Benefit) -> bytes:
    spec = charts.icon_array(option, benefit, for_slide=True).to_dict()
    return bytes(vl_convert.vegalite_to_png(json.dumps(spec), scale=2))


def _option_lines(
    option: Option, fields: Sequence[str], numbers: Mapping[str, int], cited: Cited
) -> list[tuple[str, int, bool]]:
    lines: list[tuple[str, int, bool]] = []
    for field in fields:
        facts = [_fact(line, numbers, cited) for line in short_answers(option, field)]
        label = FIELDS[field].short
        if len(facts) == 1:
            lines.append((f"{label}: {facts[0]}", 0, False))
        else:
            lines.append((f"{label}:", 0, False))
            lines.extend((fact, 1, False) for fact in facts)
    return lines


def _benefits_slide(
    slide: PptxSlide, option: Option, numbers: Mapping[str, int], cited: Cited
) -> None:
    """What it is, what it involves and what it helps, with the pictures of 100 people."""
    counted = charts.pictured(option)
    pictures = [_picture_png(option, benefit) for benefit in counted]
    # One picture as tall as the text; two a little shorter, so the words keep room.
    height = int(BODY_HEIGHT * (1.0 if len(pictures) < 2 else 0.7))
    widths = [int(height * _aspect(png)) for png in pictures]
    pictures_width = sum(widths) + PICTURE_GAP * len(widths)
    what = (
        f"{option.what_it_is.text} {_cite(option.what_it_is.sources, numbers, cited)}",
        0,
        False,
    )
    lines = [what, *_option_lines(option, (*OPTION_SLIDE_ABOUT, "helps"), numbers, cited)]
    body_width = WIDTH - 2 * MARGIN - pictures_width
    size = fitting_size(lines, body_width, BODY_HEIGHT)
    _paragraphs(_body_box(slide, body_width), lines, size=size)
    left = WIDTH - MARGIN - pictures_width + PICTURE_GAP
    for benefit, png, width in zip(counted, pictures, widths, strict=True):
        picture = slide.shapes.add_picture(
            io.BytesIO(png), _emu(left), BODY_TOP, height=_emu(height)
        )
        left += width + PICTURE_GAP
        _describe(picture, charts.icon_array_summary(option, benefit))


def _harms_slide(
    slide: PptxSlide,
    option: Option,
    fields: Sequence[str],
    numbers: Mapping[str, int],
    cited: Cited,
) -> None:
    """Its common side effects and serious risks, on a slide of their own."""
    lines = _option_lines(option, fields, numbers, cited)
    width = WIDTH - 2 * MARGIN
    _paragraphs(_body_box(slide, width), lines, size=fitting_size(lines, width, BODY_HEIGHT))


def _aspect(png: bytes) -> float:
    with Image.open(io.BytesIO(png)) as picture:
        return float(picture.width) / float(picture.height)


def _issue_slide(
    slide: PptxSlide,
    page: FilePage,
    options: Sequence[Option],
    numbers: Mapping[str, int],
    cited: Cited,
) -> None:
    assert page.slide.card is not None
    answers = card_answers(page.slide.card, slide_options(page.slide, options))
    if page.rows is not None:
        answers = [answers[i] for i in page.rows]
    size = table_size([facts for _, facts in answers])
    shape = slide.shapes.add_table(
        len(answers) + 1,
        2,
        MARGIN,
        Inches(1.4),
        _emu(WIDTH - 2 * MARGIN),
        _emu(Inches(0.5) * (len(answers) + 1)),
    )
    table = shape.table
    table.columns[0].width = NAME_COLUMN
    table.columns[1].width = WIDTH - 2 * MARGIN - NAME_COLUMN
    rows = [("Option", "Answer")] + [
        (option.short_name, "\n".join(_fact(f, numbers, cited) for f in facts))
        for option, facts in answers
    ]
    for r, (name, answer) in enumerate(rows):
        for c, text in enumerate((name, answer)):
            cell = table.cell(r, c)
            cell.text = text
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
                    run.font.bold = r == 0 or c == 0


def _text_and_points(slide: PptxSlide, text: str | None, points: Sequence[str]) -> None:
    """A paragraph, then a bulleted point a line: the title and choose slides."""
    lines = ([(text, 0, False)] if text else []) + [(f"• {point}", 0, False) for point in points]
    _paragraphs(_body_box(slide, WIDTH - 2 * MARGIN), lines)


def _questions_slide(slide: PptxSlide, catalogue: Catalogue) -> None:
    items = list(catalogue.questions.items) if catalogue.questions else []
    half = (len(items) + 1) // 2
    column = (WIDTH - 2 * MARGIN - Inches(0.4)) / 2
    for place, group in enumerate((items[:half], items[half:])):
        left = MARGIN + (column + Inches(0.4)) * place
        frame = _box(slide, int(left), Inches(1.4), int(column), HEIGHT - Inches(2.3))
        _paragraphs(frame, [(f"• {q}", 0, False) for q in group], size=20)


def _share_slide(slide: PptxSlide, catalogue: Catalogue, link: str) -> None:
    share = catalogue.deck.share_slide
    code = slide.shapes.add_picture(
        io.BytesIO(qr_png(link, scale=12)), MARGIN, Inches(1.4), QR_SIZE, QR_SIZE
    )
    _describe(code, f"QR code for {link}")
    left = MARGIN + QR_SIZE + Inches(0.5)
    frame = _box(slide, left, Inches(1.6), WIDTH - MARGIN - left, QR_SIZE)
    lines = [(share.text or "", 0, False), (f"{TYPE_IT} {address_in_words(link)}", 0, True)]
    _paragraphs(frame, [line for line in lines if line[0]])
    small = _box(
        slide, left, Inches(1.6) + QR_SIZE - Inches(0.8), WIDTH - MARGIN - left, Inches(0.8)
    )
    _paragraphs(small, [(f"{IT_OPENS} {link}", 0, False)], size=FOOTER_PT)


# Sources listed per slide, in type a person can read on paper or up close.
SOURCES_PER_SLIDE = 12
SOURCES_PT = 12


def deck_file(
    catalogue: Catalogue,
    options: Sequence[Option],
    card_ids: Sequence[str],
    *,
    link: str,
    made_on: _dt.date | None = None,
) -> bytes:
    """The deck for these options and issue cards as a .pptx file's bytes."""
    made_on = made_on or _dt.date.today()
    numbers = source_numbers(catalogue)
    slides = build_deck(catalogue, options, card_ids)
    pptx = Presentation()
    pptx.slide_width, pptx.slide_height = WIDTH, HEIGHT
    blank = pptx.slide_layouts[6]
    checked = f"Facts last checked: {catalogue.meta.last_reviewed:%d %B %Y}."
    cited_anywhere: Cited = set()
    pages = file_pages(slides, options)
    for number, page in enumerate(pages, start=1):
        deck_slide, part = page.slide, page.part
        slide = pptx.slides.add_slide(blank)
        cited: Cited = set()
        _title(slide, page.title)
        if deck_slide.kind == "title":
            title = catalogue.deck.title_slide
            _text_and_points(slide, title.intro, title.points)
        elif deck_slide.option is not None and part == BENEFITS:
            _benefits_slide(slide, deck_slide.option, numbers, cited)
        elif deck_slide.option is not None:
            _harms_slide(slide, deck_slide.option, page.fields, numbers, cited)
        elif deck_slide.kind == "issue":
            _issue_slide(slide, page, options, numbers, cited)
        elif deck_slide.kind == "choose":
            choose = catalogue.deck.choose_slide
            _text_and_points(slide, choose.text, choose.points)
        elif deck_slide.kind == "questions":
            _questions_slide(slide, catalogue)
        else:
            _share_slide(slide, catalogue, link)
        sources = (
            " Sources: " + ", ".join(str(n) for n in sorted(numbers[k] for k in cited)) + "."
            if cited
            else ""
        )
        _footer(
            slide,
            f"Slide {number} of {len(pages)}. {checked}{sources} {catalogue.meta.disclaimer}",
        )
        slide.notes_slide.notes_text_frame.text = deck_slide.speaker_note
        cited_anywhere |= cited
    listed = sorted((numbers[s.key], s) for s in catalogue.sources if s.key in cited_anywhere)
    for start in range(0, len(listed), SOURCES_PER_SLIDE):
        slide = pptx.slides.add_slide(blank)
        _title(slide, "Sources")
        lines = [
            (f"[{n}] {s.title}. {s.url}", 0, False)
            for n, s in listed[start : start + SOURCES_PER_SLIDE]
        ]
        _paragraphs(_body_box(slide, WIDTH - 2 * MARGIN), lines, size=SOURCES_PT)
        _footer(slide, f"{checked} Made on {made_on:%d %B %Y}. {catalogue.meta.disclaimer}")
    out = io.BytesIO()
    pptx.save(out)
    return out.getvalue()
