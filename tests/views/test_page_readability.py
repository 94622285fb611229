"""The words on each page, as drawn, read at grade 6 or lower as a whole."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.views.conftest import PAGES
from treatments.readability import ANSWER_LIMIT, WHOLE_LIMIT, Passage, grade, measure
from treatments.schema import Catalogue


def _words(markdown: str) -> str:
    text = re.sub(r"\[\\\[\d+\\\]\]\([^)]*\)", "", markdown)  # source links
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # other links keep their words
    text = re.sub(r":material/[a-z_]+:", "", text)
    text = re.sub(r"`[^`]*`", "", text)  # source keys
    text = re.sub(r"https?://\S+", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("**", "").strip()


def page_passages(at: AppTest) -> list[Passage]:
    """Everything a person reads on the page, one passage per element."""
    passages = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        for element in getattr(at, kind):
            for block in str(element.value).split("\n"):
                if _words(block):
                    passages.append(Passage(kind, _words(block)))
    for kind in ("radio", "checkbox", "multiselect", "text_area", "button"):
        for widget in getattr(at, kind):
            passages.append(Passage(f"{kind} label", _words(widget.label)))
    return passages


# The Sources page lists each study by its own title and citation, with the
# places it supports: a reference list, not prose, and titles we must not
# reword. Those lines are left out.
_REFERENCE_LINES = re.compile(r"^(\d+\. |Supports: )")
# A formula that counts syllables per sentence says nothing about a three-word
# label such as "About hemifacial spasm"; labels count towards the whole page
# but only passages of this many words are held to the per-answer limit.
_MIN_WORDS = 8


def _without_names(passage: Passage, names: list[str]) -> Passage:
    # The treatments' medical names are labels, each explained in plain words
    # beside it; the data file's own grade leaves them out the same way.
    text = passage.text
    for name in names:
        text = text.replace(name, "It")
    return Passage(passage.where, text)


@pytest.mark.parametrize("page", list(PAGES))
def test_page_reads_at_grade_six(open_page, page: str, catalogue: Catalogue) -> None:
    at = open_page(page)
    names = [o.name for o in catalogue.options]
    passages = [
        _without_names(p, names) for p in page_passages(at) if not _REFERENCE_LINES.match(p.text)
    ]
    grades = measure(passages)
    assert grades.words > 80, "the page has words to measure"
    assert grades.flesch_kincaid <= WHOLE_LIMIT, grades
    prose = [p for p in passages if len(p.text.split()) >= _MIN_WORDS]
    hardest = max(prose, key=lambda p: grade(p.text))
    assert grade(hardest.text) <= ANSWER_LIMIT, hardest
