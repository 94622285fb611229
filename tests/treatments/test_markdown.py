"""Data text is shown as text: no HTML, no links, no maths, no directives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from treatments.markdown import escape, refs, source_numbers
from treatments.schema import Catalogue

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "$x^2$ and :red[danger] and :material/warning:",
    "**bold** _it_ `code` # heading",
    "1. not a list",
]


def test_markup_characters_are_escaped() -> None:
    for text in HOSTILE:
        escaped = escape(text)
        # Every character Markdown acts on is preceded by a backslash.
        assert not re.search(r"(?<!\\)[<>\[\]$*_`:#]", escaped), escaped


@given(st.text(max_size=200))
def test_escaping_removes_only_backslashes_added(text: str) -> None:
    escaped = escape(text)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert unescaped == text.replace("\n", " ")


def test_refs_link_each_source_by_number(catalogue: Catalogue) -> None:
    numbers = source_numbers(catalogue)
    markdown = refs(["MAYO", "MILLER12"], catalogue)
    assert f"[\\[{numbers['MAYO']}\\]](https://www.mayoclinic.org/" in markdown
    assert f"[\\[{numbers['MILLER12']}\\]](https://pubmed.ncbi.nlm.nih.gov/22168965/" in markdown


def test_refs_name_a_source_once_in_the_order_first_cited(catalogue: Catalogue) -> None:
    numbers = source_numbers(catalogue)
    markdown = refs(["MILLER12", "MAYO", "MILLER12"], catalogue)
    cited = [int(n) for n in re.findall(r"\[\\\[(\d+)\\\]\]", markdown)]
    assert cited == [numbers["MILLER12"], numbers["MAYO"]]
