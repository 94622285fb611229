"""The Markdown report of every row."""

from __future__ import annotations

import datetime as _dt
import os
import platform
from pathlib import Path

import streamlit

from bench.common import (
    Row,
)


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
  click event to the first frame whose table shows one row fewer. The click comes once the
  page has settled (network and main thread idle, no animation running, such as the filter
  fold opening), as it would for a person reading the page.
- The filter click is split in three by watching the page's WebSocket: the browser's work
  before the rerun request leaves, the wait for the server's first reply, and the rest (more
  replies, then drawing). Section 3's floor draws the app's own comparison table (the same
  cells, as a Markdown table) under the app's six filters, each bound to the URL, in one
  `st.fragment` (`bench/floor_table_app.py`), redrawing the table of the options that fit on each
  click, as the goal asks; its last rows set that floor against the six filters over the
  floor's small table (`bench/floor_filters_app.py`), and that against the one-filter floor, to
  show what the table's cells and the six controls cost by themselves.
- Sessions are protocol-level clients (`tools/session_client.py`) that all start at once; each
  loads the Compare page, then clicks one filter. Like a browser, the click reruns only the
  `st.fragment` the filter sits in (the floor has none, so it reruns the whole script). A
  filter update runs from the click to the end of its reply: the floor sends its table again,
  the app only its filters, the count and the stylesheet that hides what does not fit. Times
  include waiting for the others, because one Streamlit server runs scripts on one core at a
  time (CPU near 100 % of one core). Like a browser, each session offers to compress its
  WebSocket, and the app agrees. Each crowd also opens section 3's floor that draws the app's
  own table under its six filters. Each message costs the one server its turn: the rows "A
  first visit to Compare" count what one new visitor's first run brings (the app's cards,
  pictures, page menu and folds, around the same table), from one protocol session each.
- Memory per session is the server's resident memory with every session still open, minus the
  same before they opened, divided by the number of sessions. Python rarely hands memory back, so
  the 100-session figure, taken after the 30-session run on the same server, is low: memory the
  first crowd left behind is reused.
- Section 7 runs the deployment as `python -m deploy.local` does: N `streamlit run` replicas
  behind HAProxy (`deploy/haproxy.cfg`, with Streamlit's static files gzipped ahead of time).
  Its crowd is the biggest of section 4, measured again against a warm single process in the
  same run; each session first loads the page over HTTP and carries its affinity cookie, as a
  browser does. Each replica serves one page before the crowd comes, as the single process
  has. The client threads share the machine's 2 cores with the servers. "Largest replica's
  memory" is one replica's resident memory with every session open: what the Kubernetes
  requests are set from. Bytes on the wire are Chromium's encoded bytes for every response of
  a first visit (nothing cached) until the table is drawn, plus a second.
- Section 8 runs `tools/follow_along.py`, the journey the tests run: a presenter view and its
  projector window lead a room, phones (360 px, each in its own browser context) join it, and
  the presenter makes the moves a clicker makes. A lag runs from the key press to the first
  change of each phone's footer to the new slide, noted in the phone's page. Each window asks its
  room once a second, so about half a second of a lag is waiting for that ask. The replicas'
  run is two replicas behind HAProxy sharing the room through the runner's redis-server.
- Section 9 fills one room with phones that are protocol-level clients, not browsers, so that
  the clients do not eat the server's two cores (`bench/room_phones.py`). Each opens the
  Present page in the room, then does what a phone's browser does: once a second, on a timer of
  its own (the phones' timers spread over a second), it reruns the page's watching fragment; when
  the room has moved, that run reruns the whole page. The moves are made straight in the room's
  Redis, as a replica would make them, with no presenter window using the server. A lag runs
  from the move to the reply that names the new slide. The server's CPU for a move is its CPU
  time from the move until every phone has the slide, less what the phones' asking cost in the
  same time, measured first while nobody moves.
- Scale copies every treatment option 10 or 100 times, and measures each file in a child
  process of its own (`python -m bench.scale`). The 100× file is larger than the 1 MB limit the
  loader sets for safety, so that child lifts the limit for itself; the benchmark's own process
  keeps the app's settings.
"""


# Figures measured by hand, once, for a design choice or for the test suite:
# the benchmark does not measure them, so a new run keeps them as they are.
BY_HAND = "## Measured by hand"


def kept_by_hand(previous: str) -> str:
    """The hand-measured part of an earlier report, from its heading on; or nothing."""
    start = previous.find("\n" + BY_HAND + "\n")
    return "" if start < 0 else previous[start:]


def report(rows: list[Row], *, command: str, seconds: float, previous: str = "") -> str:
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
    return "\n".join(lines) + "\n" + NOTES + kept_by_hand(previous)
