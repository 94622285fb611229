"""axe-core on every page (WCAG 2.x A and AA rules)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import ui
from treatments.loader import load_catalogue
from treatments.presenting.deck import build_deck, default_items
from views import registry

pytestmark = pytest.mark.browser

_CATALOGUE = load_catalogue()
_SLIDES = build_deck(_CATALOGUE, _CATALOGUE.options, default_items(_CATALOGUE))
# The first slide of each kind that draws something of its own, by its number.
_FIRST = {kind: 1 + [s.kind for s in _SLIDES].index(kind) for kind in ("option", "harms", "issue")}
_PRESENT = registry.BY_KEY["present"].path

# Every page in the registry, and the states of a page that draw other things.
PAGES = {
    **{page.key: page.path for page in registry.PAGES},
    "compare-side-by-side": "/?side_by_side=Injections&side_by_side=Tablets",
    **{f"present-{kind}": f"{_PRESENT}?slide={number}" for kind, number in _FIRST.items()},
    **{
        f"present-projector-{kind}": f"{_PRESENT}?slide={number}&view=projector"
        for kind, number in _FIRST.items()
    },
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(page: Page, app_url: str, path: str) -> None:
    ui.open_app(page, f"{app_url}{path}")
    assert ui.axe_violations(page) == []


# A phone or laptop in dark mode: Streamlit's dark theme (config.toml), with
# the page's own colours (app.css) and the pictures checked in it too.
DARK = {
    key: PAGES[key]
    for key in ("compare", "compare-side-by-side", "matters", "questions", "present-option")
}


@pytest.mark.parametrize("width", [1366, 360], ids=lambda w: f"{w}px")
@pytest.mark.parametrize("path", DARK.values(), ids=DARK.keys())
def test_dark_mode_follows_the_device_and_passes_axe(
    browser: Browser, app_url: str, path: str, width: int
) -> None:
    """Patients: dark mode was ignored; a dark-mode phone showed a white page."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme="dark")
    try:
        page = context.new_page()
        ui.open_app(page, f"{app_url}{path}")
        background = page.evaluate(
            "() => getComputedStyle(document.querySelector('.stApp')).backgroundColor"
        )
        assert background == "rgb(18, 20, 23)", "the dark theme's background"
        assert ui.axe_violations(page) == []
    finally:
        context.close()


def test_every_page_has_its_own_title(page: Page, app_url: str) -> None:
    """Keyboard and screen reader: every page had the same title, so a tab, a
    bookmark and a screen reader's first words could not tell them apart."""
    titles = []
    for entry in registry.PAGES:
        ui.open_app(page, f"{app_url}{entry.path}")
        page.wait_for_function("t => document.title.startsWith(t)", arg=entry.title)
        titles.append(page.title())
    assert len(set(titles)) == len(registry.PAGES), titles
    assert all(title.endswith(": hemifacial spasm") for title in titles), titles
