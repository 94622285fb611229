"""The browser's own "Print > Save as PDF" of the Compare page: every fact, each
option named on every page it runs onto, in at most eight A4 pages."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from components.comparison import IN_FULL, SHORT_ANSWERS, details_label
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


def test_printing_compare_names_every_option_on_each_page_it_runs_onto(
    page: Page, app_url: str, catalogue: Catalogue
) -> None:
    """Patients: printing Compare gave 13 pages, and a row that ran on to the
    next page did not say which option it was. Now each option's facts flow in
    columns under its name, which the browser repeats on every page."""
    ui.open_app(page, app_url)
    by_id = {option.id: option for option in catalogue.options}
    folds = {
        option.id: page.locator(f"[class*='st-key-{IN_FULL}-compare-{option.id}'] td").evaluate(
            "cell => cell.textContent"
        )
        for option in catalogue.options
    }
    # The page's own CSS sets the paper: A4, landscape.
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    width, height = pdf.pages[0].mediabox.width, pdf.pages[0].mediabox.height
    assert width > height, "landscape"
    pages = [p.extract_text() for p in pdf.pages]
    assert len(pages) <= 8, len(pages)
    # A block that cannot split jumps to a fresh page and leaves one empty.
    blank = [number for number, text in enumerate(pages, start=1) if len(text.strip()) < 40]
    assert blank == []
    # Every word of every option's facts, caveats and sources is on paper.
    printed_words = set(_words("\n".join(pages)))
    for key, fold in folds.items():
        assert set(_words(fold)) <= printed_words, key
    # A page that holds a sentence only one option's facts say names that option.
    # (A picture of 100 under it names the option by its short name.)
    said = {}
    for key, fold in folds.items():
        elsewhere = _squashed(
            " ".join(other for other_key, other in folds.items() if other_key != key)
        )
        sentences = {_squashed(s) for s in re.split(r"(?<=[.?!])\s+", fold) if len(s.split()) >= 6}
        said[key] = {sentence for sentence in sentences if sentence not in elsewhere}
        assert len(said[key]) >= 5, key
    for number, text in enumerate(pages, start=1):
        on_page = _squashed(text)
        for key, sentences in said.items():
            if any(sentence in on_page for sentence in sentences):
                names = (_squashed(by_id[key].name), _squashed(by_id[key].short_name))
                assert any(name in on_page for name in names), (number, key)
    # The controls and the screen's hints mean nothing on paper.
    printed = _squashed("".join(pages))
    assert _squashed(FILTERS_LABEL) not in printed
    assert _squashed("copy the web address") not in printed
    assert _squashed(details_label(catalogue.options[0])) not in printed


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
    expect(card.locator(SHORT_ANSWERS)).to_be_hidden()
    page.emulate_media(media="screen")
    expect(card.locator(SHORT_ANSWERS)).to_be_visible()


def test_printing_from_a_dark_mode_screen_prints_dark_words(browser: Browser, app_url: str) -> None:
    """The dark theme's light words would not show on white paper."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme="dark")
    try:
        page = context.new_page()
        ui.open_app(page, app_url)
        heading = page.get_by_role("heading", name="Options that fit (5 of 5)")
        assert heading.evaluate("e => getComputedStyle(e).color") == "rgb(242, 242, 242)"
        page.emulate_media(media="print")
        words = ", ".join(f".stApp {tag}" for tag in ("p", "li", "h1", "h2", "h3", "td", "th"))
        colours = page.locator(words).evaluate_all(
            """all => all.filter(e => e.getBoundingClientRect().height > 0)
                .map(e => getComputedStyle(e).color)"""
        )
        assert len(colours) > 50
        assert set(colours) <= {"rgb(26, 26, 26)", "rgb(11, 79, 138)"}, set(colours)
    finally:
        context.close()
