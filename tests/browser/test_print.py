"""The browser's own "Print > Save as PDF" of the Compare page shows the whole table."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from components.comparison import IN_SHORT, details_label
from components.filters import FILTERS_LABEL
from tests.browser import ui
from tests.helpers import pdf_text
from treatments.schema import Catalogue

pytestmark = pytest.mark.browser


def _squashed(text: str) -> str:
    # PDF text comes back with ligatures ("ﬀ") and line breaks where the
    # browser wrapped; compare the letters only.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text))


def test_printing_compare_shows_every_cell_on_non_blank_pages(page: Page, app_url: str) -> None:
    ui.open_app(page, app_url)
    # What a sighted reader sees of each cell: without the option's name that
    # is there for screen readers only (a code span app.css hides).
    cells = page.locator(f"{ui.TABLE} th, {ui.TABLE} td").evaluate_all(
        """cells => cells.map(cell => {
            const seen = cell.cloneNode(true);
            seen.querySelectorAll("code").forEach(spoken => spoken.remove());
            return seen.textContent;
        })"""
    )
    assert len(cells) == 8 * 6, "a heading row and five options, eight columns each"

    # The page's own CSS sets the paper: A4, landscape.
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    width, height = pdf.pages[0].mediabox.width, pdf.pages[0].mediabox.height
    assert width > height, "landscape, so eight columns have room"
    pages = [p.extract_text() for p in pdf.pages]

    printed = _squashed("".join(pages))
    # A row may now run on to the next page, so a cell's text can come back in
    # two parts: every word of every cell must be on paper.
    printed_words = set(_words("\n".join(pages)))
    cut_off = [cell[:60] for cell in cells if not set(_words(cell)) <= printed_words]
    assert cut_off == [], "cells missing from the printout"
    # A table that cannot split jumps to a fresh page and leaves one empty.
    blank = [number for number, text in enumerate(pages, start=1) if len(text.strip()) < 40]
    assert blank == []
    # The controls mean nothing on paper.
    assert _squashed(FILTERS_LABEL) not in printed
    # The comparison takes the pages its rows need, its headings on each one:
    # 9 A4 pages with every harm and what it counts (5 before the second
    # evidence re-read added them; 8 half-empty ones when rows could not split).
    heading = _squashed("OptionHow invasive")
    table_pages = [text for text in pages if heading in _squashed(text)]
    assert 1 <= len(table_pages) <= 9
    assert set(_words(cells[-1])) <= set(_words("\n".join(table_pages))), "the last row too"


def test_a_printed_card_holds_what_its_fold_holds(
    page: Page, app_url: str, catalogue: Catalogue
) -> None:
    """Patients: the details folded under a tap on screen are on paper, each
    said once, and the fold's label, which no one can tap there, is not."""
    injections, surgery = catalogue.options[0], catalogue.options[2]
    ui.open_app(page, f"{app_url}?side_by_side={injections.short_name}&side_by_side=Brain+surgery")
    card = ui.keyed(page, f"card-{injections.id}")
    # On screen the fold is closed: a detail of the shots' work and driving.
    detail = card.get_by_text("Ask your doctor about driving if your eyelid droops")
    expect(detail).to_be_hidden()
    page.emulate_media(media="print")
    expect(detail).to_be_visible()
    printed = _squashed(pdf_text(page.pdf(prefer_css_page_size=True)))
    assert _squashed("Ask your doctor about driving if your eyelid droops") in printed
    for option in (injections, surgery):
        assert _squashed(details_label(option)) not in printed
    # The short answers, which the fold's lines start with, are not printed
    # a second time above it.
    expect(card.locator(f"[class*='st-key-{IN_SHORT}-']")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(card.locator(f"[class*='st-key-{IN_SHORT}-']")).to_be_visible()
