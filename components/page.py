"""What every page shows: its title, the standing reminder, and the footer."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from treatments.markdown import escape
from treatments.schema import Catalogue

_STYLE = Path(__file__).with_name("app.css")


def app_style() -> None:
    """A focus ring a keyboard user can see, and rules for paper (printing)."""
    # A Path to a .css file: Streamlit wraps it in <style> and puts it where it
    # takes no room. The file is static; nothing from the data goes in it.
    st.html(_STYLE)


def page_title(title: str, intro: str | None = None) -> None:
    st.title(title)
    if intro:
        st.markdown(intro)


def not_a_recommendation(catalogue: Catalogue) -> None:
    """The reminder shown wherever options are weighed."""
    st.info(escape(catalogue.meta.disclaimer), icon=":material/info:")


def page_footer(catalogue: Catalogue) -> None:
    """Last-reviewed date and disclaimer, on every page."""
    meta = catalogue.meta
    st.divider()
    st.caption(
        f"Facts last checked: {meta.last_reviewed:%d %B %Y}. "
        f"We check them every {meta.review_every_months} months. "
        f"{escape(meta.disclaimer)} "
        "Nothing you pick or type here is saved."
    )


def privacy_note() -> None:
    """Said on every page where a person answers questions."""
    st.caption(
        ":material/lock: Your answers stay in this browser tab only. We do not save them, "
        "log them or send them anywhere. If you close or reload the tab, they are gone. "
        "To keep them, download your printout."
    )
