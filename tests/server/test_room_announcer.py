"""A phone's live region in a room says the right thing even when a run's
drawing never reaches the page.

A whole run of the page can be followed at once by the next tick of the
watching fragment (its timer fires while the run is under way), and then what
the whole run drew is gone before the browser ran it. So the live region's
words may not rest on a whole run alone: the next tick draws them again. Then,
while the phone follows, the ticks stop drawing it, which keeps each ask cheap.

A protocol-level client (tools/session_client.py) sees exactly what each run
sends, which a browser test can only catch when the timing happens to go wrong.
"""

from __future__ import annotations

import json

from components.announcer import REGION_ID
from components.presenting.room import not_following_words
from tools.live_server import running_server
from tools.session_client import Click, Run, Session
from treatments.presenting.rooms import REDIS_URL_VARIABLE, Deck, RedisRooms
from treatments.schema import Catalogue


def _said(run: Run) -> list[str]:
    """The message of each live-region announcer the run drew."""
    found = []
    for element in run.elements:
        if element.WhichOneof("type") == "bidi_component":
            data = json.loads(element.bidi_component.json)
            if data.get("region") == REGION_ID:
                found.append(data["message"])
    return found


def test_the_tick_after_a_whole_run_says_again_what_it_drew(
    redis_url: str, catalogue: Catalogue
) -> None:
    options = tuple(o.short_name for o in catalogue.options)
    store = RedisRooms.from_url(redis_url)
    room = store.start(Deck(options, (), 3))
    with (
        running_server(env={REDIS_URL_VARIABLE: redis_url}) as (_, url),
        Session(url) as phone,
    ):
        run = phone.run(page="present", query=f"room={room.code}")
        assert not run.exceptions()
        assert _said(run) == [""], "a following phone's live region is there, empty"
        tick = phone.run(fragment=run.auto_reruns[-1])
        assert _said(tick) == [""], "the next tick draws it again"
        assert _said(phone.run(fragment=run.auto_reruns[-1])) == [], "then no more"

        # It steps back: it says so, and each tick keeps saying it.
        run = phone.run(widgets={run.widget_id("previous_slide"): Click()})
        away = not_following_words(3)
        assert _said(run) == [away]
        watch = run.auto_reruns[-1]
        assert _said(phone.run(fragment=watch)) == [away]
        tick = phone.run(fragment=watch)
        assert _said(tick) == [away]

        # It follows again: its whole run empties the region, and so does the
        # tick after it, in case the tick came before the browser ran the first.
        run = phone.run(widgets={tick.widget_id("follow_again"): Click()})
        assert not run.exceptions()
        assert _said(run)[-1] == ""
        assert _said(phone.run(fragment=run.auto_reruns[-1])) == [""]
        assert _said(phone.run(fragment=run.auto_reruns[-1])) == []
