"""What matters to me: say how much each thing matters, then see how the options line up."""

from __future__ import annotations

import streamlit as st

from components.catalogue import get_catalogue
from components.page import next_step, not_a_recommendation, page_footer, page_title, privacy_note
from components.priorities import clear_button, leaning_question, line_up_table, rating_questions
from treatments.i18n import gettext

catalogue = get_catalogue()

page_title(
    gettext("What matters to me"),
    gettext(
        "Each option has good and bad points. Which ones count most is up to you. Say how "
        "much each thing below matters to you. Then see how each option lines up."
    ),
)
not_a_recommendation(catalogue)
privacy_note()

st.header(gettext("What matters to you"), anchor="ratings")
rating_questions(catalogue)

st.header(gettext("How the options line up"), anchor="line-up")
line_up_table(catalogue)

st.header(gettext("Where you are now"), anchor="leaning")
leaning_question(catalogue)
clear_button(catalogue)
next_step("matters")

page_footer(catalogue)
