"""HAProxy in front of real `streamlit run` replicas, started by the deployment's own runner."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from deploy.local import Cluster
from tests.helpers import require_tool

# Three replicas: enough to see the balancer spread a room, few enough for 2 cores.
REPLICAS = 3


@pytest.fixture(scope="session")
def haproxy() -> str:
    return require_tool("haproxy", "haproxy")


@pytest.fixture(scope="session")
def redis_server() -> str:
    """The runner starts redis-server for rooms whenever there are several replicas."""
    return require_tool("redis-server", "redis-server")


@pytest.fixture(scope="module")
def cluster(haproxy: str, redis_server: str) -> Iterator[Cluster]:
    """Three replicas behind HAProxy, sharing rooms through Redis, for one test module."""
    del redis_server
    with Cluster(replicas=REPLICAS, haproxy=haproxy) as running:
        yield running
