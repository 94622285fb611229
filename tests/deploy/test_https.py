"""HAProxy with a certificate (``HFS_TLS_CERT``): HTTPS, HTTP/2, and the page's WebSocket."""

from __future__ import annotations

import socket
import ssl
import urllib.request
from pathlib import Path

from websockets.sync.client import connect
from websockets.typing import Subprotocol

from deploy.local import Cluster
from tests.helpers import require_tool
from tools.certificate import self_signed_certificate


def test_the_balancer_speaks_https_and_http2(haproxy: str, tmp_path: Path) -> None:
    require_tool("openssl", "openssl")
    pem = self_signed_certificate(tmp_path)
    trusting = ssl.create_default_context(cafile=pem)
    with Cluster(replicas=1, haproxy=haproxy, tls_certificate=pem) as cluster:
        assert cluster.url.startswith("https://")
        # A browser offers HTTP/2 first; the balancer takes it.
        trusting.set_alpn_protocols(["h2", "http/1.1"])
        with (
            socket.create_connection(("127.0.0.1", cluster.port), timeout=10) as raw,
            trusting.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
        ):
            assert tls.selected_alpn_protocol() == "h2"
        # The page and the socket that carries its words, over TLS.
        plain = ssl.create_default_context(cafile=pem)
        with urllib.request.urlopen(cluster.url + "/", timeout=10, context=plain) as page:
            assert page.status == 200
            assert b'<div id="root">' in page.read()
        stream = cluster.url.replace("https://", "wss://", 1) + "/_stcore/stream"
        with connect(stream, subprotocols=[Subprotocol("streamlit")], ssl=plain) as socket_:
            assert socket_.response is not None
            assert socket_.response.status_code == 101
