"""The browser's own "Print > Save as PDF" of the Compare page shows the whole table."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser import ui
from tests.browser.conftest import open_app

pytestmark = pytest.mark.browser


def _squashed(text: str) -> str:
    # PDF text comes back with ligatures ("ﬀ") and line breaks where the
    # browser wrapped; compare the letters only.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_printing_compare_shows_every_cell_on_non_blank_pages(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    cells = page.locator(f"{ui.TABLE} th, {ui.TABLE} td").all_inner_texts()
    assert len(cells) == 8 * 6, "a heading row and five options, eight columns each"

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = [p.extract_text() for p in pdf.pages]

    printed = _squashed("".join(pages))
    cut_off = [cell[:60] for cell in cells if _squashed(cell) not in printed]
    assert cut_off == [], "cells missing from the printout"
    # A table that cannot split jumps to a fresh page and leaves one empty.
    blank = [number for number, text in enumerate(pages, start=1) if len(text.strip()) < 40]
    assert blank == []
    assert len(pages) <= 10
