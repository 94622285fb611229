"""Three replicas behind HAProxy, as `python -m deploy.local --replicas 3` runs them.

What a hospital's operations engineer needs to be true: a room of people
spreads over every replica, each browser stays on its own (its printout is in
that replica's memory), and the balancer compresses, sets the security
headers and keeps the metrics inside.
"""

from __future__ import annotations

import gzip
import re
import socket
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import brotli
import pytest
from playwright.sync_api import Browser, Page, expect

from deploy.local import Cluster
from deploy.precompress import LOADING
from tests.browser import ui
from tests.helpers import pdf_text
from tests.server.test_crowd import journey
from treatments.schema import Catalogue
from views import registry

CROWD = 30
# A document-wide listener: every Content-Security-Policy violation becomes a console line.
REPORT_CSP = """
document.addEventListener("securitypolicyviolation", event => console.error(
    "CSP violation: " + event.violatedDirective + " " + event.blockedURI));
"""


def _get(
    url: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, list[str]], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, raw, body = error.code, error.headers, error.read()
    named: dict[str, list[str]] = {}
    for name, value in raw.items():
        named.setdefault(name.lower(), []).append(value)
    return status, named, body


def _connects(cluster: Cluster) -> list[int]:
    """How many WebSocket sessions each replica has taken, from its own metrics."""
    counts = []
    for replica in cluster.running:
        _, _, body = _get(replica.url + "/_stcore/metrics")
        found = re.search(rb'session_events_total\{type="connect"\} (\d+)', body)
        assert found, body[:500]
        counts.append(int(found.group(1)))
    return counts


def test_a_room_of_thirty_spreads_over_every_replica_with_no_error(
    cluster: Cluster, catalogue: Catalogue
) -> None:
    """All thirty come from one address, as a class behind a hospital's network does."""
    before = _connects(cluster)
    start = threading.Barrier(CROWD, timeout=120)
    with ThreadPoolExecutor(max_workers=CROWD) as pool:
        futures = [
            pool.submit(journey, cluster.url, i, catalogue, start, like_a_browser=True)
            for i in range(CROWD)
        ]
        failures = [repr(f.exception()) for f in futures if f.exception() is not None]
    assert failures == []
    taken = [after - earlier for after, earlier in zip(_connects(cluster), before, strict=True)]
    assert sum(taken) == CROWD
    # Round robin for newcomers: an even share each.
    replicas = len(cluster.running)
    assert taken == [CROWD // replicas] * replicas


def test_the_balancer_compresses_and_keeps_streamlits_cache_headers(cluster: Cluster) -> None:
    status, page_headers, page = _get(cluster.url + "/", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert page_headers["content-encoding"] == ["gzip"]
    script = re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', gzip.decompress(page))
    assert script, "the page names its script"
    status, headers, body = _get(
        f"{cluster.url}/{script.group(1).decode()}", {"Accept-Encoding": "gzip"}
    )
    _, _, plain = _get(f"{cluster.running[0].url}/{script.group(1).decode()}")
    assert status == 200 and headers["content-encoding"] == ["gzip"]
    assert gzip.decompress(body) == plain
    # Streamlit's own files come from the copies gzipped at level 9 ahead of
    # time (deploy/precompress.py): under a third of their size. HAProxy's
    # on-the-fly libslz, which compressed the page above, gives about half.
    assert len(body) < len(plain) / 3
    assert headers["cache-control"] == ["public, immutable, max-age=31536000"]

    # A browser that takes Brotli (every browser in use) gets the Brotli copy,
    # smaller again; one that turns it off with q=0 gets gzip.
    path = f"{cluster.url}/{script.group(1).decode()}"
    status, br_headers, smaller = _get(path, {"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert status == 200 and br_headers["content-encoding"] == ["br"]
    assert brotli.decompress(smaller) == plain
    assert len(smaller) < 0.9 * len(body)
    assert br_headers["vary"] == ["Accept-Encoding"]
    assert br_headers["cache-control"] == headers["cache-control"]
    _, off, _ = _get(path, {"Accept-Encoding": "gzip, br;q=0"})
    assert off["content-encoding"] == ["gzip"]


def test_a_page_has_words_to_read_before_the_app_arrives(
    cluster: Cluster, browser: Browser, catalogue: Catalogue
) -> None:
    """Patients: on a slow phone the screen stayed white, with no word, for 15 to 19 s."""
    _, _, streamlit_page = _get(cluster.running[0].url + "/")
    for page in registry.PAGES:
        status, headers, body = _get(cluster.url + page.path, {"Accept-Encoding": "gzip"})
        assert status == 200 and headers["content-encoding"] == ["gzip"], page.path
        text = gzip.decompress(body).decode()
        assert f"<h1>{catalogue.meta.title}</h1>" in text, page.path
        assert f"<p>{LOADING}</p>" in text
        assert f"<title>{catalogue.meta.title}</title>" in text
        # Streamlit's own page, but for the words: the same scripts and policy hash.
        assert re.findall(r"<script[^>]*>", text) == re.findall(
            r"<script[^>]*>", streamlit_page.decode()
        )
        assert "default-src 'self'" in headers["content-security-policy"][0]
    # In Chromium, with the app's JavaScript held back as on a very slow line.
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        tab = context.new_page()
        tab.route("**/static/js/**", lambda route: None)  # never answered
        tab.goto(cluster.url + "/questions", wait_until="commit")
        expect(tab.get_by_role("heading", level=1)).to_have_text(catalogue.meta.title)
        expect(tab.get_by_text(LOADING)).to_be_visible()
        # With its JavaScript, the app draws over the words.
        tab.unroute("**/static/js/**")
        tab.goto(cluster.url + "/questions")
        ui.wait_for_app(tab)
        expect(tab.get_by_text(LOADING)).to_have_count(0)
        expect(tab.get_by_role("heading", name="Questions for my visit")).to_be_visible()
    finally:
        context.close()


def test_every_answer_has_the_security_headers(cluster: Cluster) -> None:
    for path, gzipped in (
        ("/", False),
        ("/", True),
        ("/questions", True),
        ("/_stcore/health", False),
        ("/favicon.png", False),
    ):
        _, headers, _ = _get(cluster.url + path, {"Accept-Encoding": "gzip"} if gzipped else {})
        policy = headers["content-security-policy"][0]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert "'unsafe-eval'" not in policy, path
        assert headers["x-content-type-options"] == ["nosniff"], path
        assert headers["referrer-policy"] == ["no-referrer"], path
        assert "camera=()" in headers["permissions-policy"][0], path
        assert headers["x-frame-options"] == ["DENY"], path
        assert "server" not in headers, path


def test_metrics_stay_inside(cluster: Cluster) -> None:
    status, _, _ = _get(cluster.url + "/_stcore/metrics")
    assert status == 404
    # Only at the balancer: a replica, on loopback, still answers its operator.
    status, _, _ = _get(cluster.running[0].url + "/_stcore/metrics")
    assert status == 200


def _health_from(port: int, source: str) -> bytes:
    """The start of the balancer's answer to a health check sent from ``source``."""
    with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0)) as c:
        c.sendall(b"GET /_stcore/health HTTP/1.1\r\nHost: x\r\n\r\n")
        return c.recv(100)


def test_one_address_cannot_hold_more_than_its_share_of_connections(cluster: Cluster) -> None:
    """haproxy.cfg allows 300 open connections per address, and refuses the next."""
    port = int(cluster.url.rsplit(":", 1)[1])
    # An address of its own on the loopback: the other tests' browsers, whose
    # connections may still be closing, count against 127.0.0.1, not this one.
    source = "127.0.0.2"
    held = [
        socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
        for _ in range(300)
    ]
    try:
        time.sleep(0.5)
        # The 300th is still served...
        held[-1].sendall(b"GET /_stcore/health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert held[-1].recv(100).startswith(b"HTTP/1.1 200")
        # ...the next is not. HAProxy closes it at once; depending on timing
        # that shows as a reset on connect, on send or on read, or an empty read.
        try:
            answer = _health_from(port, source)
        except (ConnectionResetError, BrokenPipeError):
            answer = b""
        assert answer == b"", "the 301st connection was served"
    finally:
        for connection in held:
            connection.close()
    # The limit counts open connections: once they close, the same address is served.
    deadline = time.monotonic() + 10
    while True:
        try:
            if _health_from(port, source).startswith(b"HTTP/1.1 200"):
                break
        except OSError:
            pass
        assert time.monotonic() < deadline
        time.sleep(0.2)


def _printout(page: Page, catalogue: Catalogue) -> bytes:
    """Tick a question, make the printout and download it."""
    ui.tick(page, catalogue.questions.items[0])
    ui.wait_for_app(page)
    return ui.make_and_download_printout(page)


@pytest.mark.browser
def test_people_in_chromium_each_download_their_printout_from_their_own_replica(
    cluster: Cluster, browser: Browser, catalogue: Catalogue
) -> None:
    """Three people land on three replicas; each printout is fetched from the replica that made it.

    The first also goes through every page, a slide deck and its QR code, and
    Chromium reports no Content-Security-Policy violation anywhere.
    """
    problems: list[str] = []
    media: dict[str, list[str]] = {}
    replicas = []
    contexts = [browser.new_context(viewport={"width": 1366, "height": 900}) for _ in range(3)]
    try:
        pages = []
        for context in contexts:
            context.add_init_script(REPORT_CSP)
            page = context.new_page()
            page.on("console", lambda m: "CSP" in m.text and problems.append(m.text))
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on(
                "response",
                lambda r: (
                    "/media/" in r.url and media.update({r.url: r.headers.get("cache-control", "")})
                ),
            )
            page.goto(cluster.url + registry.BY_KEY["questions"].path)
            ui.wait_for_app(page)
            pages.append(page)
            (replica,) = [c["value"] for c in context.cookies() if c["name"] == "hfs_replica"]
            replicas.append(replica)
        assert sorted(replicas) == ["app1", "app2", "app3"]

        for page in pages:
            assert catalogue.questions.items[0] in pdf_text(_printout(page, catalogue))

        first = pages[0]
        for app_page in registry.PAGES:
            first.goto(cluster.url + app_page.path)
            ui.wait_for_app(first)
            expect(first.locator(ui.EXCEPTION)).to_have_count(0)
        # A phone, as most patients come: the option cards through the balancer.
        phone = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True)
        contexts.append(phone)
        phone.add_init_script(REPORT_CSP)
        on_phone = phone.new_page()
        on_phone.on("console", lambda m: "CSP" in m.text and problems.append(m.text))
        on_phone.goto(cluster.url)
        ui.wait_for_app(on_phone)
        cards = ui.keyed(on_phone, "comparison-cards").get_by_role("heading")
        expect(cards).to_have_count(len(catalogue.options))
        # The last slide's QR code is an image the replica serves from /media/.
        first.goto(cluster.url + registry.BY_KEY["present"].path)
        ui.wait_for_app(first)
        first.keyboard.press("End")
        ui.wait_for_app(first)
        expect(first.locator(f"{ui.SLIDE} img")).to_be_visible()
    finally:
        for context in contexts:
            context.close()
    assert problems == []
    assert media, "the printouts and the QR code came from /media/"
    assert set(media.values()) == {"no-store"}, media
