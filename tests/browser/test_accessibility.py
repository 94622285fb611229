"""axe-core on every page (WCAG 2.x A and AA rules)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.conftest import open_app
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
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(page: Page, app_url: str, path: str) -> None:
    open_app(page, f"{app_url}{path}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']} ({v['impact']}): " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]
    assert violations == []
    # Guard against a run that checked nothing (e.g. an empty page).
    passed = {rule["id"] for rule in results.response["passes"]}
    assert {"color-contrast", "document-title", "link-name", "target-size"} <= passed
