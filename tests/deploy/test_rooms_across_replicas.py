"""Phones follow a presenter across replicas: HAProxy spreads them over two
`streamlit run` processes, and the room lives in the runner's Redis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from playwright.sync_api import Browser

from deploy.local import Cluster
from tools.follow_along import TEN_MOVES, Room

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def two_replicas(haproxy: str, redis_server: str) -> Iterator[Cluster]:
    del redis_server
    with Cluster(replicas=2, haproxy=haproxy) as running:
        yield running


def _replica(page: object) -> str:
    cookies = page.context.cookies()  # type: ignore[attr-defined]
    return next(c["value"] for c in cookies if c["name"] == "hfs_replica")


def test_five_phones_on_two_replicas_follow_ten_moves(
    two_replicas: Cluster, browser: Browser
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
    finally:
        room.close()
