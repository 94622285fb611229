"""What every section of the benchmark shares: sizes, a result's row, how figures are written."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from pathlib import Path

from tools.live_server import ROOT

APP = str(ROOT / "app.py")
FLOOR = "bench/floor_app.py"
FLOOR_FILTERS = "bench/floor_filters_app.py"
FLOOR_TABLE = "bench/floor_table_app.py"
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
    phone_repeats: int  # each phone visit moves the whole page over slow 3G: tens of seconds
    room_phones: int  # phones following a presenter's room (section 8)
    room_moves: int  # the presenter's moves they follow, from tools.follow_along.TEN_MOVES
    room_protocol_phones: int  # phones in one room as protocol clients (section 9)


FULL = Sizes(
    repeats=20,
    browser_repeats=9,
    crowds=(30, 100),
    scales=(1, 10, 100),
    phone_repeats=3,
    room_phones=5,
    room_moves=10,
    room_protocol_phones=50,
)
QUICK = Sizes(
    repeats=2,
    browser_repeats=1,
    crowds=(2,),
    scales=(1, 2),
    phone_repeats=1,
    room_phones=2,
    room_moves=3,
    room_protocol_phones=3,
)


@dataclass
class Row:
    section: str
    measure: str
    app: str
    floor: str = ""
    ratio: str = ""
    goal: str = ""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ratio(app: float, floor: float) -> str:
    return f"{app / floor:.2f}×" if floor else ""


def compared(
    section: str, measure: str, app: float, floor: float, *, at_most: float | None = None
) -> Row:
    """A row of seconds beside the floor's; ``at_most`` is the goal for their ratio."""
    goal = ""
    if at_most is not None:
        goal = f"≤ {at_most:.2f}×" + (" ✓" if app <= at_most * floor else " ✗")
    return Row(section, measure, ms(app), ms(floor), ratio(app, floor), goal)


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used so far (user and system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
