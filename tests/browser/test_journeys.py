"""What a patient does, in real Chromium against `streamlit run app.py`."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.browser import ui
from tests.helpers import ALL_OPTIONS
from treatments.schema import Catalogue

pytestmark = pytest.mark.browser

ALL = ALL_OPTIONS


def test_patient_filters_then_shares_the_link(page: Page, app_url: str) -> None:
    ui.open_app(page, app_url)
    # A real HTML table with header cells, all five options.
    expect(page.locator(f"{ui.TABLE} thead th").filter(visible=True)).to_have_count(8)
    assert ui.option_names(page) == ALL

    # The filters are folded away at first; the line above them says none is on.
    expect(page.get_by_text("No filters are on.")).to_be_visible()
    ui.open_filters(page)
    ui.tick(page, "No general anaesthetic")
    ui.wait_for_app(page)
    expect(ui.table_rows(page)).to_have_count(4)
    assert "Microvascular decompression (surgery)" not in ui.option_names(page)
    expect(page).to_have_url(re.compile(r"[?&]no_general=true"))

    page.get_by_role("button", name="Heat needle", exact=True).click()
    expect(ui.table_rows(page)).to_have_count(3)
    assert ui.option_names(page) == [ALL[0], ALL[1], ALL[4]]
    shared = page.url
    kinds = parse_qs(urlparse(shared).query)["kind"]
    assert sorted(kinds) == ["Brain surgery", "Injections", "Tablets"]

    # Someone else opens the link: same filters, same rows.
    other = page.context.new_page()
    ui.open_app(other, shared)
    assert ui.option_names(other) == [ALL[0], ALL[1], ALL[4]]
    # Folded, the filters still say which are on; unfolded, the box is ticked.
    expect(other.get_by_text("2 filters are on")).to_be_visible()
    ui.open_filters(other)
    expect(ui.checkbox(other, "No general anaesthetic")).to_be_checked()
    # Must not happen: the filter is lost on reload.
    other.reload()
    ui.wait_for_app(other)
    assert ui.option_names(other) == [ALL[0], ALL[1], ALL[4]]


def test_patient_picks_options_side_by_side(page: Page, app_url: str) -> None:
    ui.open_app(page, f"{app_url}/?side_by_side=Injections&side_by_side=Brain+surgery")
    expect(ui.keyed(page, "card-injections")).to_be_visible()
    expect(ui.keyed(page, "card-mvd")).to_be_visible()
    box = ui.keyed(page, "card-injections").bounding_box()
    other = ui.keyed(page, "card-mvd").bounding_box()
    assert box and other and abs(box["y"] - other["y"]) < 5, "cards sit side by side"
    expect(ui.keyed(page, "card-injections")).to_contain_text("Serious risks (out of 1,000 people)")


def test_empty_result_offers_to_clear(page: Page, app_url: str) -> None:
    ui.open_app(page, f"{app_url}/?kind=&show_wait=false")
    expect(page.get_by_text("No option fits all of these choices")).to_be_visible()
    page.get_by_role("button", name="Clear all filters").click()
    expect(ui.table_rows(page)).to_have_count(len(ALL))
    assert ui.option_names(page) == ALL


def test_every_number_in_the_table_links_to_a_listed_source(
    page: Page, app_url: str, catalogue: Catalogue
) -> None:
    ui.open_app(page, app_url)
    links = page.locator(f"{ui.TABLE} tbody a")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(hrefs) > 40
    known = {s.url.replace("(", "%28").replace(")", "%29") for s in catalogue.sources}
    assert set(hrefs) <= known
    texts = links.all_inner_texts()
    assert all(re.fullmatch(r"\[\d+\]", t) for t in texts)


def test_pages_are_reachable_from_the_navigation(
    page: Page, app_url: str, catalogue: Catalogue
) -> None:
    ui.open_app(page, app_url)
    ui.nav_link(page, "About hemifacial spasm").click()
    ui.wait_for_app(page)
    expect(page.get_by_role("heading", name="About hemifacial spasm")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/about$"))
    ui.nav_link(page, "Sources and how this was made").click()
    ui.wait_for_app(page)
    expect(page.locator("[data-testid='stMarkdownContainer'] ol > li")).to_have_count(
        len(catalogue.sources)
    )


def test_hostile_url_runs_no_script_and_falls_back(page: Page, app_url: str) -> None:
    # The page fixture fails the test if any dialog opens or a page error fires.
    ui.open_app(
        page,
        f"{app_url}/?kind=%3Cscript%3Ealert(1)%3C/script%3E&most_invasive=9999"
        "&repeat=%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E&unknown=1",
    )
    assert ui.option_names(page) == ALL
    assert page.locator("img[src='x']").count() == 0
