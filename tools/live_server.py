"""Start and stop `streamlit run` on a free port, for tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

# One way to start, watch and stop a replica, shared with the deployment's runner.
from deploy.processes import ROOT, free_port, stop, streamlit_command, wait_until_healthy


def start_server(
    *, script: str = "app.py", env: dict[str, str] | None = None, base_path: str = ""
) -> tuple[subprocess.Popen[bytes], str, Path]:
    """Start `streamlit run <script>` on a free port; return process, URL and log file.

    ``base_path`` serves the app under a path (``/hfs``), as behind a proxy
    that shares a host with other sites; the URL returned includes it.

    It runs from the project folder, so it uses the project's production
    settings in `.streamlit/config.toml`.
    """
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    # Output goes to a file, not a pipe, so a chatty server cannot block.
    with log.open("wb") as out:
        process = subprocess.Popen(
            streamlit_command(port, script=script, base_path=base_path),
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env or os.environ.copy(),
        )
    url = f"http://127.0.0.1:{port}" + (f"/{base_path.strip('/')}" if base_path else "")
    wait_until_healthy(process, url, log)
    return process, url, log


@contextlib.contextmanager
def running_server(
    *, script: str = "app.py", env: dict[str, str] | None = None, base_path: str = ""
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`streamlit run <script>` for the length of a ``with`` block: process and URL."""
    process, url, log = start_server(script=script, env=env, base_path=base_path)
    try:
        yield process, url
    finally:
        stop_server(process)
        log.unlink(missing_ok=True)


# The runner's own stop, under the name the tests know.
stop_server = stop


def find_chromium() -> str | None:
    """The Chromium to drive: $CHROMIUM, else Debian's, else any on the PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None
