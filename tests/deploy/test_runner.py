"""`python -m deploy.local`: starts the replicas and HAProxy, and stops them all on SIGTERM."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import urllib.request

from deploy.processes import free_port
from tests.helpers import ROOT


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_the_runner_serves_through_haproxy_and_stops_everything_on_sigterm(
    haproxy: str, redis_server: str
) -> None:
    del haproxy, redis_server  # the runner finds them itself
    port = free_port()
    runner = subprocess.Popen(
        [sys.executable, "-m", "deploy.local", "--replicas", "2", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert runner.stdout is not None
        first = runner.stdout.readline()
        found = re.search(r"2 replicas \(ports (\d+), (\d+)\) behind HAProxy: (\S+)", first)
        assert found, first
        replica_ports = [int(found.group(1)), int(found.group(2))]
        assert found.group(3) == f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{found.group(3)}/_stcore/health", timeout=10) as answer:
            assert answer.read() == b"ok"
        # The replicas listen on loopback only, each on its own port.
        assert all(_listening(p) for p in replica_ports)
        # Two replicas share their rooms through a Redis of the runner's own.
        shared = re.search(
            r"Rooms are shared through Redis at redis://127\.0\.0\.1:(\d+)/0\.",
            runner.stdout.readline(),
        )
        assert shared, "the runner starts Redis for more than one replica"
        redis_port = int(shared.group(1))
        assert _listening(redis_port)

        runner.send_signal(signal.SIGTERM)
        assert runner.wait(timeout=60) == 0
        assert not any(_listening(p) for p in [port, *replica_ports, redis_port])
    finally:
        if runner.poll() is None:
            runner.kill()
