"""A patient gets ready for the visit: what matters, questions, and the printout."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser import ui
from tests.helpers import pdf_text
from treatments.schema import Catalogue
from views import registry

pytestmark = pytest.mark.browser


def test_patient_fills_both_pages_and_downloads_the_printout(
    page: Page, app_url: str, catalogue: Catalogue
) -> None:
    ui.open_app(page, f"{app_url}{registry.BY_KEY['matters'].path}")
    expect(page.locator(ui.TABLE)).to_have_count(0)
    ui.choose(page, "Not having brain surgery", "A lot")
    ui.wait_for_app(page)
    ui.choose(page, "Not losing hearing", "A little")
    ui.wait_for_app(page)
    rows = ui.table_rows(page)
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Not having brain surgery (a lot)")
    expect(rows.first).to_contain_text("Does not fit. It is brain surgery.")
    ui.choose(page, ui.LEANING_QUESTION, "Not sure yet")
    ui.wait_for_app(page)
    # The filled page is accessible too, table and all.
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ui.WCAG_TAGS}})
    assert [v["id"] for v in results.response["violations"]] == []

    ui.nav_link(page, "Questions for my visit").click()
    ui.wait_for_app(page)
    question = catalogue.questions.items[3]
    ui.tick(page, question)
    notes = page.get_by_role("textbox", name="Your own questions and notes")
    notes.fill("Ask if I can drive home. Спросить о работе.\nهل يمكنني القيادة بعد الحقن؟")
    ui.choose(page, catalogue.sure.items[0].question, "No")
    ui.wait_for_app(page)
    expect(page.get_by_text("You said no to at least one question")).to_be_visible()
    ui.multiselect_pick(
        page,
        "Options to put side by side on your printout (up to 3)",
        [catalogue.options[0].name, catalogue.options[4].name],
    )

    text = pdf_text(ui.make_and_download_printout(page))
    assert "A lot: Not having brain surgery." in text
    assert "A little: Not losing hearing." in text
    assert "The option I lean toward now: Not sure yet." in text
    assert question in text
    assert "Ask if I can drive home. Спросить о работе." in text
    assert "هل يمكنني القيادة بعد الحقن" in text  # Arabic laid out right to left
    assert catalogue.options[0].name in text and catalogue.options[4].name in text
    assert "Do you feel sure which choice is best for you? No" in text
    # Must not happen: an error on the page.
    expect(page.locator(ui.EXCEPTION)).to_have_count(0)


def test_answers_are_gone_after_a_reload(page: Page, app_url: str) -> None:
    # What the privacy note promises: nothing is kept beyond the open tab.
    ui.open_app(page, f"{app_url}{registry.BY_KEY['matters'].path}")
    ui.choose(page, "Relief that starts soon", "A lot")
    ui.wait_for_app(page)
    expect(ui.table_rows(page)).to_have_count(1)
    assert "matters" not in page.url.split(registry.BY_KEY["matters"].path)[-1], (
        "answers stay out of the URL"
    )
    page.reload()
    ui.wait_for_app(page)
    expect(page.locator(ui.TABLE)).to_have_count(0)
