"""Shown instead of every page when the data file cannot be used."""

from __future__ import annotations

import streamlit as st

from components.catalogue import catalogue_error
from treatments.markdown import escape

error = catalogue_error()

st.title("This tool cannot show the treatments right now")
st.error(
    "The file with the treatment facts has a problem, so nothing is shown. "
    "We do not show part of the facts, as that could mislead.",
    icon=":material/error:",
)
if error is not None:
    st.markdown("**For the person who looks after this tool.** Problems found:")
    st.markdown("\n".join(f"- {escape(str(problem))}" for problem in error.problems[:50]))
    if len(error.problems) > 50:
        st.caption(f"And {len(error.problems) - 50} more.")
    st.caption("Run `python -m treatments validate` to see the full list.")
