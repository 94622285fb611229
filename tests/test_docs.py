"""The README and the pages under docs/: every link to a file of the project
leads to one, and every link into a Markdown page's section finds its heading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# [words](target), leaving out web addresses and links within the same page.
LINK = re.compile(r"\]\((?!https?://|#)([^)\s]+)\)")


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    words = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return words.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    return {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_to_a_project_file_leads_to_one(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    links = LINK.findall(text)
    for link in links:
        target, _, section = link.partition("#")
        path = (page.parent / target).resolve()
        assert path.exists(), f"{page.name}: {link}"
        if section:
            assert section in _anchors(path), f"{page.name}: {link}"


def test_the_readme_links_to_every_page_under_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in PAGES[1:]:
        assert f"](docs/{page.name})" in readme, page.name
