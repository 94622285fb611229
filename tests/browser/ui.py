"""Every selector the browser tests use, in one place.

Streamlit's data-testid values are not a public API; if an upgrade renames
one, this is the only file to change.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

APP_READY = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION = "[data-testid='stException']"
SKELETON = "[data-testid='stSkeleton']"
TABLE = "[data-testid='stTable'] table"


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
