"""4. A crowd at once: protocol-level sessions that all open the page and click a filter."""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.common import (
    Row,
    Sizes,
    compared,
    cpu_seconds,
    median,
    ms,
    p95,
    ratio,
)
from tools.session_client import Session


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


@dataclass
class Crowd:
    first_table: list[float]
    filter_update: list[float]
    errors: int
    kib_per_session: float
    cpu_share: float
    first_error: str = ""  # the first failure's cause, so a count of errors can be explained
    largest_kib: int = 0  # the largest server's resident memory, sessions still open


def run_crowd(url: str, pids: list[int], size: int, *, like_a_browser: bool = False) -> Crowd:
    """``size`` sessions open the Compare page at once, then each clicks a filter.

    ``pids`` are the server processes whose memory and CPU are summed (one, or
    every replica behind a balancer); ``like_a_browser`` sends the cookies the
    page sets, as a balancer with cookie affinity needs.
    """
    sessions: list[Session] = []
    first_table: list[float] = []
    filter_update: list[float] = []
    errors = 0
    causes: list[BaseException] = []
    lock = threading.Lock()
    start_line = threading.Barrier(size, timeout=300)

    def person(_: int) -> None:
        nonlocal errors
        try:
            tab = Session(url, timeout=300, like_a_browser=like_a_browser)
            with lock:
                sessions.append(tab)
            start_line.wait()
            run = tab.run(query="")
            if run.exceptions() or run.first_table_seconds is None:
                raise RuntimeError(run.exceptions() or "no table")
            clicked = tab.run(widgets={run.widget_id("no_general"): True})
            done = ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY")
            if clicked.exceptions() or clicked.finished not in done:
                raise RuntimeError(clicked.exceptions() or f"the click's rerun: {clicked.finished}")
            with lock:
                first_table.append(run.first_table_seconds)
                # The whole reply: the floor sends its table again, the app
                # only the stylesheet that hides the options that do not fit.
                filter_update.append(clicked.seconds)
        except Exception as exc:  # counted, and the first kept to be shown
            with lock:
                errors += 1
                causes.append(exc)

    rss_before = sum(_rss_kib(pid) for pid in pids)
    cpu_before, wall_before = sum(cpu_seconds(pid) for pid in pids), time.perf_counter()
    with ThreadPoolExecutor(max_workers=size) as pool:
        list(pool.map(person, range(size)))
    cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
    wall = time.perf_counter() - wall_before
    time.sleep(0.5)
    # Every session still open and holding its state.
    rss_each = [_rss_kib(pid) for pid in pids]
    rss_after = sum(rss_each)
    for tab in sessions:
        tab.close()
    first_error = f"{type(causes[0]).__name__}: {causes[0]}" if causes else ""
    per_session = (rss_after - rss_before) / size
    return Crowd(
        first_table, filter_update, errors, per_session, cpu / wall, first_error, max(rss_each)
    )


# The goal for a crowd's first table: within this of the floor's.
CROWD_AT_MOST = 1.5


# What the rows that set the app against section 3's floor add to their measure.
_AGAINST_SAME_TABLE = (
    "against the app's own table and six filters in bare Streamlit (`bench/floor_table_app.py`)"
)


def _first_visit(url: str) -> tuple[int, int]:
    """The messages one new visitor's first run of the page brings, and their bytes."""
    with Session(url) as session:
        run = session.run()
    return run.messages, run.message_bytes


def _kb(count: int) -> str:
    return f"{count / 1024:.1f} KB"


def message_rows(app: str, floor: str, floor_table: str) -> list[Row]:
    """What a crowd's every visitor asks the one server to send: counted, not timed."""
    (mine, mine_bytes), (base, base_bytes), (same, same_bytes) = (
        _first_visit(url) for url in (app, floor, floor_table)
    )
    section = "4. A first visit to Compare"
    measure = "WebSocket messages to the end of the first run (bytes before compression)"
    return [
        Row(
            section,
            label,
            f"{mine} ({_kb(mine_bytes)})",
            f"{count} ({_kb(count_bytes)})",
            ratio(mine, count),
            "for reference",
        )
        for label, count, count_bytes in (
            (measure, base, base_bytes),
            (f"{measure}, {_AGAINST_SAME_TABLE}", same, same_bytes),
        )
    ]


def crowd_rows(
    sizes: Sizes, app: tuple[str, int], floor: tuple[str, int], floor_table: tuple[str, int]
) -> list[Row]:
    """Each crowd on the app, on the floor, and on the floor that draws the
    app's own table under its six filters (the fair floor of section 3)."""
    rows = message_rows(app[0], floor[0], floor_table[0])
    for size in sizes.crowds:
        mine, base = run_crowd(app[0], [app[1]], size), run_crowd(floor[0], [floor[1]], size)
        same_table = run_crowd(floor_table[0], [floor_table[1]], size)
        section = f"4. {size} sessions at once"
        for name, pick in (
            ("first table", lambda c: c.first_table),
            ("filter update", lambda c: c.filter_update),
        ):
            a, f = pick(mine), pick(base)
            for stat, fn in (("p50", median), ("p95", p95)):
                if a and f:
                    at_most = CROWD_AT_MOST if name == "first table" else None
                    rows.append(compared(section, f"{stat} {name}", fn(a), fn(f), at_most=at_most))
        for stat, fn in (("p50", median), ("p95", p95)):
            if mine.first_table and same_table.first_table:
                rows.append(
                    Row(
                        section,
                        f"{stat} first table, {_AGAINST_SAME_TABLE}",
                        ms(fn(mine.first_table)),
                        ms(fn(same_table.first_table)),
                        ratio(fn(mine.first_table), fn(same_table.first_table)),
                        "for reference",
                    )
                )
        rows.append(Row(section, "errors", str(mine.errors), str(base.errors), "", "none"))
        for who, crowd in (("app", mine), ("floor", base)):
            if crowd.first_error:
                print(f"{section}, {who}: first error: {crowd.first_error}", file=sys.stderr)
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
