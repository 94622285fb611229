"""HAProxy in front of real `streamlit run` replicas, started by the deployment's own runner."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from deploy.local import Cluster
from tests.conftest import require_tool

REPLICAS = 3


@pytest.fixture(scope="session")
def haproxy() -> str:
    return require_tool("haproxy", "haproxy")


@pytest.fixture(scope="module")
def cluster(haproxy: str) -> Iterator[Cluster]:
    """Three replicas behind HAProxy, for one test module."""
    with Cluster(replicas=REPLICAS, haproxy=haproxy) as running:
        yield running
