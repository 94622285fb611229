"""A replica dies while people use the app: the others go on, and nobody is left stuck.

Its own three replicas, since one of them is killed.
"""

from __future__ import annotations

import urllib.request
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from components.reconnected import DISMISS, NOTICE
from deploy.local import Cluster
from tests.browser import ui
from treatments.presenting.deck import build_deck, default_items
from treatments.schema import Catalogue
from views import registry

pytestmark = pytest.mark.browser

DECK = ["Tablets", "Watch and wait"]
PRIORITY_ANSWER = "A lot"
VIEWPORT = {"width": 1366, "height": 900}


def _replica(context: BrowserContext) -> str:
    (value,) = [c["value"] for c in context.cookies() if c["name"] == "hfs_replica"]
    return value


def _slide_heading(page: Page) -> str:
    return page.locator(ui.SLIDE).get_by_role("heading", level=1).inner_text()


def _answer_what_matters(page: Page, url: str, question: str) -> None:
    page.goto(url + registry.BY_KEY["matters"].path)
    ui.wait_for_app(page)
    ui.choose(page, question, PRIORITY_ANSWER)
    ui.wait_for_app(page)
    expect(ui.table_rows(page)).to_have_count(1)


def test_when_a_replica_dies_its_people_get_their_view_back_and_are_told_what_was_lost(
    haproxy: str, redis_server: str, browser: Browser, catalogue: Catalogue
) -> None:
    del redis_server  # the cluster starts it
    priority = catalogue.priorities[0].label
    deck_query = urlencode([("deck_options", name) for name in DECK] + [("slide", 3)])
    slides = build_deck(
        catalogue,
        [o for o in catalogue.options if o.short_name in DECK],
        default_items(catalogue),
    )
    with Cluster(replicas=3, haproxy=haproxy) as cluster:
        contexts = [browser.new_context(viewport=VIEWPORT) for _ in range(3)]
        try:
            # Three people, one on each replica (round robin), each with an answer typed.
            pages = [context.new_page() for context in contexts]
            for page in pages:
                _answer_what_matters(page, cluster.url, priority)
            on = [_replica(context) for context in contexts]
            assert sorted(on) == ["app1", "app2", "app3"]

            # The one on app2 is presenting slide 3 of a two-option deck.
            victim = pages[on.index("app2")]
            others = [page for page, replica in zip(pages, on, strict=True) if replica != "app2"]
            victim.goto(f"{cluster.url}{registry.BY_KEY['present'].path}?{deck_query}")
            ui.wait_for_app(victim)
            assert _slide_heading(victim) == slides[2].title

            cluster.kill(2)
            cluster.wait_until_out(2)

            # New visitors all get the page.
            for _ in range(6):
                with urllib.request.urlopen(cluster.url + "/", timeout=10) as response:
                    assert response.status == 200
            newcomer = browser.new_context(viewport=VIEWPORT).new_page()
            newcomer.goto(cluster.url)
            ui.wait_for_app(newcomer)
            expect(ui.table_rows(newcomer)).to_have_count(len(catalogue.options))
            assert _replica(newcomer.context) in ("app1", "app3")
            newcomer.context.close()

            # The others' sessions go on, their typed answers still there.
            for page in others:
                ui.nav_link(page, "Questions for my visit").click()
                ui.wait_for_app(page)
                ui.nav_link(page, "What matters to me").click()
                ui.wait_for_app(page)
                expect(ui.table_rows(page)).to_have_count(1)
                expect(page.get_by_text(NOTICE)).to_have_count(0)

            # The presenter's tab reconnects to another replica by itself. Their
            # next key press runs the page there, from the web address, and moves
            # one slide on, as every press does: the new session's first run
            # takes no press (Streamlit runs no callback then), so the page sends
            # the one it missed again.
            victim.wait_for_selector(ui.APP_READY, timeout=30_000)
            heading = victim.locator(ui.SLIDE).get_by_role("heading", level=1)
            victim.keyboard.press("ArrowRight")
            expect(heading).to_have_text(slides[3].title)
            ui.wait_for_app(victim)
            expect(victim.get_by_text(NOTICE)).to_be_visible()
            assert _replica(victim.context) in ("app1", "app3")
            victim.keyboard.press("ArrowRight")
            expect(heading).to_have_text(slides[4].title)
            ui.wait_for_app(victim)
            assert "slide=5" in victim.url
            ui.nav_link(victim, "What matters to me").click()
            ui.wait_for_app(victim)
            expect(ui.table_rows(victim)).to_have_count(0)
            expect(victim.get_by_text(NOTICE)).to_be_visible()
            victim.get_by_role("button", name=DISMISS).click()
            ui.wait_for_app(victim)
            expect(victim.get_by_text(NOTICE)).to_have_count(0)
        finally:
            for context in contexts:
                context.close()


def test_a_reloaded_tab_is_not_told_it_lost_anything(
    haproxy: str, browser: Browser, catalogue: Catalogue
) -> None:
    """A reload starts afresh by design; the notice is only for a session lost on the server."""
    with Cluster(replicas=1, haproxy=haproxy) as cluster:
        context = browser.new_context(viewport=VIEWPORT)
        try:
            page = context.new_page()
            _answer_what_matters(page, cluster.url, catalogue.priorities[0].label)
            page.reload()
            ui.wait_for_app(page)
            ui.choose(page, catalogue.priorities[1].label, PRIORITY_ANSWER)
            ui.wait_for_app(page)
            expect(page.get_by_text(NOTICE)).to_have_count(0)
        finally:
            context.close()
