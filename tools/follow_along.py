"""Phones following a presenter's room, driven in Chromium.

One journey for the tests (every phone shows every move) and the benchmark
(how long after a move each phone shows it): a presenter opens the presenter
view, which starts a room, and its projector window; phones join by the
room's link; the presenter makes ten moves with the keys a clicker sends.

Each phone notes, in the page itself, the time each slide number first
appears in its footer (a MutationObserver), so a lag is measured where the
phone draws it, not when a test happens to look.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from treatments.address import LEAD, ROOM

SLIDE_FOOTER = ".st-key-slide-frame [data-testid='stCaptionContainer']"
_FOOTER_NUMBER = re.compile(r"Slide (\d+) of (\d+)\.")
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 720}
_READY = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"

# Records [slide number, time] each time the footer shows another slide.
_WATCH_FOOTER = """
window.__slidesShown = [];
new MutationObserver(() => {
  const footer = [...document.querySelectorAll(FOOTER)].pop();
  // "Slide 3 of 24." or "Diapositiva 3 de 24.": the first number, in any language.
  const found = footer && /^\\D*(\\d+)\\D+\\d+\\./.exec(footer.textContent);
  const shown = window.__slidesShown;
  if (found && (!shown.length || shown[shown.length - 1][0] !== +found[1])) {
    shown.push([+found[1], Date.now()]);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
""".replace("FOOTER", json.dumps(SLIDE_FOOTER))

# Ten moves, as a clicker and a keyboard make them: (which window, key).
# The last is made in the projector window, which leads through the presenter view.
TEN_MOVES: tuple[tuple[str, str], ...] = (
    ("presenter", "ArrowRight"),
    ("presenter", "ArrowRight"),
    ("presenter", "PageDown"),
    ("presenter", "Space"),
    ("presenter", "ArrowLeft"),
    ("presenter", "End"),
    ("presenter", "PageUp"),
    ("presenter", "Home"),
    ("presenter", "ArrowRight"),
    ("projector", "PageDown"),
)


def wait_until_drawn(page: Any, *, timeout: float = 30_000) -> None:
    page.wait_for_selector(_READY, timeout=timeout)
    page.wait_for_selector(_DONE, timeout=timeout)
    page.wait_for_timeout(250)
    page.wait_for_selector(_DONE, timeout=timeout)


def shown_slide(page: Any) -> tuple[int, int]:
    """The slide number a page shows and the deck's length, from its footer."""
    found = _FOOTER_NUMBER.search(page.locator(SLIDE_FOOTER).last.inner_text())
    if found is None:
        raise AssertionError("no slide footer on the page")
    return int(found[1]), int(found[2])


def _slides_shown(phone: Any) -> list[list[float]]:
    """The phone's own record of the slides it showed: ``[slide, when]`` pairs."""
    return phone.evaluate("window.__slidesShown") or []


def _states(phones: list[Any]) -> list[dict[str, Any]]:
    """What each phone shows, for a failure's message: its address, the last
    slides it showed and when, and whether it still follows and is connected."""
    return [
        {
            "url": phone.url,
            "last shown": _slides_shown(phone)[-4:],
            "stepped away": phone.locator(".st-key-not-following").count() > 0,
            "connected": phone.locator(_READY).count() > 0,
            "error": phone.locator("[data-testid='stException']").count() > 0,
        }
        for phone in phones
    ]


def expected_after(key: str, slide: int, count: int) -> int:
    """Where a key takes the deck from ``slide``."""
    if key in ("ArrowRight", "PageDown", "Space"):
        return min(slide + 1, count)
    if key in ("ArrowLeft", "PageUp"):
        return max(slide - 1, 1)
    return {"Home": 1, "End": count}[key]


@dataclass
class Room:
    """A presenter's two windows and the phones in their room."""

    browser: Any
    url: str
    presenter: Any
    projector: Any
    code: str
    lead_key: str
    phones: list[Any] = field(default_factory=list)
    contexts: list[Any] = field(default_factory=list)

    @classmethod
    def start(cls, browser: Any, url: str) -> Room:
        """Open Present, press "Presenter" (the presenter view, which starts a room), then
        open the projector window from it."""
        context = browser.new_context(viewport=LAPTOP)
        context.add_init_script(_WATCH_FOOTER)
        presenter = context.new_page()
        presenter.goto(f"{url}/present")
        wait_until_drawn(presenter)
        presenter.get_by_role("button", name=re.compile(r"^Presenter")).click()
        presenter.wait_for_url(re.compile(rf"[?&]{LEAD.name}="))
        wait_until_drawn(presenter)
        query = parse_qs(urlsplit(presenter.url).query)
        with context.expect_page() as opened:
            presenter.get_by_role("link", name="Open the projector window").click()
        projector = opened.value
        projector.set_viewport_size(LAPTOP)
        wait_until_drawn(projector)
        return cls(
            browser,
            url,
            presenter,
            projector,
            query[ROOM.name][0],
            query[LEAD.name][0],
            contexts=[context],
        )

    def join(self, count: int, *, viewport: dict[str, int] = PHONE) -> list[Any]:
        """``count`` phones open the room's link, each in its own browser context
        (as its own person, with its own cookies)."""
        joined = []
        for _ in range(count):
            phone = self.new_phone(viewport=viewport)
            phone.goto(f"{self.url}/present?{ROOM.name}={self.code}")
            wait_until_drawn(phone)
            joined.append(phone)
        self.phones += joined
        return joined

    def new_phone(self, *, viewport: dict[str, int] = PHONE) -> Any:
        """A blank page in a phone's own browser context, noting the slides it shows."""
        context = self.browser.new_context(viewport=viewport, is_mobile=True, has_touch=True)
        context.add_init_script(_WATCH_FOOTER)
        self.contexts.append(context)
        return context.new_page()

    def move(self, window: str, key: str) -> tuple[int, float]:
        """Press ``key`` in a presenter window; return the slide it went to and
        the time of the press (ms since the epoch, as the phones note it)."""
        page = self.presenter if window == "presenter" else self.projector
        slide, count = shown_slide(page)
        target = expected_after(key, slide, count)
        pressed = time.time() * 1000
        page.keyboard.press(key)
        page.locator(SLIDE_FOOTER).last.filter(has_text=f"Slide {target} of").wait_for()
        return target, pressed

    def lags(
        self, slide: int, pressed: float, phones: list[Any], *, timeout: float = 20
    ) -> list[float]:
        """Milliseconds from the press until each phone showed ``slide``.

        Waits up to ``timeout`` seconds; a phone that never shows it raises.
        """
        deadline = time.monotonic() + timeout
        lags: list[float | None] = [None] * len(phones)
        while None in lags:
            for index, phone in enumerate(phones):
                if lags[index] is None:
                    shown = _slides_shown(phone)
                    seen = [at for number, at in shown if number == slide and at >= pressed]
                    if seen:
                        lags[index] = seen[0] - pressed
            if None in lags:
                if time.monotonic() > deadline:
                    behind = [i for i, lag in enumerate(lags) if lag is None]
                    raise AssertionError(
                        f"phones {behind} never showed slide {slide} after the press at "
                        f"{pressed:.0f}: {_states([phones[i] for i in behind])}"
                    )
                time.sleep(0.05)
        return [lag for lag in lags if lag is not None]

    def settle(self, slide: int, *, timeout: float = 60) -> None:
        """Wait until every phone shows ``slide``: after a run of quick moves,
        the next move's lag is then measured from a room at rest, not from a
        phone still catching up (which may already show the next slide)."""
        deadline = time.monotonic() + timeout
        while True:
            # The phones' own record, as lags() reads it: a footer mid-rerun
            # may be missing for a moment, and this waits rather than fails.
            behind = [
                phone
                for phone in self.phones
                if not (shown := _slides_shown(phone)) or shown[-1][0] != slide
            ]
            if not behind:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"phones never settled on slide {slide}: {_states(behind)}")
            time.sleep(0.1)

    def close(self) -> None:
        for context in self.contexts:
            context.close()
