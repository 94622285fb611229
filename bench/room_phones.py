"""9. A full room follows: many phones in one room, as protocol clients.

Browsers for 50 phones would eat the two cores the server needs, so each phone
here is a protocol-level session (`tools/session_client.py`) that opens the
Present page in the room and then does what a phone's browser does: once a
second it reruns the page's watching fragment (`run_every`), and when the room
has moved that run reruns the whole page, which brings the new slide. The
presenter's moves are made straight in the room's Redis, as a replica would
make them, so that no presenter window shares the server's time.

Reported: each phone's lag from a move to the new slide's reply, the server's
CPU time for each move (less what the phones' asking costs in the same time),
and what the phones cost the server each second while nobody moves.
"""

from __future__ import annotations

import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import Row, Sizes, cpu_seconds, median, ms, p95
from components.presenting.room import WATCH_EVERY as PHONES_ASK_EVERY
from deploy.processes import find_redis, start_redis, stop
from tools.live_server import running_server
from tools.session_client import Session
from treatments import loader
from treatments.presenting.rooms import REDIS_URL_VARIABLE, Deck, RedisRooms

SECTION = "9. A full room follows"
WATCH_EVERY = PHONES_ASK_EVERY.total_seconds()  # as each phone's timer runs it
P50_GOAL, P95_GOAL = 1.5, 2.5  # issue 32: the phones' lag with 50 in a room
_SLIDE = re.compile(r"Slide (\d+) of \d+\.")
_QUIET_SECONDS = 8.0  # how long the phones wait unmoved while their cost is measured
_SETTLE_SECONDS = 3.0  # between moves, as a presenter talks


@dataclass
class Phone:
    """One phone in the room: it asks once a second and notes when each slide arrives."""

    url: str
    code: str
    seen: dict[int, float] = field(default_factory=dict)  # slide -> when its reply came
    errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def follow(self, offset: float) -> None:
        try:
            with Session(self.url, timeout=120) as tab:
                run = tab.run(page="present", query=f"room={self.code}")
                self._note(run.texts())
                watch = run.auto_reruns[-1] if run.auto_reruns else None
                if watch is None:
                    raise RuntimeError("the page asked for no rerun on a timer")
                # Each phone's timer starts when it opened the page: spread over a second.
                due = time.perf_counter() + offset
                while not self.stop.is_set():
                    self.stop.wait(max(0.0, due - time.perf_counter()))
                    due += WATCH_EVERY
                    if self.stop.is_set():
                        break
                    run = tab.run(fragment=watch)
                    if run.exceptions():
                        raise RuntimeError(run.exceptions())
                    self._note(run.texts())
                    watch = run.auto_reruns[-1] if run.auto_reruns else watch
        except Exception as error:  # a phone's failure is counted, not raised
            self.errors.append(f"{type(error).__name__}: {error}")

    def _note(self, texts: list[str]) -> None:
        now = time.perf_counter()
        for text in texts:
            if found := _SLIDE.search(text):
                self.seen.setdefault(int(found.group(1)), now)


def room_phone_rows(sizes: Sizes) -> list[Row]:
    who = f"{sizes.room_protocol_phones} protocol phones"
    if find_redis() is None:
        return [Row(SECTION, f"{who}: skipped: redis-server not found", "")]
    with tempfile.TemporaryDirectory() as folder:
        redis, redis_url = start_redis(Path(folder) / "redis.log")
        try:
            with running_server(env={REDIS_URL_VARIABLE: redis_url}) as (server, url):
                return _measure(sizes, url, server.pid, redis_url, who)
        finally:
            stop(redis)


def _measure(sizes: Sizes, url: str, pid: int, redis_url: str, who: str) -> list[Row]:
    options = tuple(o.short_name for o in loader.load_catalogue().options)
    store = RedisRooms.from_url(redis_url)
    room = store.start(Deck(options, (), 1))
    phones = [Phone(url, room.code) for _ in range(sizes.room_protocol_phones)]
    threads = [
        threading.Thread(target=phone.follow, args=(i / len(phones),), daemon=True)
        for i, phone in enumerate(phones)
    ]
    for thread in threads:
        thread.start()
    try:
        deadline = time.perf_counter() + 300
        while time.perf_counter() < deadline and not all(1 in p.seen or p.errors for p in phones):
            time.sleep(0.2)
        time.sleep(2 * WATCH_EVERY)  # every phone asking on its timer
        before, began = cpu_seconds(pid), time.perf_counter()
        time.sleep(_QUIET_SECONDS)
        waiting = (cpu_seconds(pid) - before) / (time.perf_counter() - began)
        lags: list[float] = []
        cpu: list[float] = []
        for slide in range(2, 2 + sizes.room_moves):
            before, moved = cpu_seconds(pid), time.perf_counter()
            store.move(room.code, room.lead_key, Deck(options, (), slide))
            deadline = moved + 30
            while time.perf_counter() < deadline and not all(
                slide in p.seen or p.errors for p in phones
            ):
                time.sleep(0.05)
            spent = time.perf_counter() - moved
            cpu.append(cpu_seconds(pid) - before - waiting * spent)
            lags += [p.seen[slide] - moved for p in phones if slide in p.seen]
            time.sleep(_SETTLE_SECONDS)
    finally:
        for phone in phones:
            phone.stop.set()
        for thread in threads:
            thread.join(timeout=60)
    errors = [e for p in phones for e in p.errors]
    missed = sizes.room_moves * len(phones) - len(lags)
    return _rows(who, lags, cpu, waiting, len(phones), errors, missed)


def _rows(
    who: str,
    lags: list[float],
    cpu: list[float],
    waiting: float,
    phones: int,
    errors: list[str],
    missed: int,
) -> list[Row]:
    rows = [
        Row(SECTION, f"{who}: errors", str(len(errors)), goal=errors[0][:120] if errors else ""),
        Row(SECTION, f"{who}: moves a phone never saw within 30 s", str(missed)),
    ]
    if not lags:
        return rows
    p50_met = " ✓" if median(lags) <= P50_GOAL else " ✗"
    p95_met = " ✓" if p95(lags) <= P95_GOAL else " ✗"
    rows += [
        Row(
            SECTION, f"{who}: p50 lag to a phone", ms(median(lags)), goal=f"< {P50_GOAL} s{p50_met}"
        ),
        Row(SECTION, f"{who}: p95 lag to a phone", ms(p95(lags)), goal=f"< {P95_GOAL} s{p95_met}"),
        Row(SECTION, f"{who}: slowest of {len(lags)}", ms(max(lags))),
        Row(SECTION, f"{who}: server CPU per move", ms(median(cpu))),
        Row(SECTION, f"{who}: server CPU per move, per phone", ms(median(cpu) / phones)),
        Row(SECTION, f"{who}: server CPU each second while nobody moves", ms(waiting)),
        Row(
            SECTION,
            f"{who}: server CPU each second, per waiting phone",
            ms(waiting / phones),
        ),
    ]
    return rows
