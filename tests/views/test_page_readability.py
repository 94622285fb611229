"""The words on each page, as drawn, read at grade 6 or lower as a whole.

The grades the Sources page shows come from ``data/page_grades.json``; these
tests fail when that file no longer matches the pages.
"""

from __future__ import annotations

import pytest

from tests.views.apptest import PAGES
from tools import page_grades
from treatments.readability import (
    ANSWER_LIMIT,
    INFLESZ_ANSWER_MIN,
    INFLESZ_WHOLE_MIN,
    WHOLE_LIMIT,
    PageGrade,
    load_page_grades,
)
from treatments.schema import Catalogue
from views import registry


@pytest.fixture(scope="module")
def stored() -> dict[str, PageGrade]:
    return {g.page: g for g in load_page_grades(page_grades.GRADES_FILE)}


@pytest.mark.parametrize("page", list(PAGES))
def test_page_reads_at_grade_six_and_fairly_easy_in_spanish(
    page: str, stored: dict[str, PageGrade]
) -> None:
    measured = page_grades.grade_page_in_both(page)
    assert measured.words > 80, "the page has words to measure"
    assert measured.flesch_kincaid <= WHOLE_LIMIT, measured
    assert measured.hardest <= ANSWER_LIMIT, measured
    # INFLESZ: 65 or more is "bastante fácil" (fairly easy); under 55 is hard.
    assert measured.inflesz is not None and measured.inflesz >= INFLESZ_WHOLE_MIN, measured
    assert measured.inflesz_hardest is not None
    assert measured.inflesz_hardest >= INFLESZ_ANSWER_MIN, measured
    assert stored.get(page) == measured, (
        "data/page_grades.json is out of date: run `python -m tools.page_grades`"
    )


def test_the_reference_list_and_names_are_left_out(open_page, catalogue: Catalogue) -> None:
    at = open_page("sources")
    names = [o.name for o in catalogue.options]
    texts = [p.text for p in page_grades.page_passages(at, names=names)]
    assert not any(t.startswith(("1. ", "Supports: ")) for t in texts)
    assert not any(name in t for t in texts for name in names)
    assert any("grade 6" in t for t in texts), "the page's own words are in"


def test_sources_page_shows_every_page_grade(open_page, stored: dict[str, PageGrade]) -> None:
    at = open_page("sources")
    table = at.table[0].value
    assert list(table.index) == [registry.BY_KEY[p].title for p in PAGES]
    assert list(table["Flesch-Kincaid grade"]) == [f"{stored[p].flesch_kincaid:.1f}" for p in PAGES]
    spanish = at.table[1].value
    assert list(spanish.index) == list(table.index)
    assert list(spanish["Spanish: INFLESZ"]) == [f"{stored[p].inflesz:.1f}" for p in PAGES]
