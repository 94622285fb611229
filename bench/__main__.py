"""Measure the app against the floor Streamlit sets, and write bench/RESULTS.md.

Run from the project folder (Chromium needed for the browser figures)::

    python -m bench                 # the full run (its time: bench/RESULTS.md)
    python -m bench --quick --out /tmp/results.md   # tiny sizes: a smoke run

The floor is ``bench/floor_app.py``: a bare script that shows the same five
options in a plain ``st.table`` with one filter. Every figure is the median of
several runs, measured in the same run as the floor's, with the ratio. For the
filter click it times ``bench/floor_table_app.py``, the app's six filters and
its own table drawn the plain way, and ``bench/floor_filters_app.py``, the six
filters over the floor's small table, to show what the controls cost alone.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

from streamlit.logger import set_log_level

from bench.browser import browser_rows, phone_rows
from bench.common import (
    FLOOR,
    FLOOR_FILTERS,
    FLOOR_TABLE,
    FULL,
    QUICK,
    RESULTS,
)
from bench.crowd import crowd_rows
from bench.deploy import deploy_rows
from bench.pdfs import pdf_rows
from bench.report import report
from bench.reruns import reruns
from bench.room_phones import room_phone_rows
from bench.rooms import room_rows
from bench.scale import scale_rows
from tools.live_server import running_server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the Markdown")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    set_log_level("error")
    began = time.perf_counter()

    rows = reruns(sizes)
    # Each server is stopped however the run ends, even if a later one fails to start.
    with contextlib.ExitStack() as servers:
        app_process, app_url = servers.enter_context(running_server())
        floor_process, floor_url = servers.enter_context(running_server(script=FLOOR))
        _, filters_url = servers.enter_context(running_server(script=FLOOR_FILTERS))
        table_process, table_url = servers.enter_context(running_server(script=FLOOR_TABLE))
        urls = {
            "app": app_url,
            "floor": floor_url,
            "floor_filters": filters_url,
            "floor_table": table_url,
        }
        # The Compare page in Spanish too, against the English one.
        rows += browser_rows(sizes, {**urls, "app_es": f"{app_url}/?lang=es"})
        rows += phone_rows(sizes, urls)
        rows += crowd_rows(
            sizes,
            (app_url, app_process.pid),
            (floor_url, floor_process.pid),
            (table_url, table_process.pid),
        )
        rows += deploy_rows(sizes, app_url, app_process.pid)
        rows += room_rows(sizes, app_url)
    rows += room_phone_rows(sizes)
    rows += pdf_rows(sizes)
    rows += scale_rows(sizes)

    command = "python -m bench" + (" --quick" if args.quick else "")
    previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    text = report(rows, command=command, seconds=time.perf_counter() - began, previous=previous)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
