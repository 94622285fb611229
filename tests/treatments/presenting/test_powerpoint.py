"""The deck as a PowerPoint file: read back with python-pptx, opened by LibreOffice.

LibreOffice Impress (headless) converts the file to PDF, as a hospital
computer with no PowerPoint would open it: it must open without repair, with
one page per slide and each slide's words on its page.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from tests.helpers import require_tool
from treatments import check, i18n
from treatments.facts import short_answers
from treatments.loader import load_catalogue
from treatments.presenting.deck import HARMS_TITLE, build_deck, default_items
from treatments.presenting.powerpoint import deck_file
from treatments.presenting.powerpoint_pages import BENEFITS, HARMS, file_pages
from treatments.schema import Catalogue

LINK = "https://clinic.example.org/hfs/?kind=Shots&kind=Brain+surgery&show_wait=false"


@pytest.fixture(scope="module")
def made(catalogue: Catalogue) -> tuple[bytes, list]:
    """The file, and what each of its deck slides is: (deck slide, part)."""
    cards = default_items(catalogue)
    pages = file_pages(build_deck(catalogue, catalogue.options, cards), catalogue.options)
    return deck_file(catalogue, catalogue.options, cards, link=LINK), pages


def _slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def test_the_deck_s_slides_in_order_notes_in_the_notes_pane(made, catalogue: Catalogue) -> None:
    data, pages = made
    pptx = Presentation(io.BytesIO(data))
    files = list(pptx.slides)
    assert len(files) > len(pages), "the deck's slides, then its sources"
    checked = f"Facts last checked: {catalogue.meta.last_reviewed:%d %B %Y}."
    for page, file_slide in zip(pages, files, strict=False):
        deck_slide, part = page.slide, page.part
        text = _slide_text(file_slide)
        if part == HARMS:
            assert page.title.startswith(f"{deck_slide.option.short_name}: ")
            assert page.title in text
        else:
            assert deck_slide.title in text
        assert checked in text, "every slide says when the facts were checked"
        assert file_slide.notes_slide.notes_text_frame.text == deck_slide.speaker_note
        assert deck_slide.speaker_note not in text, "notes never on the slide itself"
        pictures = [s for s in file_slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        if part == BENEFITS:
            assert "Sources: " in text, "an option slide lists its sources' numbers"
            counted = [b for b in deck_slide.option.helps if b.per_100 is not None]
            assert len(pictures) == len(counted), "one picture of 100 people per figure"
            assert "Helps" in text
        if part == HARMS:
            # The next slide (or two), all to itself: every common side effect
            # and serious risk, both kinds on one slide where they fit.
            assert "Sources: " in text and not pictures
            assert (HARMS_TITLE in text) == (len(page.fields) == 2)
            for field in page.fields:
                answers = short_answers(deck_slide.option, field)
                # A kind of harm too long for one slide shows its own run of them.
                for i in page.rows if page.rows is not None else range(len(answers)):
                    assert " ".join(answers[i].headline.split()) in " ".join(text.split())
        if deck_slide.kind == "check":
            # The question for the room, and its choices; the answer waits.
            for choice in check.choices(deck_slide.question, catalogue):
                assert f"• {choice.words}" in text
            assert deck_slide.question.why not in text
        if deck_slide.kind == "answer":
            assert " ".join(deck_slide.question.why.split()) in " ".join(text.split())
            assert "Sources: " in text, "the fact behind the answer, with its sources"
            for line in deck_slide.facts:
                assert " ".join(line.headline.split()) in " ".join(text.split())
    assert [p.slide.kind for p in pages].count("answer") == len(catalogue.check.in_deck)
    for option in catalogue.options:
        harms = [p for p in pages if p.part == HARMS and p.slide.option == option]
        shown = list(dict.fromkeys(f for p in harms for f in p.fields))
        assert shown == ["side_effects", "serious_risks"], option.id
        for field in shown:
            runs = [p.rows for p in harms if field in p.fields]
            if runs != [None]:  # split over slides: every harm once, in order
                count = len(short_answers(option, field))
                assert [i for run in runs for i in run] == list(range(count)), (option.id, field)
    # Every source number a slide cites is listed in full on the sources slides.
    footers = " ".join(_slide_text(slide) for slide in files[: len(pages)])
    cited = {
        int(n) for group in re.findall(r"Sources: ([\d, ]+)\.", footers) for n in group.split(",")
    }
    listed = " ".join(_slide_text(slide) for slide in files[len(pages) :])
    assert cited and all(f"[{n}] " in listed for n in cited)


def test_the_last_slide_s_code_decodes_to_the_link(made) -> None:
    data, pages = made
    share = list(Presentation(io.BytesIO(data)).slides)[len(pages) - 1]
    (code,) = [s for s in share.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(code.image.blob)))]
    assert decoded == [LINK]
    assert "Or type: clinic.example.org/hfs" in _slide_text(share)


def _draw_with_libreoffice(soffice: str, folder: Path) -> None:
    """LibreOffice turns folder/deck.pptx into folder/deck.pdf, as Impress draws it."""
    subprocess.run(
        [
            soffice,
            # A profile of its own, so a LibreOffice the person has open is not disturbed.
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "deck.pptx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.mark.slow
def test_libreoffice_opens_it_one_page_per_slide(made, tmp_path: Path) -> None:
    soffice = require_tool("soffice", "libreoffice-impress")
    data, pages = made
    (tmp_path / "deck.pptx").write_bytes(data)
    _draw_with_libreoffice(soffice, tmp_path)
    texts = [page.extract_text() for page in PdfReader(tmp_path / "deck.pdf").pages]
    assert len(texts) == len(Presentation(io.BytesIO(data)).slides)
    for text, page in zip(texts, pages, strict=False):
        flat = " ".join(text.split())
        assert " ".join(page.title.split()) in flat
        assert page.slide.speaker_note not in flat


def _words_by_page(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each PDF page's words as (top, bottom, text), from poppler's pdftotext."""
    pdftotext = require_tool("pdftotext", "poppler-utils")
    layout = subprocess.run(
        [pdftotext, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    word = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<')
    return [
        [(float(top), float(bottom), text) for top, bottom, text in word.findall(page)]
        for page in layout.split("<page ")[1:]
    ]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "es"])
def test_with_every_card_nothing_runs_into_the_footer(language: str, tmp_path: Path) -> None:
    """Drawn by LibreOffice, no slide's words reach its footer: a card too
    full for one slide is split, each option's answer kept whole, and so are
    an option's harms, too many for one slide. In Spanish too, whose words
    run longer: the file is made in the language of the page it came from."""
    with i18n.speaking(language):
        _nothing_runs_into_the_footer(load_catalogue(None, language), tmp_path)


def _nothing_runs_into_the_footer(catalogue: Catalogue, tmp_path: Path) -> None:
    soffice = require_tool("soffice", "libreoffice-impress")
    # The footer's first word: "Slide", "Diapositiva".
    first_word = i18n.gettext("Slide {number} of {count}.").split()[0]
    cards = [card.id for card in catalogue.deck.issue_cards]
    cards += [question.id for question in catalogue.check.questions]
    pages = file_pages(build_deck(catalogue, catalogue.options, cards), catalogue.options)
    assert any(page.part == HARMS and page.page_of for page in pages)
    split = [page for page in pages if page.page_of is not None and page.slide.card is not None]
    assert split, "the fullest cards take more than one slide"
    for card in {page.slide.card.id for page in split}:
        rows = [i for page in split if page.slide.card.id == card for i in page.rows]
        assert rows == list(range(len(catalogue.options))), "every option once, in order"
    (tmp_path / "deck.pptx").write_bytes(deck_file(catalogue, catalogue.options, cards, link=LINK))
    _draw_with_libreoffice(soffice, tmp_path)
    words = _words_by_page(tmp_path / "deck.pdf")
    slides = list(Presentation(tmp_path / "deck.pptx").slides)
    for page, slide, drawn in zip(pages, slides, words, strict=False):
        (footer,) = [
            shape.text_frame.text
            for shape in slide.shapes
            if shape.has_text_frame and shape.text_frame.text.startswith(f"{first_word} ")
        ]
        footer_top = min(top for top, _, text in drawn if text == first_word)
        # Everything from the footer's first line down is the footer's own words,
        # and nothing above it reaches into it.
        at_or_below = [text for top, _, text in drawn if top >= footer_top - 1]
        assert at_or_below == footer.split(), (page.title, at_or_below[:12])
        reaching = [text for top, bottom, text in drawn if top < footer_top - 1 < bottom - 2]
        assert not reaching, (page.title, reaching)
