"""Starting, watching and stopping the processes the app runs with: `streamlit
run`, redis-server, and the free loopback ports they listen on.

The local runner (:mod:`deploy.local`) starts its replicas with these, and so
do the tests and tools that need a server of their own (`tools.live_server`).
"""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEALTH_PATH = "/_stcore/health"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def streamlit_command(
    port: int, *, script: str = "app.py", address: str = "127.0.0.1", base_path: str = ""
) -> list[str]:
    """The command line of one `streamlit run` replica."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / script),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "true",
    ]
    if base_path:
        command += ["--server.baseUrlPath", base_path.strip("/")]
    return command


def wait_until_healthy(
    process: subprocess.Popen[bytes],
    url: str,
    log: Path,
    *,
    seconds: float = 90,
    context: ssl.SSLContext | None = None,
) -> None:
    """Return once ``url``'s health check says ok; raise if the process exits or time runs out.

    ``context`` checks an ``https`` URL's certificate (by default, as the system trusts)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text(errors='replace')}")
        try:
            health = url.rstrip("/") + HEALTH_PATH
            with urllib.request.urlopen(health, timeout=2, context=context) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{url} did not become healthy:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen[bytes], *, seconds: float = 15) -> None:
    """Ask a process to stop, and kill it if it has not after ``seconds``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def find_redis() -> str | None:
    """redis-server from $REDIS_SERVER, else the PATH, else Debian's place for it."""
    return (
        os.environ.get("REDIS_SERVER")
        or shutil.which("redis-server")
        or shutil.which("/usr/bin/redis-server")
    )


def redis_command(redis_server: str, port: int) -> list[str]:
    """Redis for rooms only: loopback, no password needed there, nothing written
    to disk (a room is a deck and a slide number for a few hours), and a memory
    cap with the soonest-ending rooms dropped first if it is ever reached."""
    return [
        redis_server,
        "--bind", "127.0.0.1",
        "--port", str(port),
        "--save", "",
        "--appendonly", "no",
        "--maxmemory", "64mb",
        "--maxmemory-policy", "volatile-ttl",
    ]  # fmt: skip


def start_redis(log: Path, redis_server: str | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start redis-server on a free loopback port; return it and its URL once it answers."""
    found = redis_server or find_redis()
    if found is None:
        raise RuntimeError("redis-server not found: install Debian's 'redis-server'")
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(redis_command(found, port), stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited early:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"redis-server did not answer:\n{log.read_text(errors='replace')}")


def find_haproxy() -> str | None:
    """HAProxy from $HAPROXY, else the PATH, else Debian's place for it."""
    return os.environ.get("HAPROXY") or shutil.which("haproxy") or shutil.which("/usr/sbin/haproxy")
