"""Phones follow a presenter across replicas: HAProxy spreads them over two
`streamlit run` processes, and the room lives in the runner's Redis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from playwright.sync_api import Browser, expect

from deploy.local import Cluster
from tests.browser import ui
from tools.follow_along import TEN_MOVES, Room
from treatments.presenting.deck import build_deck, default_items
from treatments.schema import Catalogue

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def two_replicas(haproxy: str, redis_server: str) -> Iterator[Cluster]:
    del redis_server
    with Cluster(replicas=2, haproxy=haproxy) as running:
        yield running


def _replica(page: object) -> str:
    cookies = page.context.cookies()  # type: ignore[attr-defined]
    return next(c["value"] for c in cookies if c["name"] == "hfs_replica")


def test_five_phones_on_two_replicas_follow_ten_moves_and_answer_the_room_s_question(
    two_replicas: Cluster, browser: Browser, catalogue: Catalogue
) -> None:
    assert two_replicas.redis_url is not None
    room = Room.start(browser, two_replicas.url)
    try:
        room.join(5)
        # Round robin put the people on both replicas: the presenter's moves
        # reach the other replica only through Redis.
        replicas = {_replica(page) for page in [room.presenter, *room.phones]}
        assert replicas == {"app1", "app2"}
        slide = 1
        for window, key in TEN_MOVES:
            slide, pressed = room.move(window, key)
            other = room.projector if window == "presenter" else room.presenter
            room.lags(slide, pressed, [other, *room.phones])
        # The room in Redis holds the deck and slide and nothing else.
        stored = redis.Redis.from_url(two_replicas.redis_url).hgetall(f"hfs:room:{room.code}")
        assert {key.decode() for key in stored} == {"options", "cards", "slide", "version", "lead"}
        assert int(stored[b"slide"]) == slide

        # The room's question: phones on both replicas answer, and the
        # projector (on either) counts every answer, through Redis.
        slides = build_deck(catalogue, catalogue.options, default_items(catalogue))
        asked = next(n for n, s in enumerate(slides, 1) if s.kind == "check")
        room.move("presenter", "End")
        for _ in range(len(slides) - asked):
            room.move("presenter", "PageUp")
        for number, phone in enumerate(room.phones):
            expect(phone.locator(ui.SLIDE)).to_contain_text(f"Slide {asked} of")
            choice = "Yes" if number % 2 == 0 else "No"
            ui.keyed(phone, "room-answer").get_by_text(choice, exact=True).click()
            expect(ui.keyed(phone, "room-answer")).to_contain_text(f"Your answer is in: {choice}.")
        room.move("presenter", "PageDown")
        tally = ui.keyed(room.projector, "room-tally")
        expect(tally).to_contain_text("Yes, the right answer: 3 people.")
        expect(tally).to_contain_text("No: 2 people.")
        stored = redis.Redis.from_url(two_replicas.redis_url).hgetall(f"hfs:room:{room.code}")
        counts = {k.decode(): int(v) for k, v in stored.items() if k.startswith(b"tally:")}
        assert counts == {"tally:waiting:yes": 3, "tally:waiting:no": 2}, "counts, no one's answer"
    finally:
        room.close()
