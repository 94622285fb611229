"""1. How long a warm script rerun takes, page by page (AppTest)."""

from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest

from bench.common import (
    APP,
    FLOOR,
    Row,
    Sizes,
    median,
    ms,
    ratio,
)
from tools.live_server import ROOT
from views.registry import HOME, PAGES


def rerun_seconds(script: str, page_file: str | None, repeats: int) -> float:
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
    return median(samples)


def reruns(sizes: Sizes) -> list[Row]:
    floor = rerun_seconds(str(ROOT / FLOOR), None, sizes.repeats)
    rows = []
    for page in PAGES:
        seconds = rerun_seconds(APP, None if page is HOME else page.file, sizes.repeats)
        rows.append(
            Row(
                "1. Rerun (AppTest, warm)",
                page.title,
                ms(seconds),
                ms(floor),
                ratio(seconds, floor),
                "≤ 30 ms" + (" ✓" if seconds <= 0.030 else " ✗"),
            )
        )
    return rows
