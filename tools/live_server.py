"""Start and stop `streamlit run` on a free port, for tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    *, script: str = "app.py", env: dict[str, str] | None = None, base_path: str = ""
) -> tuple[subprocess.Popen, str, Path]:
    """Start `streamlit run <script>` on a free port; return process, URL and log file.

    ``base_path`` serves the app under a path (``/hfs``), as behind a proxy
    that shares a host with other sites; the URL returned includes it.

    It runs from the project folder, so it uses the project's production
    settings in `.streamlit/config.toml`.
    """
    port = _free_port()
    log = Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    if base_path:
        command += ["--server.baseUrlPath", base_path.strip("/")]
    # Output goes to a file, not a pipe, so a chatty server cannot block.
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env or os.environ.copy()
        )
    url = f"http://127.0.0.1:{port}" + (f"/{base_path.strip('/')}" if base_path else "")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return process, url, log
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text(errors='replace')}")


@contextlib.contextmanager
def running_server(
    *, script: str = "app.py", env: dict[str, str] | None = None, base_path: str = ""
) -> Iterator[tuple[subprocess.Popen, str]]:
    """`streamlit run <script>` for the length of a ``with`` block: process and URL."""
    process, url, log = start_server(script=script, env=env, base_path=base_path)
    try:
        yield process, url
    finally:
        stop_server(process)
        log.unlink(missing_ok=True)


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


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
