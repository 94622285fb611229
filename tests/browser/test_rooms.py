"""Phones follow a presenter's room in Chromium, with one `streamlit run` process.

The same journey runs through HAProxy, two replicas and Redis in
tests/deploy/test_rooms_across_replicas.py; the benchmark times it.
"""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.browser import ui
from tests.browser.test_presenting import _projector_problems as projector_problems
from tools.follow_along import TEN_MOVES, Room, shown_slide
from treatments.address import LEAD, ROOM

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
        expect(panel).to_contain_text(" min")
        expect(panel).to_contain_text(f"Room code {room.code}")
        expect(projector.get_by_text("Speaker note")).to_have_count(0)
        expect(projector.get_by_role("button", name="Next")).to_be_hidden()

        # The projected title slide's code opens the room to follow, never
        # with the presenter's key.
        codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(projector.screenshot())))
        links = [code.text for code in codes]
        assert links == [f"{app_url}/present?{ROOM.name}={room.code}"]
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

        follow_ten_moves(room)
        for window in (presenter, projector, room.phones[1]):
            assert ui.axe_violations(window) == [], window.url

        # One phone steps back; the room goes on without it until it asks.
        away = room.phones[0]
        at, _ = shown_slide(away)
        away.get_by_role("button", name="Previous").click()
        ui.wait_for_app(away)
        slide, pressed = room.move("presenter", "ArrowRight")
        room.lags(slide, pressed, room.phones[1:])
        assert shown_slide(away)[0] == at - 1
        expect(away.get_by_text(f"The presenter is on slide {slide}.")).to_be_visible()
        assert ui.axe_violations(away) == []
        away.get_by_role("button", name="Follow the presenter again").click()
        expect(away.locator(ui.SLIDE)).to_contain_text(f"Slide {slide} of")

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
