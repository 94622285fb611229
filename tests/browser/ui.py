"""Every selector the browser tests use, in one place.

Streamlit's data-testid values are not a public API; if an upgrade renames
one, this is the only file to change.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

APP_READY = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION = "[data-testid='stException']"
SKELETON = "[data-testid='stSkeleton']"
TABLE = "[data-testid='stTable'] table"
SLIDE = ".st-key-slide-frame"
HEADER = "[data-testid='stHeader']"
LEANING_QUESTION = "Which option do you lean toward right now?"


def wait_for_app(page: Page, *, timeout: float = 30_000) -> None:
    """Wait the way Streamlit's own e2e tests do: connected, script done, no skeletons."""
    page.wait_for_selector(APP_READY, timeout=timeout)
    page.wait_for_selector(SCRIPT_DONE, timeout=timeout)
    expect(page.locator(SKELETON)).to_have_count(0, timeout=timeout)
    # Widgets debounce before a rerun starts; let one start if it will.
    page.wait_for_timeout(250)
    page.wait_for_selector(SCRIPT_DONE, timeout=timeout)


def table_rows(page: Page) -> Locator:
    return page.locator(f"{TABLE} tbody tr")


def option_names(page: Page) -> list[str]:
    """The first cell of each row of the comparison table."""
    return [
        name.strip()
        for name in table_rows(page).locator("td:first-child, th:first-child").all_inner_texts()
    ]


def checkbox(page: Page, label: str) -> Locator:
    return page.get_by_role("checkbox", name=label, exact=True)


def nav_link(page: Page, name: str) -> Locator:
    return page.get_by_role("link", name=name)


def keyed(page: Page, key: str) -> Locator:
    """The element Streamlit made for a widget or container with this key."""
    return page.locator(f".st-key-{key}")


def tick(page: Page, label: str) -> None:
    """Click a checkbox the way a person does: on its label."""
    page.locator("[data-testid='stCheckbox'] label").filter(has_text=label).click()


def choose(page: Page, question: str, answer: str) -> None:
    """Pick one answer of a radio question, by clicking its label."""
    page.get_by_role("radiogroup", name=question).get_by_text(answer, exact=True).click()


def multiselect_pick(page: Page, label: str, choices: list[str]) -> None:
    """Open a multiselect by its label and pick each choice from the list."""
    box = page.get_by_role("combobox", name=label)
    for choice in choices:
        wait_for_app(page)
        option = page.get_by_role("option", name=choice, exact=True)
        # A rerun that lands just after the click closes the list again.
        expect(box).to_be_visible()
        for _ in range(3):
            box.click()
            try:
                option.wait_for(timeout=3_000)
                break
            except PlaywrightTimeout:
                continue
        option.click()
    page.keyboard.press("Escape")
    wait_for_app(page)
