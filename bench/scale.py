"""6. Scale: the Compare page with 10 and 100 times the options."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import streamlit
import yaml
from streamlit.logger import set_log_level
from streamlit.testing.v1 import AppTest

from bench.common import (
    APP,
    Row,
    Sizes,
    median,
    ms,
)
from bench.reruns import rerun_seconds
from tools.live_server import ROOT
from treatments import loader


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


def _first_run_seconds(repeats: int) -> float:
    samples = []
    for _ in range(max(1, repeats // 4)):
        streamlit.cache_data.clear()
        streamlit.cache_resource.clear()
        at = AppTest.from_file(APP, default_timeout=600)
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(str(at.exception))
    return median(samples)


def _measure(path: Path, repeats: int) -> dict[str, float]:
    """Run in a child process that exists only to measure one file.

    The 100-times file is larger than the loader's 1 MB safety limit on
    purpose, so the child lifts that limit for itself; the benchmark's own
    process, and every other section, keep the app's settings untouched.
    """
    loader.MAX_BYTES = 100_000_000
    options = len(loader.load_catalogue(path).options)
    first = _first_run_seconds(repeats)
    rerun = rerun_seconds(APP, None, max(2, repeats // 4))
    return {"options": options, "first": first, "rerun": rerun}


def _measured(path: Path, repeats: int) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.scale", str(path), str(repeats)]
    env = {**os.environ, "TREATMENTS_FILE": str(path)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"measuring {path.name} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def scale_rows(sizes: Sizes) -> list[Row]:
    rows = []
    base_rerun = base_first = 0.0
    base_options = 1
    with tempfile.TemporaryDirectory() as folder:
        for times in sizes.scales:
            found = _measured(_scaled_file(times, Path(folder)), sizes.repeats)
            options, first, rerun = int(found["options"]), found["first"], found["rerun"]
            if times == 1:
                base_rerun, base_first, base_options = rerun, first, options
            rows.append(
                Row(
                    "6. Scale (Compare page, AppTest)",
                    f"{times}× ({options} options): first run / warm rerun",
                    f"{ms(first)} / {ms(rerun)}",
                    "",
                    f"{first / base_first:.1f}× / {rerun / base_rerun:.1f}×",
                    f"rows grew {options / base_options:.1f}×" if times > 1 else "",
                )
            )
    return rows


if __name__ == "__main__":
    # python -m bench.scale PATH REPEATS: one file's figures, as JSON (see _measure).
    set_log_level("error")
    print(json.dumps(_measure(Path(sys.argv[1]), int(sys.argv[2]))))
