"""Run N replicas of the app behind HAProxy on this machine, in the foreground.

    python -m deploy.local --replicas 3 --port 8080

It starts N `streamlit run app.py` processes on free loopback ports, each with
the project's production settings and one shared cookie secret, waits until
each answers its health check, then starts HAProxy with `deploy/haproxy.cfg`,
the same file the compose file uses. Ctrl-C or SIGTERM stops every process it
started. A replica that dies is left dead, as in production: HAProxy's health
check takes it out and the others carry on.

Tests and the benchmark use `Cluster` directly.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import os
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType

from deploy.precompress import precompress, write_first_screen
from deploy.processes import (
    HEALTH_PATH,
    ROOT,
    find_haproxy,
    free_port,
    start_redis,
    stop,
    streamlit_command,
    wait_until_healthy,
)
from treatments.presenting.rooms import REDIS_URL_VARIABLE


@functools.cache
def _static_copies() -> Path:
    """Streamlit's files compressed ahead of time, made once per process and
    copied into each cluster's folder: Brotli at its best level is slow over
    Streamlit's hundreds of files, and a test run or a benchmark starts many
    clusters.
    The files never change for an installed Streamlit."""
    folder = Path(tempfile.mkdtemp(prefix="hfs-static-copies-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    precompress(folder)
    return folder


HAPROXY_CONFIG = ROOT / "deploy" / "haproxy.cfg"
STATIC_LUA = ROOT / "deploy" / "static.lua"
# haproxy.cfg names HFS_APP1 to HFS_APP8.
MAX_REPLICAS = 8


def haproxy_environment(bind: str, replicas: Sequence[str]) -> dict[str, str]:
    """The variables `deploy/haproxy.cfg` reads: where to listen, and each replica's address."""
    if not 1 <= len(replicas) <= MAX_REPLICAS:
        raise ValueError(f"between 1 and {MAX_REPLICAS} replicas, not {len(replicas)}")
    env = {"HFS_BIND": bind}
    env.update({f"HFS_APP{number}": address for number, address in enumerate(replicas, 1)})
    return env


@dataclass
class Replica:
    """One `streamlit run` process."""

    number: int
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def cookie(self) -> str:
        """The value of HAProxy's affinity cookie for this replica (haproxy.cfg)."""
        return f"app{self.number}"


@dataclass
class Cluster:
    """N replicas and HAProxy in front; a context manager that stops them all.

    Parameters
    ----------
    replicas
        How many `streamlit run` processes, 1 to 8.
    port
        HAProxy's port; 0 picks a free one.
    host
        HAProxy's address. The replicas always listen on loopback only.
    haproxy
        HAProxy's path; by default found as `find_haproxy` says.
    precompressed
        Gzip Streamlit's static files ahead of time for HAProxy to send
        (`deploy/precompress.py`); otherwise HAProxy compresses them on the fly.
    shared_rooms
        Start redis-server and keep the rooms phones follow there, so every
        replica sees them. By default, whenever there is more than one replica
        (one replica keeps its rooms in its own memory).
    tls_certificate
        A PEM file with a certificate and its key: HAProxy then speaks HTTPS
        and HTTP/2 (``HFS_TLS_CERT`` in ``deploy/haproxy.cfg``), and :attr:`url`
        starts with ``https``. A self-signed one is for tests only.
    """

    replicas: int = 2
    port: int = 0
    host: str = "127.0.0.1"
    script: str = "app.py"
    haproxy: str | None = None
    precompressed: bool = True
    shared_rooms: bool | None = None
    tls_certificate: Path | None = None
    running: list[Replica] = field(default_factory=list)
    balancer: subprocess.Popen[bytes] | None = None
    redis: subprocess.Popen[bytes] | None = None
    redis_url: str | None = None
    _logs: list[Path] = field(default_factory=list)
    _folders: list[Path] = field(default_factory=list)

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        scheme = "https" if self.tls_certificate else "http"
        return f"{scheme}://{shown}:{self.port}"

    def start(self) -> Cluster:
        haproxy = self.haproxy or find_haproxy()
        if haproxy is None:
            raise RuntimeError("HAProxy not found: install Debian's 'haproxy' or set HAPROXY")
        if not 1 <= self.replicas <= MAX_REPLICAS:
            raise ValueError(f"between 1 and {MAX_REPLICAS} replicas, not {self.replicas}")
        self.port = self.port or free_port()
        env = os.environ.copy()
        # One secret for all replicas, so each signs cookies the others accept.
        env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_urlsafe(32))
        try:
            shared = self.replicas > 1 if self.shared_rooms is None else self.shared_rooms
            if shared:
                self.redis, self.redis_url = start_redis(self._new_log("redis-"))
                env[REDIS_URL_VARIABLE] = self.redis_url
            for number in range(1, self.replicas + 1):
                self.running.append(self._start_replica(number, env))
            for replica in self.running:
                wait_until_healthy(replica.process, replica.url, replica.log)
            bind = f"{self.host}:{self.port}"
            addresses = [f"127.0.0.1:{replica.port}" for replica in self.running]
            settings = haproxy_environment(bind, addresses)
            if self.precompressed:
                folder = Path(tempfile.mkdtemp(prefix="hfs-precompressed-"))
                self._folders.append(folder)
                shutil.copytree(_static_copies(), folder, dirs_exist_ok=True)
                write_first_screen(folder)
                settings |= {"HFS_PRECOMPRESSED": str(folder), "HFS_STATIC_LUA": str(STATIC_LUA)}
            if self.tls_certificate:
                settings["HFS_TLS_CERT"] = str(self.tls_certificate)
            log = self._new_log("haproxy-")
            with log.open("wb") as out:
                # -db: stay in the foreground; -W: master-worker, so SIGTERM
                # to this one process stops HAProxy cleanly.
                self.balancer = subprocess.Popen(
                    [haproxy, "-W", "-db", "-f", str(HAPROXY_CONFIG)],
                    env={**env, **settings},
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            # A test's certificate is signed by no authority: trust that one file.
            trusting = (
                ssl.create_default_context(cafile=self.tls_certificate)
                if self.tls_certificate
                else None
            )
            wait_until_healthy(self.balancer, self.url, log, seconds=20, context=trusting)
        except BaseException:
            self.close()
            raise
        return self

    def _start_replica(self, number: int, env: dict[str, str]) -> Replica:
        port = free_port()
        log = self._new_log(f"replica{number}-")
        with log.open("wb") as out:
            process = subprocess.Popen(
                streamlit_command(port, script=self.script),
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        return Replica(number, port, process, log)

    def _new_log(self, prefix: str) -> Path:
        log = Path(tempfile.mkstemp(prefix=f"hfs-{prefix}", suffix=".log")[1])
        self._logs.append(log)
        return log

    def kill(self, number: int) -> None:
        """Kill replica ``number`` (1-based) at once, as a crash would."""
        replica = self.running[number - 1]
        replica.process.kill()
        replica.process.wait()

    def wait_until_out(self, number: int, *, seconds: float = 15) -> None:
        """Return once HAProxy sends no new visitor to replica ``number``.

        Known from the outside by asking for that replica with its cookie:
        HAProxy answers from another one and sets a new cookie.
        """
        deadline = time.monotonic() + seconds
        wanted = self.running[number - 1].cookie
        while time.monotonic() < deadline:
            request = urllib.request.Request(
                self.url + HEALTH_PATH, headers={"Cookie": f"hfs_replica={wanted}"}
            )
            try:
                with urllib.request.urlopen(request, timeout=2) as response:
                    moved = [
                        cookie
                        for cookie in response.headers.get_all("Set-Cookie") or []
                        if cookie.startswith("hfs_replica=")
                    ]
                    if moved and not moved[0].startswith(f"hfs_replica={wanted};"):
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"HAProxy still sends visitors to replica {number}")

    def close(self) -> None:
        """Stop HAProxy, then every replica, and remove the logs."""
        if self.balancer is not None:
            stop(self.balancer)
        for replica in self.running:
            stop(replica.process)
        if self.redis is not None:
            stop(self.redis)
        for log in self._logs:
            log.unlink(missing_ok=True)
        for folder in self._folders:
            shutil.rmtree(folder, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m deploy.local",
        description="Run N replicas of the app behind HAProxy, in the foreground.",
    )
    parser.add_argument("--replicas", type=int, default=2, help="1 to 8 (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="HAProxy's port (default 8080)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="HAProxy's address (default 127.0.0.1; 0.0.0.0 to serve a room's network)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.replicas <= MAX_REPLICAS:
        parser.error(f"--replicas must be between 1 and {MAX_REPLICAS}")

    stopping = False

    def _stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    cluster = Cluster(replicas=args.replicas, port=args.port, host=args.host)
    try:
        cluster.start()
        ports = ", ".join(str(replica.port) for replica in cluster.running)
        print(f"{args.replicas} replicas (ports {ports}) behind HAProxy: {cluster.url}", flush=True)
        if cluster.redis_url:
            print(f"Rooms are shared through Redis at {cluster.redis_url}.", flush=True)
        print("Press Ctrl-C to stop them all.", flush=True)
        reported: set[int] = set()
        while not stopping:
            if cluster.balancer is not None and cluster.balancer.poll() is not None:
                print("HAProxy stopped; stopping the replicas.", file=sys.stderr, flush=True)
                return 1
            for replica in cluster.running:
                if replica.process.poll() is not None and replica.number not in reported:
                    reported.add(replica.number)
                    print(f"Replica {replica.number} stopped.", file=sys.stderr, flush=True)
            time.sleep(0.5)
        return 0
    finally:
        cluster.close()


if __name__ == "__main__":
    sys.exit(main())
