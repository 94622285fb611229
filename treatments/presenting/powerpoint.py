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
from collections.abc import Mapping, Sequence

import vl_convert
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.shapes.picture import Picture
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Length, Pt

from treatments import charts, check
from treatments.i18n import format_date, gettext
from treatments.presenting.deck import (
    OPTION_SLIDE_ABOUT,
    Slide,
    build_deck,
    card_answers,
    slide_options,
)
from treatments.presenting.powerpoint_pages import (
    BENEFITS,
    BODY_HEIGHT,
    BODY_PT,
    BODY_TOP,
    FOOTER,
    FOOTER_PT,
    HEIGHT,
    MARGIN,
    NAME_COLUMN,
    PICTURE_GAP,
    QR_SIZE,
    TEXT,
    TITLE_PT,
    WIDTH,
    Cited,
    FilePage,
    cite,
    fact,
    file_pages,
    fitting_size,
    option_lines,
    table_size,
)
from treatments.presenting.share import IT_OPENS, TYPE_IT, address_in_words, qr_png
from treatments.schema import Benefit, Catalogue, Option
from treatments.sources import source_numbers


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


def _body_box(slide: PptxSlide, width: int) -> TextFrame:
    return _box(slide, MARGIN, BODY_TOP, width, BODY_HEIGHT)


def _picture_png(option: Option, benefit: Benefit) -> bytes:
    spec = charts.icon_array(option, benefit, for_slide=True).to_dict()
    return bytes(vl_convert.vegalite_to_png(json.dumps(spec), scale=2))


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
        f"{option.what_it_is.text} {cite(option.what_it_is.sources, numbers, cited)}",
        0,
        False,
    )
    lines = [what, *option_lines(option, (*OPTION_SLIDE_ABOUT, "helps"), numbers, cited)]
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
    rows: range | None = None,
) -> None:
    """Its common side effects and serious risks, on a slide of their own (of
    one kind split over slides, the harms ``rows`` names)."""
    lines = option_lines(option, fields, numbers, cited, rows)
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
    rows = [(gettext("Option"), gettext("Answer"))] + [
        (option.short_name, "\n".join(fact(f, numbers, cited) for f in facts))
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


def _answer_slide(
    slide: PptxSlide,
    deck_slide: Slide,
    catalogue: Catalogue,
    numbers: Mapping[str, int],
    cited: Cited,
) -> None:
    """Why the answer is right, and the fact it rests on with its sources."""
    question = deck_slide.question
    assert question is not None
    lines = [
        (question.why, 0, False),
        (
            gettext("The fact ({which}):").format(which=check.fact_label(question, catalogue)),
            0,
            True,
        ),
        *((f"• {fact(line, numbers, cited)}", 0, False) for line in deck_slide.facts),
    ]
    _paragraphs(_body_box(slide, WIDTH - 2 * MARGIN), lines)


def _questions_slide(slide: PptxSlide, catalogue: Catalogue) -> None:
    items = list(catalogue.questions.items) if catalogue.questions else []
    half = (len(items) + 1) // 2
    column = (WIDTH - 2 * MARGIN - Inches(0.4)) / 2
    height = HEIGHT - Inches(2.3)
    columns = [[(f"• {q}", 0, False) for q in group] for group in (items[:half], items[half:])]
    # 20 pt, or smaller where the questions run longer (in another language).
    size = min(20, *(fitting_size(lines, int(column), height) for lines in columns))
    for place, lines in enumerate(columns):
        left = MARGIN + (column + Inches(0.4)) * place
        frame = _box(slide, int(left), Inches(1.4), int(column), height)
        _paragraphs(frame, lines, size=size)


def _share_slide(slide: PptxSlide, catalogue: Catalogue, link: str) -> None:
    share = catalogue.deck.share_slide
    code = slide.shapes.add_picture(
        io.BytesIO(qr_png(link, scale=12)), MARGIN, Inches(1.4), QR_SIZE, QR_SIZE
    )
    _describe(code, gettext("QR code for {link}").format(link=link))
    left = MARGIN + QR_SIZE + Inches(0.5)
    frame = _box(slide, left, Inches(1.6), WIDTH - MARGIN - left, QR_SIZE)
    lines = [
        (share.text or "", 0, False),
        (f"{gettext(TYPE_IT)} {address_in_words(link)}", 0, True),
    ]
    _paragraphs(frame, [line for line in lines if line[0]])
    small = _box(
        slide, left, Inches(1.6) + QR_SIZE - Inches(0.8), WIDTH - MARGIN - left, Inches(0.8)
    )
    _paragraphs(small, [(f"{gettext(IT_OPENS)} {link}", 0, False)], size=FOOTER_PT)


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
    checked = gettext("Facts last checked: {day}.").format(
        day=format_date(catalogue.meta.last_reviewed)
    )
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
            _harms_slide(slide, deck_slide.option, page.fields, numbers, cited, page.rows)
        elif deck_slide.kind == "issue":
            _issue_slide(slide, page, options, numbers, cited)
        elif deck_slide.kind == "check" and deck_slide.question is not None:
            asked = [c.words for c in check.choices(deck_slide.question, catalogue)]
            _text_and_points(slide, None, [*asked])
        elif deck_slide.kind == "answer" and deck_slide.question is not None:
            _answer_slide(slide, deck_slide, catalogue, numbers, cited)
        elif deck_slide.kind == "choose":
            choose = catalogue.deck.choose_slide
            _text_and_points(slide, choose.text, choose.points)
        elif deck_slide.kind == "questions":
            _questions_slide(slide, catalogue)
        else:
            _share_slide(slide, catalogue, link)
        sources = (
            " "
            + gettext("Sources: {numbers}.").format(
                numbers=", ".join(str(n) for n in sorted(numbers[k] for k in cited))
            )
            if cited
            else ""
        )
        slide_of = gettext("Slide {number} of {count}.").format(number=number, count=len(pages))
        _footer(slide, f"{slide_of} {checked}{sources} {catalogue.meta.disclaimer}")
        slide.notes_slide.notes_text_frame.text = deck_slide.speaker_note
        cited_anywhere |= cited
    listed = sorted((numbers[s.key], s) for s in catalogue.sources if s.key in cited_anywhere)
    for start in range(0, len(listed), SOURCES_PER_SLIDE):
        slide = pptx.slides.add_slide(blank)
        _title(slide, gettext("Sources"))
        lines = [
            (f"[{n}] {s.title}. {s.url}", 0, False)
            for n, s in listed[start : start + SOURCES_PER_SLIDE]
        ]
        _paragraphs(_body_box(slide, WIDTH - 2 * MARGIN), lines, size=SOURCES_PT)
        made = gettext("Made on {day}").format(day=format_date(made_on))
        _footer(slide, f"{checked} {made}. {catalogue.meta.disclaimer}")
    out = io.BytesIO()
    pptx.save(out)
    return out.getvalue()
