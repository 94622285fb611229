"""An educator presents on a projector: large type, no scrolling, links that reopen a slide."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from components.picture import LEGEND
from tests.browser import ui
from tests.helpers import every_core_busy
from treatments import i18n
from treatments.loader import load_catalogue
from treatments.presenting.deck import FIT_STEPS, build_deck, default_items
from treatments.schema import Catalogue

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1366, "height": 768}
# The default deck: title, five options with their harms, three issue cards, choosing,
# questions, sharing.
_CATALOGUE = load_catalogue()
DEFAULT_SLIDES = len(build_deck(_CATALOGUE, _CATALOGUE.options, default_items(_CATALOGUE)))


def _body_font_px(page: Page) -> float:
    return page.locator(f"{ui.SLIDE} p").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )


def _scrolls(page: Page) -> bool:
    """True if anything on the page can scroll: Streamlit scrolls inside its own app view."""
    return page.evaluate(
        """() => [document.scrollingElement, ...document.querySelectorAll('*')].some(
            e => e && e.scrollHeight > e.clientHeight + 2 &&
                 ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))"""
    )


def test_educator_presents_moves_and_reloads_the_slide(
    page: Page, app_url: str, catalogue: Catalogue
) -> None:
    page.set_viewport_size(PROJECTOR)
    ui.open_app(page, f"{app_url}/present")
    expect(page.get_by_role("heading", level=1)).to_have_text(catalogue.meta.title)
    assert _body_font_px(page) >= 24

    # Surgery's harms are the fullest slide: each option's slide and its
    # harms come after the title, and surgery's side effects take a slide.
    surgery = catalogue.options[2]
    slides = build_deck(catalogue, catalogue.options, default_items(catalogue))
    fullest = 1 + next(i for i, s in enumerate(slides) if s.kind == "harms" and s.option == surgery)
    for _ in range(fullest - 1):
        page.get_by_role("button", name="Next").click()
        ui.wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"[?&]slide={fullest}(&|$)"))
    expect(page.get_by_role("heading", level=1)).to_have_text(slides[fullest - 1].title)
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide {fullest} of {DEFAULT_SLIDES}.")
    heading_px = page.get_by_role("heading", level=1).evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    # Its type is smaller, so that its harms fit, controls and all.
    assert heading_px > _body_font_px(page) >= 15
    assert not _scrolls(page)
    expect(page.get_by_role("button", name="Next")).to_be_in_viewport()

    page.get_by_role("button", name="Previous").click()
    ui.wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"[?&]slide={fullest - 1}(&|$)"))

    # The link opens the same slide for the room, and after a reload.
    shared = page.url
    other = page.context.new_page()
    other.set_viewport_size(PROJECTOR)
    ui.open_app(other, shared)
    expect(other.get_by_role("heading", level=1)).to_have_text(surgery.name)
    other.reload()
    ui.wait_for_app(other)
    expect(other.get_by_role("heading", level=1)).to_have_text(surgery.name)
    expect(other.locator(ui.EXCEPTION)).to_have_count(0)


def _projector_problems(page: Page) -> list[str]:
    """What the room would see go wrong: scrolling, text under the footer, app controls."""
    problems = []
    if _scrolls(page):
        problems.append("scrolls")
    box = page.locator(ui.SLIDE).evaluate(
        """frame => {
            const footer = [...frame.querySelectorAll('[data-testid="stCaptionContainer"]')].pop();
            // In a room, how to join sits beside the footer, in its row.
            const corner = frame.querySelector('.st-key-room-corner');
            const top = Math.min(footer.getBoundingClientRect().top,
                                 corner ? corner.getBoundingClientRect().top : Infinity);
            const above = [...frame.querySelectorAll('p, li, td, svg, canvas, img, h1')]
                .filter(e => !footer.contains(e) && !(corner && corner.contains(e)))
                .map(e => e.getBoundingClientRect().bottom);
            return {footerTop: top, footerBottom: footer.getBoundingClientRect().bottom,
                    contentBottom: Math.max(...above), height: window.innerHeight};
        }"""
    )
    if box["contentBottom"] > box["footerTop"] + 1:
        problems.append(
            f"content runs {box['contentBottom'] - box['footerTop']:.0f} px into the footer"
        )
    if box["footerBottom"] > box["height"] + 1:
        problems.append("the footer is below the screen")
    for name, locator in (
        ("menu", page.locator(ui.HEADER)),
        ("Next button", page.get_by_role("button", name="Next")),
        ("settings", page.get_by_role("button", name="Slides and handout")),
        ("chart toolbar", page.locator("[data-testid='stElementToolbar']")),
    ):
        if locator.count() and locator.first.is_visible():
            problems.append(f"{name} shows")
    return problems


def _type_problems(page: Page, width: int) -> list[str]:
    """Body type legible from the back of a room: 24 px or more at 1280 x 720,
    growing with the screen; and a slide whose type is at the smallest step
    leaves no quarter of the screen empty (it could have had larger type)."""
    found = page.locator(ui.SLIDE).evaluate(
        """frame => {
            const body = [...frame.querySelectorAll('p, li, td, th')].filter(e =>
                !e.closest('[data-testid="stCaptionContainer"], .st-key-room-corner') &&
                e.textContent.trim());
            const footer = [...frame.querySelectorAll('[data-testid="stCaptionContainer"]')].pop();
            return {smallest: Math.min(...body.map(e => parseFloat(getComputedStyle(e).fontSize))),
                    // The footer follows the slide's words: below it, the screen is empty.
                    gap: window.innerHeight - footer.getBoundingClientRect().bottom,
                    height: window.innerHeight,
                    last: !!frame.querySelector(FIT_LAST)};
        }""".replace("FIT_LAST", repr(f".st-key-slide-fit-{len(FIT_STEPS) - 1}"))
    )
    problems = []
    if found["smallest"] < 24 * width / 1280 - 0.5:
        problems.append(f"body type {found['smallest']:.1f} px")
    if found["last"] and found["gap"] > found["height"] / 4:
        problems.append(
            f"smallest type with {found['gap'] / found['height']:.0%} of the screen empty"
        )
    return problems


def _picture_problems(page: Page, width: int) -> list[str]:
    """The pictures of 100 on an option slide: legends in the slide's body type, and
    the picture growing with the screen, so both read from the back of a room."""
    pictures = page.evaluate(
        """legend => [...document.querySelectorAll('[class*="st-key-slide-picture-"]')].map(p => ({
            legend: [...p.querySelectorAll(legend + " p")]
                .map(e => parseFloat(getComputedStyle(e).fontSize)),
            marks: [...p.querySelectorAll(legend + " p")]
                .map(e => getComputedStyle(e, '::before'))
                .map(m => m.content === 'none' ? null : m.color),
            picture: p.querySelector('img').getBoundingClientRect().width}))""",
        LEGEND,
    )
    body = _body_font_px(page)
    problems = []
    for picture in pictures:
        if len(picture["legend"]) < 2 or min(picture["legend"]) < body - 0.5:
            problems.append(f"legend type {picture['legend']} px, body {body:.1f} px")
        # Each line is marked with its group's shape, each group in its own colour.
        if None in picture["marks"] or len(set(picture["marks"])) != len(picture["marks"]):
            problems.append(f"legend marks {picture['marks']}")
        # 13 units of a 16:9 screen: 166 px at 1280 wide, 250 px at 1920.
        if abs(picture["picture"] - 0.13 * width) > 2:
            problems.append(f"picture {picture['picture']:.0f} px wide")
    return problems


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["720p", "1080p"])
def test_the_projector_view_shows_each_slide_alone_whole_and_in_large_type(
    page: Page, app_url: str, size: tuple[int, int], language: str
) -> None:
    """The full deck, every issue card and every question for the room in it:
    nothing overflows, type grows with the screen, in English and in Spanish's
    longer words."""
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    catalogue = load_catalogue(None, language)
    assert catalogue.check is not None
    asked = catalogue.check.questions
    # The address names cards and questions by their words in the page's language.
    cards = [("deck_cards", card.question) for card in catalogue.deck.issue_cards]
    cards += [("deck_checks", question.question) for question in asked]
    cards.append(("lang", language))
    with i18n.speaking(language):
        slides = build_deck(
            catalogue,
            catalogue.options,
            [*(c.id for c in catalogue.deck.issue_cards), *(q.id for q in asked)],
        )
    found = {}
    for number in range(1, len(slides) + 1):
        query = urlencode([*cards, ("slide", number), ("view", "projector")])
        ui.open_app(page, f"{app_url}/present?{query}")
        expect(page.get_by_role("heading", level=1)).to_have_text(slides[number - 1].title)
        problems = _projector_problems(page) + _type_problems(page, width)
        if slides[number - 1].kind == "option":
            problems += _picture_problems(page, width)
        if problems:
            found[number] = problems
    assert found == {}
    # The title slide's type, at full size: it grows with the screen.
    ui.open_app(page, f"{app_url}/present?view=projector&lang={language}")
    assert _body_font_px(page) >= 28 * width / 1280 - 0.5


def test_one_key_opens_the_projector_view_and_leaving_takes_two(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    ui.open_app(page, f"{app_url}/present?slide=2")
    # Speaker notes are on, for the presenter's own screen...
    page.get_by_role("button", name="Slides and handout").click()
    page.get_by_text("Show speaker notes").click()
    ui.wait_for_app(page)
    page.keyboard.press("Escape")  # closes the settings
    expect(page.get_by_text("Speaker note:")).to_be_visible()

    page.keyboard.press("p")
    ui.wait_for_app(page)
    expect(page).to_have_url(re.compile(r"[?&]view=projector(&|$)"))
    # ...and never in the projector view.
    expect(page.get_by_text("Speaker note:")).to_have_count(0)
    assert _projector_problems(page) == []
    # A clicker still moves the slides.
    page.keyboard.press("PageDown")
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide 3 of {DEFAULT_SLIDES}.")
    page.keyboard.press("ArrowLeft")
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide 2 of {DEFAULT_SLIDES}.")

    # Esc (a habit, or a clicker's "stop") asks nothing of the room: the
    # slide stays, and the way out takes the focus, for a second press.
    page.keyboard.press("Escape")
    leave = page.get_by_role("button", name="Leave the projector view")
    expect(leave).to_be_focused()
    expect(page).to_have_url(re.compile(r"[?&]view=projector(&|$)"))
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide 2 of {DEFAULT_SLIDES}.")
    page.keyboard.press("Enter")
    ui.wait_for_app(page)
    expect(page).not_to_have_url(re.compile(r"view=projector"))
    # The way out by pointer: a button in the corner, out of the room's sight
    # until the pointer reaches it.
    page.get_by_role("button", name=re.compile(r"^Projector")).click()
    ui.wait_for_app(page)
    leave = page.get_by_role("button", name="Leave the projector view")
    assert (
        leave.evaluate("e => getComputedStyle(e.closest('.st-key-leave-projector')).opacity") == "0"
    )
    leave.hover()
    expect(leave).to_be_visible()
    assert (
        leave.evaluate("e => getComputedStyle(e.closest('.st-key-leave-projector')).opacity") == "1"
    )
    leave.click()
    ui.wait_for_app(page)
    expect(page).not_to_have_url(re.compile(r"view=projector"))
    expect(page.get_by_role("button", name="Next")).to_be_visible()
    expect(page.get_by_text("Speaker note:")).to_be_visible()
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide 2 of {DEFAULT_SLIDES}.")


@pytest.mark.parametrize("slide", range(1, DEFAULT_SLIDES + 1))
def test_no_slide_scrolls_or_hides_under_the_menu(page: Page, app_url: str, slide: int) -> None:
    page.set_viewport_size(PROJECTOR)
    ui.open_app(page, f"{app_url}/present?slide={slide}")
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide {slide} of {DEFAULT_SLIDES}.")
    assert not _scrolls(page)
    menu = page.locator(ui.HEADER).bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert menu and heading and heading["y"] >= menu["y"] + menu["height"]


def test_a_clicker_s_keys_move_the_slides(page: Page, app_url: str) -> None:
    """Clickers send the arrow keys, Page Down and Page Up (some send Space)."""
    page.set_viewport_size(PROJECTOR)
    ui.open_app(page, f"{app_url}/present")
    moves = [
        ("ArrowRight", 2),
        ("ArrowRight", 3),
        ("ArrowLeft", 2),
        ("PageDown", 3),
        ("Space", 4),
        ("PageUp", 3),
        ("End", DEFAULT_SLIDES),
        ("Home", 1),
    ]
    for key, number in moves:
        page.keyboard.press(key)
        expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide {number} of {DEFAULT_SLIDES}.")
        # Slide 1 is the default, which the address leaves out.
        if number > 1:
            expect(page).to_have_url(re.compile(rf"[?&]slide={number}(&|$)"))
    # Space on a focused button presses the button, and only the button.
    page.get_by_role("button", name="Next").click()
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide 2 of {DEFAULT_SLIDES}.")
    ui.wait_for_app(page)
    expect(page.get_by_role("button", name="Next")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide 3 of {DEFAULT_SLIDES}.")
    ui.wait_for_app(page)
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide 3 of {DEFAULT_SLIDES}.")


def test_every_press_moves_exactly_one_slide_on_a_busy_machine(page: Page, app_url: str) -> None:
    """Presses quicker than the server answers, with every core busy: each
    still moves one slide, none is lost to another and none is applied twice."""
    page.set_viewport_size(PROJECTOR)
    ui.open_app(page, f"{app_url}/present?slide=2&view=projector")
    with every_core_busy():
        for key in ("PageDown", "PageDown", "ArrowRight", "ArrowLeft", "Space", "PageDown"):
            page.keyboard.press(key)
        # Six presses, one back: four on from slide 2.
        expect(page.locator(ui.SLIDE)).to_contain_text(
            f"Slide 6 of {DEFAULT_SLIDES}.", timeout=30_000
        )
        expect(page).to_have_url(re.compile(r"[?&]slide=6(&|$)"), timeout=30_000)
        ui.wait_for_app(page)
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide 6 of {DEFAULT_SLIDES}.")


def test_a_slide_number_past_the_end_opens_the_last_slide_and_says_so(
    page: Page, app_url: str
) -> None:
    page.set_viewport_size(PROJECTOR)
    ui.open_app(page, f"{app_url}/present?slide=99")
    expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide {DEFAULT_SLIDES} of {DEFAULT_SLIDES}.")
    expect(page.get_by_text("There is no slide 99.")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"[?&]slide={DEFAULT_SLIDES}(&|$)"))
