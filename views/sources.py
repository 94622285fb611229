"""Sources and how this was made: every source, the review policy, readability."""

from __future__ import annotations

import streamlit as st

from components.catalogue import fingerprint, get_catalogue
from components.grades import page_grades_table
from components.page import next_step, page_footer, page_title
from treatments import readability
from treatments.markdown import escape, link_target
from treatments.sources import citations

catalogue = get_catalogue()
meta = catalogue.meta


@st.cache_data(show_spinner=False, max_entries=4)
def _grades(version: str) -> readability.Grades:
    # Keyed on the data file's fingerprint: measured again for each new version.
    del version
    return readability.measure(readability.catalogue_passages(catalogue))


page_title(
    "Sources and how this was made",
    "Every number in this tool comes from one of the sources below. The number "
    "in square brackets next to a fact is the number of its source here.",
)

st.header("Who made this, and who paid", anchor="who")
st.markdown(f"{escape(meta.made_by)}  \n{escape(meta.funding)}")

st.header("How we keep it up to date", anchor="updates")
st.markdown(f"Last checked: **{meta.last_reviewed:%d %B %Y}**.  \n{escape(meta.update_policy)}")

st.header("How easy it is to read", anchor="readability")
grades = _grades(fingerprint())
st.markdown(
    f"We aim for a reading level of grade 6 or lower. We measure it each time the facts "
    f"change. Right now the facts in this tool score:\n\n"
    f"- Flesch-Kincaid grade: **{grades.flesch_kincaid:.1f}**\n"
    f"- SMOG grade: **{grades.smog:.1f}**\n"
    f"- Words: **{grades.words:,}**"
)
st.caption(
    "The names of the treatments are long medical words. We explain each one in "
    "plain words, and we leave the names out of this score."
)
page_grades_table()

st.header("All sources", anchor="sources")
supports = citations(catalogue)
lines = []
for number, source in enumerate(catalogue.sources, start=1):
    year = source.year if source.year else "year not given"
    used_for = "; ".join(supports.get(source.key, [])) or "not cited"
    note = f" {escape(source.note)}" if source.note else ""
    if source.citation_gap:
        note += f" We could not find {escape(source.citation_gap)}."
    lines.append(
        f"{number}. **{escape(source.title)}**. {escape(source.citation)} ({year}). "
        f"{escape(source.kind.capitalize())}. Key: `{source.key}`. "
        f"[Open the source]({link_target(source.url)}).{note}  \n"
        f"Supports: {escape(used_for)}"
    )
st.markdown("\n".join(lines))
next_step("sources")
page_footer(catalogue)
