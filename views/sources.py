"""Sources and how this was made: every source, the review policy, readability."""

from __future__ import annotations

from typing import get_args

import streamlit as st

from components.catalogue import fingerprint, get_catalogue
from components.grades import page_grades_table
from components.page import next_step, page_footer, page_title
from treatments import i18n, readability
from treatments.i18n import N_, format_date, gettext
from treatments.markdown import escape, link_target
from treatments.model import SourceKind
from treatments.sources import citations

catalogue = get_catalogue()
meta = catalogue.meta
# Each kind of source as the list names it (the data file's kinds are its keys).
SOURCE_KINDS: dict[str, str] = {
    "systematic review": N_("Systematic review"),
    "review": N_("Review"),
    "guideline": N_("Guideline"),
    "drug label": N_("Drug label"),
    "randomised trial": N_("Randomised trial"),
    "study": N_("Study"),
    "clinician reference": N_("Clinician reference"),
    "patient page": N_("Patient page"),
    "thesis": N_("Thesis"),
    "congress abstract": N_("Congress abstract"),
    "opinion": N_("Opinion"),
}
assert set(SOURCE_KINDS) == set(get_args(SourceKind))


@st.cache_data(show_spinner=False, max_entries=4)
def _grades(version: str) -> readability.Grades:
    # Keyed on the data file's fingerprint: measured again for each new version.
    del version
    return readability.measure(readability.catalogue_passages(catalogue))


page_title(
    gettext("Sources and how this was made"),
    gettext(
        "Every number in this tool comes from one of the sources below. The number "
        "in square brackets next to a fact is the number of its source here."
    ),
)

st.header(gettext("Who made this, and who paid"), anchor="who")
st.markdown(f"{escape(meta.made_by)}  \n{escape(meta.funding)}")

st.header(gettext("How we keep it up to date"), anchor="updates")
checked = gettext("Last checked: **{date}**.").format(date=format_date(meta.last_reviewed))
st.markdown(f"{checked}  \n{escape(meta.update_policy)}")

st.header(gettext("How easy it is to read"), anchor="readability")
grades = _grades(fingerprint())
fk_grade = grades.flesch_kincaid
scores = [
    gettext(
        "We aim for a reading level of grade 6 or lower. We measure it each time the facts "
        "change. Right now the facts in this tool score:"
    ),
    "",
    "- " + gettext("Flesch-Kincaid grade: **{grade}**").format(grade=f"{fk_grade:.1f}"),
    "- " + gettext("SMOG grade: **{grade}**").format(grade=f"{grades.smog:.1f}"),
    "- " + gettext("Words: **{count}**").format(count=f"{grades.words:,}"),
]
st.markdown("\n".join(scores))
st.caption(
    gettext(
        "The names of the treatments are long medical words. We explain each one in "
        "plain words, and we leave the names out of this score."
    )
)
page_grades_table()

st.header(gettext("All sources"), anchor="sources")
if i18n.active() != i18n.ENGLISH.code:
    # Translators: said only on a page in another language than English.
    st.markdown(
        gettext(
            "Each source is listed by its own title, in the language it was published in. "
            "Most are in English."
        )
    )
supports = citations(catalogue)
lines = []
for number, source in enumerate(catalogue.sources, start=1):
    year = str(source.year) if source.year else gettext("year not given")
    used_for = "; ".join(supports.get(source.key, [])) or gettext("not cited")
    note = f" {escape(source.note)}" if source.note else ""
    if source.citation_gap:
        note += " " + gettext("We could not find {what}.").format(what=escape(source.citation_gap))
    entry = gettext(
        "**{title}**. {citation} ({year}). {kind}. Key: {key}. [Open the source]({url})."
    ).format(
        title=escape(source.title),
        citation=escape(source.citation),
        year=year,
        kind=escape(gettext(SOURCE_KINDS.get(source.kind, source.kind.capitalize()))),
        key=f"`{source.key}`",
        url=link_target(source.url),
    )
    supported = gettext("Supports: {what}").format(what=escape(used_for))
    lines.append(f"{number}. {entry}{note}  \n{supported}")
st.markdown("\n".join(lines))
next_step("sources")
page_footer(catalogue)
