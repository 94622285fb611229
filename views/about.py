"""About hemifacial spasm: the condition in plain words, and a short glossary."""

from __future__ import annotations

import streamlit as st

from components.catalogue import get_catalogue
from components.page import next_step, page_footer, page_title
from treatments.i18n import gettext
from treatments.markdown import escape, refs

catalogue = get_catalogue()

page_title(gettext("About hemifacial spasm"))
for section in catalogue.about:
    st.subheader(section.heading, anchor=False)
    st.markdown(f"{escape(section.text)} {refs(section.sources, catalogue)}")

st.header(gettext("Words you may hear"), anchor="glossary")
# Each term on its own line, its meaning below it, like a printed glossary.
st.markdown(
    "\n".join(
        f"- **{escape(entry.term)}**  \n  {escape(entry.meaning)}" for entry in catalogue.glossary
    )
)
next_step("about")
page_footer(catalogue)
