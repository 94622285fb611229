"""Phones follow a presenter's room in Chromium, with one `streamlit run` process.

The same journey runs through HAProxy, two replicas and Redis in
tests/deploy/test_rooms_across_replicas.py; the benchmark times it.
"""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from components.announcer import REGION_ID
from components.presenting.clicker import BLACK_SAID, JOIN_SAID, SCREEN_ID
from components.presenting.room import not_following_words
from tests.browser import ui
from tests.browser.test_presenting import _projector_problems as projector_problems
from tests.browser.test_presenting import _scrolls as presenter_scrolls
from tests.helpers import every_core_busy
from tools.follow_along import TEN_MOVES, Room, shown_slide, wait_until_drawn
from treatments.address import LEAD, ROOM
from treatments.presenting.deck import build_deck, default_items
from treatments.schema import Catalogue

pytestmark = pytest.mark.browser


def follow_ten_moves(room: Room) -> None:
    """The presenter (and once the projector window) makes ten moves; after
    each, the other presenter window and every phone show the new slide."""
    for window, key in TEN_MOVES:
        slide, pressed = room.move(window, key)
        other = room.projector if window == "presenter" else room.presenter
        room.lags(slide, pressed, [other, *room.phones])


def join_by_typing_the_code(page: Page, url: str, code: str) -> None:
    """A person who cannot scan types the code, in lower case with a space."""
    page.goto(f"{url}/present")
    ui.wait_for_app(page)
    page.get_by_role("button", name="Room").click()
    page.get_by_role("textbox", name="Follow a presenter: type their room code").fill(
        f"{code[:2].lower()} {code[2:]}"
    )
    page.get_by_role("button", name="Follow the presenter").click()
    ui.wait_for_app(page)


def test_five_phones_follow_ten_moves_and_can_step_away(browser: Browser, app_url: str) -> None:
    room = Room.start(browser, app_url)
    try:
        presenter, projector = room.presenter, room.projector
        # The presenter's window has the notes, the next slide and the clock;
        # the projector window never has notes or controls.
        panel = ui.keyed(presenter, "presenter-panel")
        expect(panel).to_contain_text("Speaker note:")
        expect(panel).to_contain_text("Next:")
        # The next slide as a small picture: the next option, its picture of 100 too,
        # and the panel still fits beside the slide.
        preview = ui.keyed(presenter, "next-slide-frame")
        expect(preview).to_contain_text("Level 1 of 4")
        expect(preview.get_by_role("img").first).to_be_visible()
        # Its sources are cited on the slide itself: no tiny links to tab through.
        expect(preview.get_by_role("link")).to_have_count(0)
        assert not presenter_scrolls(presenter)
        expect(panel).to_contain_text(" min")
        expect(panel).to_contain_text(f"Room code {room.code}")
        expect(projector.get_by_text("Speaker note")).to_have_count(0)
        expect(projector.get_by_role("button", name="Next")).to_be_hidden()
        # The projected address bar shows the room's code, never its lead key.
        assert LEAD.name not in projector.url and room.lead_key not in projector.url

        # The projected title slide's code opens the room to follow, never
        # with the presenter's key.
        codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(projector.screenshot())))
        links = [code.text for code in codes]
        # It opens in the presenter's language; a phone can switch.
        assert links == [f"{app_url}/present?{ROOM.name}={room.code}&lang=en"]
        assert LEAD.name not in links[0]

        room.join(4)
        by_code = room.new_phone()
        join_by_typing_the_code(by_code, app_url, room.code)
        expect(by_code).to_have_url(f"{app_url}/present?{ROOM.name}={room.code}")
        room.phones.append(by_code)
        assert len(room.phones) == 5

        # The projector window in a room (its title slide carries the join
        # code): still no slide overflows at 720p.
        projector.keyboard.press("Home")
        for number in range(1, shown_slide(projector)[1] + 1):
            expect(projector.locator(ui.SLIDE)).to_contain_text(f"Slide {number} of")
            ui.wait_for_app(projector)
            assert projector_problems(projector) == [], number
            projector.keyboard.press("ArrowRight")
        projector.keyboard.press("Home")
        expect(presenter.locator(ui.SLIDE)).to_contain_text("Slide 1 of")
        room.settle(1)

        follow_ten_moves(room)
        for window in (presenter, projector, room.phones[1]):
            assert ui.axe_violations(window) == [], window.url

        # A phone is not offered the presenter's windows or their notes.
        phone = room.phones[1]
        for name in ("Presenter", "Projector"):
            expect(phone.get_by_role("button", name=name, exact=True)).to_have_count(0)
        phone.get_by_role("button", name="Slides and handout").click()
        expect(phone.get_by_text("Show speaker notes")).to_have_count(0)
        phone.keyboard.press("Escape")

        # A phone reading the bottom of a slide sees the top of the next one.
        below = phone.get_by_role("button", name="Next")
        below.scroll_into_view_if_needed()
        slide, pressed = room.move("presenter", "ArrowRight")
        room.lags(slide, pressed, room.phones)
        heading = phone.locator(ui.SLIDE).get_by_role("heading", level=1)
        expect(heading).to_be_in_viewport()
        expect(below).not_to_be_in_viewport()

        # One phone steps back from the bottom of its slide: it sees, at the
        # top of its screen, that it is not following and where the presenter
        # is, and hears it once. The room goes on without it until it asks.
        away = room.phones[0]
        at, _ = shown_slide(away)
        back = away.get_by_role("button", name="Previous")
        back.scroll_into_view_if_needed()
        back.click()
        ui.wait_for_app(away)
        notice = ui.keyed(away, "not-following")
        expect(notice).to_contain_text(f"The presenter is on slide {slide}.")
        expect(notice).to_be_in_viewport()
        slide, pressed = room.move("presenter", "ArrowRight")
        room.lags(slide, pressed, room.phones[1:])
        assert shown_slide(away)[0] == at - 1
        expect(notice).to_contain_text(f"The presenter is on slide {slide}.")
        expect(away.locator(f"#{REGION_ID}")).to_have_text(not_following_words(slide))
        assert ui.axe_violations(away) == []
        notice.get_by_role("button", name="Follow the presenter again").click()
        expect(away.locator(ui.SLIDE)).to_contain_text(f"Slide {slide} of")
        expect(away.locator(f"#{REGION_ID}")).to_have_text("")

        # The presenter ends the room: phones say so and keep their slide.
        presenter.get_by_role("button", name="Room").click()
        presenter.get_by_role("button", name="End the room").click()
        ui.wait_for_app(presenter)
        assert ROOM.name not in presenter.url
        expect(room.phones[1].get_by_text(f"There is no room {room.code} now")).to_be_visible(
            timeout=10_000
        )
        assert shown_slide(room.phones[1])[0] == slide
    finally:
        room.close()


def test_the_presenter_s_two_windows_stay_together_on_a_busy_machine(
    browser: Browser, app_url: str
) -> None:
    """Presses in either window, quicker than the server answers, with every
    core busy: each moves the deck one slide, in both windows and on a phone."""
    room = Room.start(browser, app_url)
    try:
        (phone,) = room.join(1)
        presenter, projector = room.presenter, room.projector
        start, _ = shown_slide(presenter)
        with every_core_busy():
            for window, key in (
                (presenter, "PageDown"),
                (projector, "PageDown"),
                (presenter, "ArrowRight"),
                (projector, "Space"),
                (projector, "ArrowLeft"),
                (presenter, "PageDown"),
            ):
                window.keyboard.press(key)
            # Six presses, one back: four on.
            for page in (presenter, projector, phone):
                expect(page.locator(ui.SLIDE)).to_contain_text(
                    f"Slide {start + 4} of", timeout=30_000
                )
            for page in (presenter, projector, phone):
                wait_until_drawn(page)
        for page in (presenter, projector, phone):
            assert shown_slide(page)[0] == start + 4, page.url

        # The presenter's window reloads: the projector window goes on with it.
        presenter.reload()
        wait_until_drawn(presenter)
        room.move("presenter", "PageDown")
        expect(projector.locator(ui.SLIDE)).to_contain_text(f"Slide {start + 5} of")
        room.move("projector", "PageUp")
        expect(presenter.locator(ui.SLIDE)).to_contain_text(f"Slide {start + 4} of")
        expect(phone.locator(ui.SLIDE)).to_contain_text(f"Slide {start + 4} of")
    finally:
        room.close()


def test_one_window_projecting_keeps_its_lead_key_off_the_screen(
    browser: Browser, app_url: str
) -> None:
    """A presenter with one window: the room started from the Room menu, then
    the projector view. Its address loses the lead key while it projects,
    and its keys still lead the room."""
    room = Room.start(browser, app_url)
    room.projector.close()
    try:
        solo = room.presenter
        solo.get_by_role("button", name="Leave the presenter view").click()
        wait_until_drawn(solo)
        assert f"{LEAD.name}=" in solo.url
        (phone,) = room.join(1)
        solo.keyboard.press("p")
        solo.wait_for_url(re.compile(r"[?&]view=projector"))
        wait_until_drawn(solo)
        assert LEAD.name not in solo.url and room.lead_key not in solo.url
        at, _ = shown_slide(solo)
        solo.keyboard.press("PageDown")
        expect(phone.locator(ui.SLIDE)).to_contain_text(f"Slide {at + 1} of", timeout=10_000)
        solo.keyboard.press("Escape")
        solo.keyboard.press("Enter")
        solo.wait_for_url(re.compile(rf"[?&]{LEAD.name}="))
        wait_until_drawn(solo)
        assert "view=projector" not in solo.url
    finally:
        room.close()


def _codes(page: Page) -> list[str]:
    """What a phone's camera reads off this window's screen."""
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(page.screenshot())))]


def test_the_room_s_screen_goes_black_or_shows_how_to_join_and_any_key_brings_the_slide_back(
    browser: Browser, app_url: str
) -> None:
    room = Room.start(browser, app_url)
    try:
        presenter, projector = room.presenter, room.projector
        (phone,) = room.join(1)
        for _ in range(5):
            room.move("presenter", "PageDown")
        at, _ = shown_slide(presenter)
        assert at == 6
        # In the presenter's language; a phone can switch.
        join_link = f"{app_url}/present?{ROOM.name}={room.code}&lang=en"

        # A latecomer scans the corner of slide 6 and lands on it.
        assert _codes(projector) == [join_link]
        expect(ui.keyed(projector, "room-corner")).to_contain_text(f"Join: {room.code}")
        (late,) = room.join(1)
        expect(late.locator(ui.SLIDE)).to_contain_text("Slide 6 of")

        # B: the projector goes black; the presenter's window keeps her
        # notes and says what the room sees; nothing moves.
        screen = f"#{SCREEN_ID}"
        presenter.keyboard.press("b")
        expect(projector.locator(screen)).to_have_attribute("data-screen", "black")
        colours = Image.open(io.BytesIO(projector.screenshot())).convert("L").getextrema()
        assert colours == (0, 0), "the whole projected screen is black"
        expect(presenter.locator(screen)).to_have_text(BLACK_SAID)
        expect(ui.keyed(presenter, "presenter-notes")).to_be_visible()
        # Any key brings the slide back and moves nothing, here or on a phone.
        presenter.keyboard.press("ArrowRight")
        expect(projector.locator(screen)).to_have_count(0)
        expect(presenter.locator(screen)).to_have_count(0)

        # J: how to join, large, from the projector's own keys this time.
        projector.keyboard.press("j")
        expect(projector.locator(screen)).to_contain_text(f"Room code: {room.code}")
        expect(presenter.locator(screen)).to_have_text(JOIN_SAID)
        assert _codes(projector) == [join_link]
        assert ui.axe_violations(projector) == []
        projector.keyboard.press("Escape")
        expect(projector.locator(screen)).to_have_count(0)
        expect(presenter.locator(screen)).to_have_count(0)
        assert "view=projector" in projector.url, "Esc only brought the slide back"

        page_down_moves_again = room.move("presenter", "PageDown")
        assert page_down_moves_again[0] == 7
        for page in (presenter, projector, phone, late):
            expect(page.locator(ui.SLIDE)).to_contain_text("Slide 7 of")
        for page in (phone, late):
            expect(page.locator(screen)).to_have_count(0)
        assert [shown_slide(page)[0] for page in (presenter, projector)] == [7, 7]
    finally:
        room.close()


def test_five_phones_answer_the_room_s_question_and_the_projector_shows_the_tally(
    browser: Browser, app_url: str, catalogue: Catalogue
) -> None:
    slides = build_deck(catalogue, catalogue.options, default_items(catalogue))
    asked = next(n for n, s in enumerate(slides, 1) if s.kind == "check")
    question = slides[asked - 1].question
    assert question is not None and not question.choices, "the deck's question is yes or no"
    room = Room.start(browser, app_url)
    try:
        presenter, projector = room.presenter, room.projector
        phones = room.join(5)
        # End, then back to the question: the share slide is last, and the
        # question's answer, how people choose and the questions come between.
        room.move("presenter", "End")
        for _ in range(len(slides) - asked):
            room.move("presenter", "PageUp")
        for page in (projector, *phones):
            expect(page.locator(ui.SLIDE)).to_contain_text(f"Slide {asked} of {len(slides)}")
        expect(ui.keyed(projector, "room-answered")).to_contain_text("0 people answered so far.")
        # The presenter's windows do not answer; each phone does, once.
        expect(ui.keyed(projector, "room-answer")).to_have_count(0)
        expect(ui.keyed(presenter, "room-answer")).to_have_count(0)
        for number, phone in enumerate(phones):
            choice = "Yes" if number < 3 else "No"
            ui.keyed(phone, "room-answer").get_by_text(choice, exact=True).click()
            expect(ui.keyed(phone, "room-answer")).to_contain_text(f"Your answer is in: {choice}.")
        # One phone changes its mind: its one count moves.
        ui.keyed(phones[4], "room-answer").get_by_text("Yes", exact=True).click()
        expect(ui.keyed(phones[4], "room-answer")).to_contain_text("Your answer is in: Yes.")
        expect(ui.keyed(projector, "room-answered")).to_contain_text("5 people answered so far.")
        assert "Yes" not in ui.keyed(projector, "room-answered").inner_text(), "no tally yet"

        # The answer's slide: the room's answers as people, and in words.
        room.move("presenter", "PageDown")
        tally = ui.keyed(projector, "room-tally")
        expect(tally).to_contain_text("How the room answered: 5 people")
        expect(tally).to_contain_text("Yes, the right answer: 4 people.")
        expect(tally).to_contain_text("No: 1 person.")
        picture = tally.get_by_role("img")
        expect(picture).to_have_attribute(
            "alt",
            "5 people in the room answered. Yes, the right answer: 4 people. No: 1 person.",
        )
        assert projector_problems(projector) == []
        assert ui.axe_violations(projector) == []
        # A phone sees the room's answers too, and the fact the answer rests on.
        expect(ui.keyed(phones[0], "room-tally")).to_contain_text("Yes, the right answer: 4")
        expect(phones[0].locator(ui.SLIDE)).to_contain_text("The fact (Watch and wait:")
        assert ui.axe_violations(phones[0]) == []
    finally:
        room.close()
