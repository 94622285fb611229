"""The benchmark still runs end to end, at tiny sizes. No timing is checked here:
timings belong in bench/RESULTS.md, never in pass/fail tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import QUICK
from bench.report import BY_HAND
from tests.helpers import ROOT
from views.registry import PAGES


# It starts every section's servers, a browser and clusters behind HAProxy:
# several minutes on 2 busy cores, over the suite's 300 s for one test.
@pytest.mark.browser
@pytest.mark.timeout(900)
def test_quick_benchmark_writes_every_section(tmp_path: Path, chromium_path: str) -> None:
    del chromium_path  # the browser sections must run, not skip
    out = tmp_path / "results.md"
    by_hand = f"\n{BY_HAND}\n\n- A figure no run measures.\n"
    out.write_text("# An earlier run\n" + by_hand, encoding="utf-8")
    # In a process of its own, as a person runs it: in this one, the browser
    # tests' Playwright may have left an event loop running, where the
    # benchmark's own Playwright cannot start.
    command = [sys.executable, "-m", "bench", "--quick", "--out", str(out)]
    assert subprocess.run(command, cwd=ROOT, check=False).returncode == 0
    text = out.read_text(encoding="utf-8")
    for section in (
        "1. Rerun",
        "2. Navigation",
        "2b. Phone",
        "3. Filter click",
        "4. ",
        "5. PDF",
        "6. Scale",
        "7. Deployed",
        "8. Following a room",
        "9. A full room follows",
    ):
        assert f"| {section}" in text, section
    for page in PAGES:
        assert f"| {page.title} |" in text
    assert f"{QUICK.crowds[0]} sessions at once | errors | 0 | 0 |" in text
    assert (
        f"| 9. A full room follows | {QUICK.room_protocol_phones} protocol phones: errors | 0 |"
        in text
    )
    assert "| … request → first reply |" in text
    assert "Compare page in Spanish" in text
    assert "bench/floor_table_app.py" in text, "the filter click's floor draws the app's table"
    assert "skipped" not in text
    assert text.endswith(by_hand) and "An earlier run" not in text
