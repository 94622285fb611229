"""Measure the app against the floor Streamlit sets, and write bench/RESULTS.md.

Run from the project folder (Chromium needed for the browser figures)::

    python -m bench                 # the full run, about 3 minutes on 2 cores
    python -m bench --quick --out /tmp/results.md   # tiny sizes: a smoke run

The floor is ``bench/floor_app.py``: a bare script that shows the same five
options in a plain ``st.table`` with one filter. Every figure is the median of
several runs, measured in the same run as the floor's, with the ratio. For the
filter click it also times ``bench/floor_filters_app.py``, the floor with the
app's own six filters, to show what those controls cost by themselves.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as _dt
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit
import yaml
from streamlit.logger import set_log_level
from streamlit.testing.v1 import AppTest

from tools.live_server import ROOT, find_chromium, start_server, stop_server
from tools.session_client import Session
from treatments import loader
from treatments.deck import CARDS_BY_ID, DEFAULT_CARDS
from treatments.printout import group_handout, visit_printout
from treatments.visit import VisitAnswers
from views.registry import HOME, PAGES

APP = str(ROOT / "app.py")
FLOOR = "bench/floor_app.py"
FLOOR_FILTERS = "bench/floor_filters_app.py"
RESULTS = ROOT / "bench" / "RESULTS.md"
# The floor's st.table, or the app's comparison table (drawn from Markdown).
TABLE = ":is([data-testid='stTable'], [data-testid='stMarkdownContainer']) table"
FILTER_LABEL = "No general anaesthetic"


@dataclass(frozen=True)
class Sizes:
    repeats: int
    browser_repeats: int
    crowds: tuple[int, ...]
    scales: tuple[int, ...]


FULL = Sizes(repeats=20, browser_repeats=9, crowds=(30, 100), scales=(1, 10, 100))
QUICK = Sizes(repeats=2, browser_repeats=1, crowds=(2,), scales=(1, 2))


@dataclass
class Row:
    section: str
    measure: str
    app: str
    floor: str = ""
    ratio: str = ""
    goal: str = ""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _ratio(app: float, floor: float) -> str:
    return f"{app / floor:.2f}×" if floor else ""


# --- 1. Script rerun time (AppTest, warm) ----------------------------------


def _rerun_seconds(script: str, page_file: str | None, repeats: int) -> float:
    at = AppTest.from_file(script, default_timeout=60)
    at.run()
    if page_file:
        at.switch_page(page_file).run()
    at.run()  # warm: caches filled, modules imported
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
    if at.exception:
        raise RuntimeError(f"{script} {page_file}: {at.exception}")
    return _median(samples)


def reruns(sizes: Sizes) -> list[Row]:
    floor = _rerun_seconds(str(ROOT / FLOOR), None, sizes.repeats)
    rows = []
    for page in PAGES:
        seconds = _rerun_seconds(APP, None if page is HOME else page.file, sizes.repeats)
        rows.append(
            Row(
                "1. Rerun (AppTest, warm)",
                page.title,
                _ms(seconds),
                _ms(floor),
                _ratio(seconds, floor),
                "≤ 30 ms" + (" ✓" if seconds <= 0.030 else " ✗"),
            )
        )
    return rows


# --- 2-3. Chromium: navigation and filter --------------------------------


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
  const rows = () => document.querySelectorAll(table + " tbody tr").length;
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


# Resolves once the browser has had two idle moments in a row.
_SETTLED = """
new Promise(done => requestIdleCallback(
  () => requestIdleCallback(done, {timeout: 2000}), {timeout: 2000}))
"""


@dataclass
class Visit:
    """One visit's times in seconds, from a fresh browser context."""

    navigation: float  # navigation start → first frame with the table
    filter_click: float  # click → first frame whose table has one row fewer
    to_request: float  # click → the rerun request leaves the browser
    to_reply: float  # request sent → first message back
    to_table: float  # first message back → the new table drawn


def _visit(browser: Any, url: str) -> Visit:
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
    box = page.locator("[data-testid='stCheckbox'] label").filter(has_text=FILTER_LABEL)
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
    return Visit(
        *(_median([getattr(v, f.name) for v in visits]) for f in dataclasses.fields(Visit))
    )


def browser_rows(sizes: Sizes, urls: dict[str, str]) -> list[Row]:
    """Navigation and filter-click times for ``urls["app"]``, ``["floor"]`` and
    ``["floor_filters"]``, visited in turn so drift on the machine hits all alike."""
    from playwright.sync_api import sync_playwright

    path = find_chromium()
    if path is None:
        return [Row("2–3. Chromium", "skipped: Chromium not found", "")]
    visits: dict[str, list[Visit]] = {name: [] for name in urls}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        for url in urls.values():
            _visit(browser, url)  # warm each server's caches
        for _ in range(sizes.browser_repeats):
            for name, url in urls.items():
                visits[name].append(_visit(browser, url))
        browser.close()
    app, floor, floor_filters = (
        _medians(visits[name]) for name in ("app", "floor", "floor_filters")
    )
    filter_click = "3. Filter click → table (Chromium)"
    return [
        _compared(
            "2. Navigation → table (Chromium)",
            "Compare page",
            app.navigation,
            floor.navigation,
            at_most=1.10,
        ),
        _compared(filter_click, FILTER_LABEL, app.filter_click, floor.filter_click, at_most=1.20),
        _compared(
            filter_click, "… of which: click → request sent", app.to_request, floor.to_request
        ),
        _compared(filter_click, "… request → first reply", app.to_reply, floor.to_reply),
        _compared(filter_click, "… first reply → new table drawn", app.to_table, floor.to_table),
        dataclasses.replace(
            _compared(
                filter_click,
                "Not the app: the floor with the app's six filters (`bench/floor_filters_app.py`)",
                floor_filters.filter_click,
                floor.filter_click,
            ),
            goal="for reference",
        ),
    ]


def _compared(
    section: str, measure: str, app: float, floor: float, *, at_most: float | None = None
) -> Row:
    """A row of seconds beside the floor's; ``at_most`` is the goal for their ratio."""
    goal = ""
    if at_most is not None:
        goal = f"≤ {at_most:.2f}×" + (" ✓" if app <= at_most * floor else " ✗")
    return Row(section, measure, _ms(app), _ms(floor), _ratio(app, floor), goal)


# --- 4. A crowd at once (protocol-level sessions) ---------------------------


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Crowd:
    first_table: list[float]
    filter_update: list[float]
    errors: int
    kib_per_session: float
    cpu_share: float


def _crowd(url: str, pid: int, size: int) -> Crowd:
    sessions: list[Session] = []
    first_table: list[float] = []
    filter_update: list[float] = []
    errors = 0
    lock = threading.Lock()
    start_line = threading.Barrier(size, timeout=300)

    def person(_: int) -> None:
        nonlocal errors
        try:
            tab = Session(url, timeout=300)
            with lock:
                sessions.append(tab)
            start_line.wait()
            run = tab.run(query="")
            if run.exceptions() or run.first_table_seconds is None:
                raise RuntimeError(run.exceptions() or "no table")
            clicked = tab.run(widgets={run.widget_id("no_general"): True})
            if clicked.exceptions() or clicked.first_table_seconds is None:
                raise RuntimeError(clicked.exceptions() or "no table after the click")
            with lock:
                first_table.append(run.first_table_seconds)
                filter_update.append(clicked.first_table_seconds)
        except Exception:
            with lock:
                errors += 1

    rss_before = _rss_kib(pid)
    cpu_before, wall_before = _cpu_seconds(pid), time.perf_counter()
    with ThreadPoolExecutor(max_workers=size) as pool:
        list(pool.map(person, range(size)))
    cpu = _cpu_seconds(pid) - cpu_before
    wall = time.perf_counter() - wall_before
    time.sleep(0.5)
    rss_after = _rss_kib(pid)  # every session still open and holding its state
    for tab in sessions:
        tab.close()
    return Crowd(first_table, filter_update, errors, (rss_after - rss_before) / size, cpu / wall)


def crowd_rows(sizes: Sizes, app: tuple[str, int], floor: tuple[str, int]) -> list[Row]:
    rows = []
    for size in sizes.crowds:
        mine, base = _crowd(*app, size), _crowd(*floor, size)
        section = f"4. {size} sessions at once"
        for name, pick in (
            ("first table", lambda c: c.first_table),
            ("filter update", lambda c: c.filter_update),
        ):
            a, f = pick(mine), pick(base)
            for stat, fn in (("p50", _median), ("p95", _p95)):
                if a and f:
                    rows.append(
                        Row(section, f"{stat} {name}", _ms(fn(a)), _ms(fn(f)), _ratio(fn(a), fn(f)))
                    )
        rows.append(Row(section, "errors", str(mine.errors), str(base.errors), "", "none"))
        extra = mine.kib_per_session - base.kib_per_session
        rows.append(
            Row(
                section,
                "server memory per session",
                f"{mine.kib_per_session / 1024:.2f} MB",
                f"{base.kib_per_session / 1024:.2f} MB",
                f"+{extra / 1024:.2f} MB",
                "< 2 MB above floor" + (" ✓" if extra < 2048 else " ✗"),
            )
        )
        rows.append(
            Row(
                section,
                "server CPU (share of one core)",
                f"{mine.cpu_share:.0%}",
                f"{base.cpu_share:.0%}",
            )
        )
    return rows


# --- 5. PDFs ---------------------------------------------------------------


def pdf_rows(sizes: Sizes) -> list[Row]:
    catalogue = loader.load_catalogue()
    options = catalogue.options
    answers = VisitAnswers(
        options=options[:2],
        how_much={p.id: "A lot" for p in catalogue.priorities},
        leaning="Not sure yet",
        questions=list(catalogue.questions.items[:5]) if catalogue.questions else [],
        notes="Can I drive home after? " * 20,
        sure={item.letter: True for item in catalogue.sure.items} if catalogue.sure else {},
    )
    cards = [CARDS_BY_ID[i] for i in DEFAULT_CARDS]
    jobs: dict[str, Callable[[], bytes]] = {
        "patient printout (2 options)": lambda: visit_printout(catalogue, answers),
        "group handout (5 options, 3 cards)": lambda: group_handout(
            catalogue, list(options), cards=cards
        ),
    }
    rows = []
    for name, job in jobs.items():
        job()  # fonts loaded once, as on a running server
        samples = []
        for _ in range(sizes.repeats):
            start = time.perf_counter()
            job()
            samples.append(time.perf_counter() - start)
        seconds = _median(samples)
        rows.append(
            Row("5. PDF", name, _ms(seconds), goal="< 150 ms" + (" ✓" if seconds < 0.150 else " ✗"))
        )
    return rows


# --- 6. Scale -------------------------------------------------------------


def _scaled_file(times: int, folder: Path) -> Path:
    """The data file with every treatment option copied ``times`` times."""
    data = yaml.safe_load(loader.default_path().read_text(encoding="utf-8"))
    treatments = [o for o in data["options"] if o["kind"] != "No treatment"]
    wait = [o for o in data["options"] if o["kind"] == "No treatment"]
    options = []
    for copy_number in range(times):
        for option in treatments:
            clone = copy.deepcopy(option)
            if copy_number:
                clone["id"] = f"{option['id']}-{copy_number}"
                clone["name"] = f"{option['name']} ({copy_number})"
                clone["short_name"] = f"{option['short_name'][:22]} {copy_number}"
                for priority in data.get("priorities", []):
                    priority["fit"][clone["id"]] = priority["fit"][option["id"]]
            options.append(clone)
    data["options"] = options + wait
    path = folder / f"treatments-{times}x.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@contextmanager
def _data_file(path: Path) -> Iterator[None]:
    old = os.environ.get("TREATMENTS_FILE")
    # A 100-times file is larger than the 1 MB safety limit on purpose; lift the
    # limit in this process only.
    old_limit = loader.MAX_BYTES
    os.environ["TREATMENTS_FILE"] = str(path)
    loader.MAX_BYTES = 100_000_000
    try:
        yield
    finally:
        loader.MAX_BYTES = old_limit
        if old is None:
            os.environ.pop("TREATMENTS_FILE", None)
        else:
            os.environ["TREATMENTS_FILE"] = old


def _first_run_seconds(repeats: int) -> float:
    samples = []
    for _ in range(max(1, repeats // 4)):
        streamlit.cache_data.clear()
        at = AppTest.from_file(APP, default_timeout=600)
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(str(at.exception))
    return _median(samples)


def scale_rows(sizes: Sizes) -> list[Row]:
    rows = []
    base_rerun = base_first = 0.0
    base_options = 1
    with tempfile.TemporaryDirectory() as folder:
        for times in sizes.scales:
            path = _scaled_file(times, Path(folder))
            with _data_file(path):
                options = len(loader.load_catalogue(path).options)
                first = _first_run_seconds(sizes.repeats)
                rerun = _rerun_seconds(APP, None, max(2, sizes.repeats // 4))
            if times == 1:
                base_rerun, base_first, base_options = rerun, first, options
            rows.append(
                Row(
                    "6. Scale (Compare page, AppTest)",
                    f"{times}× ({options} options): first run / warm rerun",
                    f"{_ms(first)} / {_ms(rerun)}",
                    "",
                    f"{first / base_first:.1f}× / {rerun / base_rerun:.1f}×",
                    f"rows grew {options / base_options:.1f}×" if times > 1 else "",
                )
            )
    streamlit.cache_data.clear()
    return rows


# --- The report -------------------------------------------------------------


def _machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GB RAM"
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; Streamlit {streamlit.__version__}"
    )


NOTES = """
How to read it:

- Reruns are timed with `AppTest` (`at.run()` on a warm session); they leave out the network
  and the browser.
- Browser figures are timed inside the page on its own clock, checked once per drawn frame.
  Navigation runs from the browser's navigation start, in a fresh browser context (nothing
  cached), to the first frame that shows the comparison table; the filter figure runs from the
  click event to the first frame whose table has one row fewer. The click comes once the page
  has settled (network and main thread idle), as it would for a person reading the page.
- The filter click is split in three by watching the page's WebSocket: the browser's work
  before the rerun request leaves, the wait for the server's first reply, and the rest (more
  replies, then drawing). The last row of section 3 is not the app: it is the floor with the
  app's six filters, each bound to the URL, in one `st.fragment` (`bench/floor_filters_app.py`).
  It shows how much of the filter goal those controls use before any table cell is drawn.
- Sessions are protocol-level clients (`tools/session_client.py`) that all start at once; each
  loads the Compare page, then clicks one filter. Like a browser, the click reruns only the
  `st.fragment` the filter sits in (the floor has none, so it reruns the whole script). Times
  include waiting for the others, because one Streamlit server runs scripts on one core at a
  time (CPU near 100 % of one core).
- Memory per session is the server's resident memory with every session still open, minus the
  same before they opened, divided by the number of sessions. Python rarely hands memory back, so
  the 100-session figure, taken after the 30-session run on the same server, is low: memory the
  first crowd left behind is reused.
- Scale copies every treatment option 10 or 100 times. The 100× file is larger than the 1 MB
  limit the loader sets for safety, so the benchmark lifts that limit in its own process only.
"""


def report(rows: list[Row], *, command: str, seconds: float) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"- Machine: {_machine()}",
        f"- Command: `{command}`",
        f"- Run on: {_dt.date.today():%d %B %Y}, in {seconds:.0f} s",
        "- Floor: `bench/floor_app.py`, the same five options in a plain `st.table` with one "
        "filter, on the same server settings. Each figure is a median over repeated runs.",
        "",
        "| Section | Measure | App | Floor | Ratio | Goal |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.section} | {r.measure} | {r.app} | {r.floor} | {r.ratio} | {r.goal} |" for r in rows
    ]
    return "\n".join(lines) + "\n" + NOTES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the Markdown")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    set_log_level("error")
    began = time.perf_counter()

    rows = reruns(sizes)
    app_process, app_url, app_log = start_server()
    floor_process, floor_url, floor_log = start_server(script=FLOOR)
    filters_process, filters_url, filters_log = start_server(script=FLOOR_FILTERS)
    try:
        urls = {"app": app_url, "floor": floor_url, "floor_filters": filters_url}
        rows += browser_rows(sizes, urls)
        rows += crowd_rows(sizes, (app_url, app_process.pid), (floor_url, floor_process.pid))
    finally:
        for process, log in (
            (app_process, app_log),
            (floor_process, floor_log),
            (filters_process, filters_log),
        ):
            stop_server(process)
            log.unlink(missing_ok=True)
    rows += pdf_rows(sizes)
    rows += scale_rows(sizes)

    command = "python -m bench" + (" --quick" if args.quick else "")
    text = report(rows, command=command, seconds=time.perf_counter() - began)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
