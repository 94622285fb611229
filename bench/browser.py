"""2-3. In Chromium: navigation to the first table, and a filter click, timed in the page."""

from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass
from typing import Any

from bench.common import (
    FILTER_LABEL,
    TABLE,
    Row,
    Sizes,
    compared,
    median,
)
from tools.live_server import find_chromium
from treatments import i18n

# The fold's words (components.filters.FILTERS_LABEL); its first word is looked for.
FILTERS_FOLD_WORDS = "Filters: show only the options that fit what I would consider"

# Timed inside the page, on the browser's own clock, once per drawn frame.
# Playwright's own waits poll at growing intervals (up to 500 ms apart), which
# added a random 0 or ~480 ms to each figure and hid the real difference.
# The WebSocket is watched too, to split a filter click into the browser's work
# before the request, the server's reply, and drawing the new table.
_FRAME_CLOCK = """
(() => {
  const table = TABLE_SELECTOR;
  const clock = {tableVisible: null, clickAt: null, sentAt: null, replyAt: null,
                 rowsChangedAt: null};
  window.__benchClock = clock;
  window.WebSocket = class extends window.WebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => {
        if (clock.sentAt !== null && clock.replyAt === null) clock.replyAt = performance.now();
      });
    }
    send(data) {
      if (clock.clickAt !== null && clock.sentAt === null) clock.sentAt = performance.now();
      super.send(data);
    }
  };
  let rowsAtClick = null;
  // Rows a person sees: the app's table hides the options that do not fit.
  const rows = () => [...document.querySelectorAll(table + " tbody tr")].filter(
    r => r.getClientRects().length > 0).length;
  addEventListener("click", () => {
    clock.clickAt = performance.now();
    rowsAtClick = rows();
  }, true);
  function frame() {
    if (clock.tableVisible === null) {
      const box = document.querySelector(table)?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) clock.tableVisible = performance.now();
    }
    if (rowsAtClick !== null && clock.rowsChangedAt === null && rows() !== rowsAtClick) {
      clock.rowsChangedAt = performance.now();
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
""".replace("TABLE_SELECTOR", json.dumps(TABLE))


# Resolves once no animation runs (Streamlit opens an expander with one for
# about half a second; 5 s at most) and the browser has then had two idle
# moments in a row. Idle moments alone come between an animation's frames, so
# a click timed then paid for the animation too.
_SETTLED = """
new Promise(done => {
  const start = performance.now();
  const calm = () => document.getAnimations().every(a => a.playState !== "running")
    || performance.now() - start > 5000;
  const idle = () => requestIdleCallback(
    () => requestIdleCallback(done, {timeout: 2000}), {timeout: 2000});
  const wait = () => calm() ? idle() : requestAnimationFrame(wait);
  wait();
})
"""


@dataclass
class Visit:
    """One visit's times in seconds, from a fresh browser context."""

    navigation: float  # navigation start → first frame with the table
    filter_click: float  # click → first frame whose table has one row fewer
    to_request: float  # click → the rerun request leaves the browser
    to_reply: float  # request sent → first message back
    to_table: float  # first message back → the new table drawn


def _visit(browser: Any, url: str, language: str = "en") -> Visit:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(_FRAME_CLOCK)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.__benchClock.tableVisible !== null", timeout=60_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    # Click on a settled page, as a person who has read it would: below the
    # table the app is still drawing charts, which would slow the click.
    page.wait_for_load_state("networkidle")
    page.evaluate(_SETTLED)
    # The app folds its filters away; a person opens them first (the floors
    # have no fold). Opening them is not part of the timed click.
    # The words a person looks for, in the page's language.
    with i18n.speaking(language):
        fold_words = i18n.gettext(FILTERS_FOLD_WORDS)
        filter_words = i18n.gettext(FILTER_LABEL)
    fold_words = fold_words.split(":")[0]
    fold = page.locator("[data-testid='stExpander'] summary").filter(has_text=fold_words)
    if fold.count():
        fold.click()
        page.evaluate(_SETTLED)
    box = page.locator("[data-testid='stCheckbox'] label").filter(has_text=filter_words)
    box.click()
    page.wait_for_function("window.__benchClock.rowsChangedAt !== null", timeout=60_000)
    clock = page.evaluate("window.__benchClock")
    context.close()
    if clock["clickAt"] is None or clock["sentAt"] is None or clock["replyAt"] is None:
        raise RuntimeError(f"{url}: the click, its request or the reply was not seen: {clock}")
    return Visit(
        navigation=clock["tableVisible"] / 1000,
        filter_click=(clock["rowsChangedAt"] - clock["clickAt"]) / 1000,
        to_request=(clock["sentAt"] - clock["clickAt"]) / 1000,
        to_reply=(clock["replyAt"] - clock["sentAt"]) / 1000,
        to_table=(clock["rowsChangedAt"] - clock["replyAt"]) / 1000,
    )


def _medians(visits: list[Visit]) -> Visit:
    return Visit(*(median([getattr(v, f.name) for v in visits]) for f in dataclasses.fields(Visit)))


# The click's goal is against a floor that draws the same table (issue 32):
# what is left is the browser laying out the cells, which any page showing
# these facts pays. The old goal of 100 ms is dropped: that floor itself
# takes about that long on this machine.
def _filter_row(section: str, app: float, floor_table: float) -> Row:
    return compared(section, FILTER_LABEL, app, floor_table, at_most=1.20)


def _language(name: str) -> str:
    # "app_es" is the app's Compare page in Spanish.
    return name.rsplit("_", 1)[1] if name.startswith("app_") else "en"


def browser_rows(sizes: Sizes, urls: dict[str, str]) -> list[Row]:
    """Navigation and filter-click times for ``urls["app"]``, ``["floor"]``,
    ``["floor_filters"]`` and ``["floor_table"]``, visited in turn so drift on
    the machine hits all alike."""
    from playwright.sync_api import sync_playwright

    path = find_chromium()
    if path is None:
        return [Row("2–3. Chromium", "skipped: Chromium not found", "")]
    visits: dict[str, list[Visit]] = {name: [] for name in urls}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        for name, url in urls.items():
            _visit(browser, url, _language(name))  # warm each server's caches
        for _ in range(sizes.browser_repeats):
            for name, url in urls.items():
                visits[name].append(_visit(browser, url, _language(name)))
        browser.close()
    app, floor, floor_filters, floor_table = (
        _medians(visits[name]) for name in ("app", "floor", "floor_filters", "floor_table")
    )
    filter_click = "3. Filter click → table (Chromium)"
    spanish = (
        [
            compared(
                "2. Navigation → table (Chromium)",
                "Compare page in Spanish (`?lang=es`), against the English one",
                _medians(visits["app_es"]).navigation,
                app.navigation,
                at_most=1.05,
            )
        ]
        if visits.get("app_es")
        else []
    )
    return [
        compared(
            "2. Navigation → table (Chromium)",
            "Compare page",
            app.navigation,
            floor.navigation,
            at_most=1.10,
        ),
        *spanish,
        # The goal (issue 32): within 1.20 times the floor that draws the same
        # table with the same six filters (bench/floor_table_app.py).
        _filter_row(filter_click, app.filter_click, floor_table.filter_click),
        compared(
            filter_click,
            "… of which: click → request sent",
            app.to_request,
            floor_table.to_request,
        ),
        compared(filter_click, "… request → first reply", app.to_reply, floor_table.to_reply),
        compared(
            filter_click, "… first reply → new table drawn", app.to_table, floor_table.to_table
        ),
        dataclasses.replace(
            compared(
                filter_click,
                "Not the app: the table floor against the six-filter floor "
                "(`bench/floor_filters_app.py`, the floor's small table)",
                floor_table.filter_click,
                floor_filters.filter_click,
            ),
            goal="for reference",
        ),
        dataclasses.replace(
            compared(
                filter_click,
                "Not the app: the six-filter floor against the one-filter floor "
                "(`bench/floor_app.py`)",
                floor_filters.filter_click,
                floor.filter_click,
            ),
            goal="for reference",
        ),
    ]


# --- 2b. A phone on a slow network ------------------------------------------

# A mid-range phone in a waiting room: 390 px wide, its CPU 4 times slower than
# this machine's, on slow 3G (1.6 Mbit/s down, 150 ms before each reply).
PHONE = {"width": 390, "height": 844}
SLOW_3G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
CPU_SLOWDOWN = 4
# The app shows a phone one card per option instead of its table; the floor
# shows its table. Either, drawn and visible, is the "first table".
_FIRST_FACTS = f"{TABLE}, .st-key-comparison-cards [data-testid='stHeading']"
_PHONE_CLOCK = """
(() => {
  window.__firstFacts = null;
  // The first frame with any words on the screen: the balancer's first screen,
  // or the app itself (deploy/precompress.py).
  window.__firstWords = null;
  function frame() {
    if (window.__firstWords === null && document.body && document.body.innerText.trim()) {
      window.__firstWords = performance.now();
    }
    for (const el of document.querySelectorAll(SELECTOR)) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) {
        window.__firstFacts = performance.now();
        return;
      }
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
""".replace("SELECTOR", json.dumps(_FIRST_FACTS))


@dataclass(frozen=True)
class PhoneVisit:
    """Seconds from navigation start, on a slow phone, to the first frame with
    words on the screen, and to the first with the facts."""

    words: float
    facts: float


def phone_visit(browser: Any, url: str) -> PhoneVisit:
    """A first visit to ``url`` on a slow phone (see :class:`PhoneVisit`)."""
    # An https URL here is the benchmark's own balancer, with a certificate
    # made for the run (tools/certificate.py) that no authority signed.
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, ignore_https_errors=url.startswith("https")
    )
    context.add_init_script(_PHONE_CLOCK)
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.emulateNetworkConditions", SLOW_3G)
    devtools.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, timeout=300_000)
    # Polled from here, not with wait_for_function: Playwright's in-page
    # polling evaluates a string, which HAProxy's CSP (no 'unsafe-eval') blocks.
    deadline = time.monotonic() + 300
    while (first := page.evaluate("window.__firstFacts")) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no facts on the phone at {url} after 300 s")
        time.sleep(0.1)
    words = page.evaluate("window.__firstWords")
    context.close()
    return PhoneVisit(words=(words if words is not None else first) / 1000, facts=first / 1000)


def phone_rows(sizes: Sizes, urls: dict[str, str]) -> list[Row]:
    """The first table (or option card) on a slow phone, for the app and the floor."""
    from playwright.sync_api import sync_playwright

    path = find_chromium()
    if path is None:
        return [Row("2b. Phone", "skipped: Chromium not found", "")]
    times: dict[str, list[float]] = {"app": [], "floor": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        for _ in range(sizes.phone_repeats):
            for name in times:
                times[name].append(phone_visit(browser, urls[name]).facts)
        browser.close()
    return [
        compared(
            "2b. Phone: navigation → first table or card (390 px, CPU 4× slower, slow 3G)",
            "Compare page, first visit",
            median(times["app"]),
            median(times["floor"]),
        )
    ]
