"""axe-core on every page (WCAG 2.x A and AA rules)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import axe_violations, open_app
from views import registry

pytestmark = pytest.mark.browser

# Every page in the registry, and the states of a page that draw other things.
PAGES = {
    **{page.key: page.path for page in registry.PAGES},
    "compare-side-by-side": "/?side_by_side=Injections&side_by_side=Tablets",
    "present-option": f"{registry.BY_KEY['present'].path}?slide=4",
    "present-card": f"{registry.BY_KEY['present'].path}?slide=7",
    "present-projector-option": f"{registry.BY_KEY['present'].path}?slide=4&view=projector",
    "present-projector-card": f"{registry.BY_KEY['present'].path}?slide=7&view=projector",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(page: Page, app_url: str, path: str) -> None:
    open_app(page, f"{app_url}{path}")
    assert axe_violations(page) == []
