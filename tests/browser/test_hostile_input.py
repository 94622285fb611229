"""Hostile text in the data file and in links, in real Chromium: shown as text,
never run.

The page fixture fails a test on any JavaScript dialog or page error.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser import ui
from tests.helpers import write_data
from tools.live_server import start_server, stop_server
from views import registry

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__hacked = 'script'</script>"
IMAGE = "<img src=x onerror=\"window.__hacked = 'img'\">"
# Characters that would split or unbalance a Markdown table cell if not escaped.
TABLE_BREAKERS = "a | b \\| c \\ d *e* _f_"


def _poison(data: dict[str, Any]) -> None:
    injections = data["options"][0]
    injections["what_it_is"]["text"] += f" {SCRIPT}"
    injections["helps"][0]["note"] = f"{IMAGE} [click](javascript:alert(1))"
    injections["invasiveness"]["note"] += f" {SCRIPT}"
    injections["side_effects"][0]["name"] += f" {IMAGE} {TABLE_BREAKERS}"
    injections["hospital_stay"]["note"] += f" {TABLE_BREAKERS}"
    data["sources"][0]["title"] += f" {IMAGE}"
    data["priorities"][0]["meaning"]["fits"] += f" {SCRIPT}"


@pytest.fixture(scope="module")
def poisoned_url(
    chromium_path: str, raw_data: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    del chromium_path  # no server needed if there is no browser to drive it
    data = copy.deepcopy(raw_data)
    _poison(data)
    path = write_data(data, tmp_path_factory.mktemp("poisoned") / "treatments.yaml")
    process, url, log = start_server(env={**os.environ, "TREATMENTS_FILE": str(path)})
    try:
        yield url
    finally:
        stop_server(process)
        log.unlink(missing_ok=True)


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/", SCRIPT),
        ("/", "onerror="),
        ("/?side_by_side=Injections&side_by_side=Tablets", "onerror="),
        ("/sources", "onerror="),
        ("/present?slide=2", SCRIPT),
    ],
    ids=["table-script", "table-img", "cards", "sources", "slide"],
)
def test_markup_in_the_data_file_shows_as_text(
    page: Page, poisoned_url: str, path: str, shown: str
) -> None:
    ui.open_app(page, f"{poisoned_url}{path}")
    expect(page.get_by_text(shown, exact=False).first).to_be_visible()
    page.wait_for_timeout(500)  # give an onerror time to fire, if it could
    assert page.evaluate("window.__hacked") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0


def test_table_characters_in_the_data_file_keep_the_table_whole(
    page: Page, poisoned_url: str
) -> None:
    ui.open_app(page, poisoned_url)
    expect(page.locator(f"{ui.TABLE} thead th").filter(visible=True)).to_have_count(8)
    rows = ui.table_rows(page)
    expect(rows).to_have_count(5)
    for row in rows.all():
        expect(row.locator("td, th")).to_have_count(8)
    expect(rows.first).to_contain_text(TABLE_BREAKERS, use_inner_text=True)


def test_markup_in_what_matters_shows_as_text(page: Page, poisoned_url: str) -> None:
    ui.open_app(page, f"{poisoned_url}{registry.BY_KEY['matters'].path}")
    ui.choose(page, "Not having brain surgery", "A lot")
    ui.wait_for_app(page)
    expect(ui.table_rows(page).first).to_contain_text(SCRIPT)
    assert page.evaluate("window.__hacked") is None


@pytest.mark.parametrize(
    "query",
    [
        "slide=%3Cscript%3Ealert(1)%3C/script%3E",
        "slide=-1&deck_options=%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E",
        "slide=99999999999999999999&deck_cards=nope&deck_cards=",
        "slide=4&slide=5&speaker_notes=true&jump_to_slide=%00",
        "slide=%F0%9F%98%80&deck_options=Injections&deck_options=Injections",
        "slide=1e309",
    ],
    ids=["script", "img-onerror", "huge", "repeated-and-nul", "emoji", "infinite"],
)
def test_hostile_present_links_fall_back_and_run_nothing(
    page: Page, app_url: str, query: str
) -> None:
    ui.open_app(page, f"{app_url}/present?{query}")
    expect(page.locator(ui.SLIDE)).to_contain_text("Slide ")
    expect(page.locator(ui.SLIDE)).to_contain_text(" of ")
    assert page.locator("img[src='x']").count() == 0
