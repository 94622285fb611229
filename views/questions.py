"""Questions for my visit: a checklist, notes, the SURE check and a printout."""

from __future__ import annotations

import streamlit as st

from components.catalogue import get_catalogue
from components.check import knowledge_check
from components.page import next_step, not_a_recommendation, page_footer, page_title, privacy_note
from components.visit import (
    clear_button,
    download_printout,
    notes_box,
    printout_picker,
    question_checklist,
    sure_check,
)
from treatments.i18n import gettext

catalogue = get_catalogue()

page_title(
    gettext("Questions for my visit"),
    gettext(
        "Get ready for your visit. Pick the questions you want to ask, add your own, and "
        "check how sure you feel. Then print it all to take with you."
    ),
)
not_a_recommendation(catalogue)
privacy_note()

st.header(gettext("Questions to ask"), anchor="questions")
question_checklist(catalogue)
notes_box()

if catalogue.check is not None:
    st.header(gettext("Check what you know"), anchor="check")
    knowledge_check(catalogue)

st.header(gettext("How sure do you feel?"), anchor="sure")
st.markdown(
    gettext(
        "These four questions are called the SURE check. They help you see if you are ready "
        "to choose, or if you need more help first."
    )
)
sure_check(catalogue)

st.header(gettext("Your printout"), anchor="printout")
st.markdown(
    gettext(
        "Your printout has the options you pick side by side, what matters to you, your "
        "questions and notes, the date and the sources. We make it when you ask, and we do "
        "not keep a copy."
    )
)
printout_picker(catalogue)
download_printout(catalogue)
clear_button(catalogue)

next_step("questions")
page_footer(catalogue)
