"""The measured reading grade of each page, as a table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from treatments.i18n import gettext
from treatments.readability import PageGrade, load_page_grades

# Written by `python -m tools.page_grades`; a test fails if it is out of date.
PAGE_GRADES_FILE = Path(__file__).resolve().parent.parent / "data" / "page_grades.json"


@st.cache_data(show_spinner=False, max_entries=2)
def _page_grades(changed: float) -> list[PageGrade]:
    del changed  # the key: read again only when the file changes
    return load_page_grades(PAGE_GRADES_FILE)


def page_grades_table() -> None:
    """Each page's grades; nothing at all if the file is missing."""
    try:
        changed = PAGE_GRADES_FILE.stat().st_mtime
    except OSError:
        return
    grades = _page_grades(changed)
    if not grades:
        return
    st.markdown(
        gettext(
            "We also measure the words on each page, as you see them. For English, a "
            "lower grade is easier. Our aim is grade 6 or lower. For Spanish, we use a "
            "score called INFLESZ. A higher score is easier. Our aim is 65 or more. Each "
            "“hardest part” is the hardest bit of that page with 8 words or more."
        )
    )
    page = gettext("Page")
    st.table(
        pd.DataFrame(
            {
                # The titles are the pages' own (views.registry), measured in English.
                page: [gettext(g.title) for g in grades],
                gettext("Flesch-Kincaid grade"): [f"{g.flesch_kincaid:.1f}" for g in grades],
                gettext("SMOG grade"): [f"{g.smog:.1f}" for g in grades],
                gettext("Words"): [f"{g.words:,}" for g in grades],
                gettext("Hardest part"): [f"{g.hardest:.1f}" for g in grades],
            }
        ).set_index(page)
    )
    # The same pages in Spanish, in a table of their own: seven columns
    # would not fit a phone.
    st.table(
        pd.DataFrame(
            {
                page: [gettext(g.title) for g in grades],
                gettext("Spanish: INFLESZ"): [_score(g.inflesz) for g in grades],
                gettext("Spanish: hardest part"): [_score(g.inflesz_hardest) for g in grades],
            }
        ).set_index(page)
    )


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"
