"""A whole journey with the keyboard only: Tab, Shift+Tab, Space, Enter, arrows.

No mouse click anywhere in this file. Each control it uses must show a focus
ring a person can see.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from components.announcer import REGION_ID
from components.comparison import SKIP_TO_SIDE_BY_SIDE
from components.filters import FILTERS_LABEL
from tests.browser import ui
from tests.helpers import pdf_text
from treatments.schema import Catalogue
from views import registry

pytestmark = pytest.mark.browser

# A 3 px ring around even a small control changes a few hundred pixels.
RING = 150


def _focus_is_visible(page: Page) -> None:
    changed = ui.focus_ring_pixels(page)
    assert changed >= RING, f"focus on {ui.focused_name(page)!r} barely shows ({changed} px)"


def _go_to(page: Page, link: str) -> None:
    """Back up to the menu bar with Shift+Tab and open a page with Enter."""
    ui.tab_to(page, link, backwards=True)
    _focus_is_visible(page)
    page.keyboard.press("Enter")
    ui.wait_for_app(page)


def test_a_patient_gets_from_compare_to_a_printout_by_keyboard(
    page: Page, app_url: str, catalogue: Catalogue
) -> None:
    ui.open_app(page, app_url)

    # Compare: unfold the filters with Enter, then a filter by Tab and Space.
    ui.tab_to(page, FILTERS_LABEL)
    _focus_is_visible(page)
    page.keyboard.press("Enter")
    ui.filters_are_open(page)
    ui.tab_to(page, "No general anaesthetic")
    _focus_is_visible(page)
    page.keyboard.press("Space")
    ui.wait_for_app(page)
    expect(ui.table_rows(page)).to_have_count(4)
    expect(page).to_have_url(re.compile(r"no_general=true"))
    # Must not happen: the rerun throws focus back to the top of the page.
    assert ui.focused_name(page) == "No general anaesthetic"

    # What matters: pick "A lot" with Space and the arrow keys.
    _go_to(page, "What matters to me")
    expect(page).to_have_url(re.compile(re.escape(registry.BY_KEY["matters"].path) + "$"))
    ui.tab_to(page, "Not at all")
    _focus_is_visible(page)
    page.keyboard.press("Space")
    ui.wait_for_app(page)
    page.keyboard.press("ArrowRight")
    ui.wait_for_app(page)
    page.keyboard.press("ArrowRight")
    ui.wait_for_app(page)
    first = catalogue.priorities[0].label
    group = page.get_by_role("radiogroup", name=first)
    expect(group.get_by_role("radio", name="A lot")).to_be_checked()
    expect(ui.table_rows(page).first).to_contain_text(f"{first} (a lot)")

    # Questions: tick one, type a note, make and download the printout.
    _go_to(page, "Questions for my visit")
    question = catalogue.questions.items[0]
    ui.tab_to(page, question)
    _focus_is_visible(page)
    page.keyboard.press("Space")
    ui.wait_for_app(page)
    ui.tab_to(page, "Your own questions and notes")
    _focus_is_visible(page)
    page.keyboard.type("Typed with the keyboard only.")
    ui.tab_to(page, "Make my printout")
    ui.wait_for_app(page)
    _focus_is_visible(page)
    page.keyboard.press("Enter")
    ui.wait_for_app(page)
    ui.tab_to(page, "Download my printout (PDF)")
    _focus_is_visible(page)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = pdf_text(download.value.path().read_bytes())
    assert f"A lot: {first}." in text
    assert question in text
    assert "Typed with the keyboard only." in text


def test_an_educator_moves_through_slides_by_keyboard(page: Page, app_url: str) -> None:
    ui.open_app(page, f"{app_url}/present")
    ui.tab_to(page, "Next")
    _focus_is_visible(page)
    page.keyboard.press("Enter")
    ui.wait_for_app(page)
    expect(page).to_have_url(re.compile(r"slide=2"))
    expect(page.locator(ui.SLIDE)).to_contain_text("Slide 2 of")
    page.keyboard.press("Enter")
    ui.wait_for_app(page)
    expect(page).to_have_url(re.compile(r"slide=3"))
    ui.tab_to(page, "Previous", backwards=True)
    page.keyboard.press("Enter")
    ui.wait_for_app(page)
    expect(page).to_have_url(re.compile(r"slide=2"))


def test_a_keyboard_skips_the_sources_to_the_side_by_side_picker(page: Page, app_url: str) -> None:
    """Keyboard: it took 123 Tab presses from the filters to the picker, nearly
    all on source links named "[1]", "[8]"; one link skips them."""
    ui.open_app(page, app_url)
    presses = ui.tab_to(page, FILTERS_LABEL)
    presses += ui.tab_to(page, SKIP_TO_SIDE_BY_SIDE)
    page.keyboard.press("Enter")
    presses += 1 + ui.tab_to(page, "Pick 2 to 4 options to see every detail side by side")
    assert presses < 30, presses


def test_a_screen_reader_hears_the_count_change_and_clear_all_keeps_focus(
    page: Page, app_url: str
) -> None:
    """Keyboard and screen reader: "Showing 4 of 5 options" was never announced,
    and "Clear all filters" dropped the focus to the page's body."""
    ui.open_app(page, app_url)
    # A polite status region, silent on arrival: the page shows the count.
    status = page.locator(f"#{REGION_ID}")
    expect(status).to_have_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")

    ui.tab_to(page, FILTERS_LABEL)
    page.keyboard.press("Enter")
    ui.filters_are_open(page)
    ui.tab_to(page, "No general anaesthetic")
    page.keyboard.press("Space")
    ui.wait_for_app(page)
    expect(status).to_have_text("Showing 4 of 5 options. 1 filter is on: No general anaesthetic.")

    ui.tab_to(page, "Clear all filters", backwards=True)
    page.keyboard.press("Enter")
    ui.wait_for_app(page)
    expect(status).to_have_text("Showing 5 of 5 options. No filters are on.")
    # The button is gone with the filters it cleared; focus is on their fold.
    expect(page.get_by_role("button", name="Clear all filters")).to_have_count(0)
    expect(page.locator(".st-key-filters summary")).to_be_focused()
    assert ui.focused_name(page) == FILTERS_LABEL
