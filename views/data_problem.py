"""Shown instead of every page when the data file cannot be used."""

from __future__ import annotations

import streamlit as st

from components.catalogue import catalogue_error
from treatments.i18n import gettext, ngettext
from treatments.markdown import escape

error = catalogue_error()

st.title(gettext("This tool cannot show the treatments right now"))
st.error(
    gettext(
        "The file with the treatment facts has a problem, so nothing is shown. "
        "We do not show part of the facts, as that could mislead."
    ),
    icon=":material/error:",
)
if error is not None:
    st.markdown(gettext("**For the person who looks after this tool.** Problems found:"))
    # The problems are the validator's words, for the person who fixes the file.
    st.markdown("\n".join(f"- {escape(str(problem))}" for problem in error.problems[:50]))
    if len(error.problems) > 50:
        more = len(error.problems) - 50
        st.caption(ngettext("And {count} more.", "And {count} more.", more).format(count=more))
    st.caption(
        gettext("Run {command} to see the full list.").format(
            command="`python -m treatments validate`"
        )
    )
