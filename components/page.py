"""What every page shows: its title, the standing reminder, and the footer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from treatments import i18n
from treatments.i18n import format_date, gettext
from treatments.markdown import escape
from treatments.schema import Catalogue
from views import registry

_STYLE = Path(__file__).with_name("app.css")


def app_style() -> None:
    """A focus ring a keyboard user can see, and rules for paper (printing)."""
    # A Path to a .css file: Streamlit wraps it in <style> and puts it where it
    # takes no room. The file is static; nothing from the data goes in it.
    st.html(_STYLE)


MENU_KEY = "page-menu"


def page_menu(pages: Sequence[StreamlitPage], current: StreamlitPage) -> None:
    """A "Pages" button that lists every page, for screens too narrow for the top bar.

    Below 768 px Streamlit folds its page links behind an unlabelled icon, and
    its menu then stays open over the page after a pick. This button says what
    it is, and a page picked from it opens with the menu closed. app.css shows
    it only at the widths where Streamlit folds its own links away.
    """
    # A key of its own on each page: the page picked opens with a new, closed
    # menu, not the one that was open on the page before.
    with (
        st.container(key=MENU_KEY),
        st.popover(gettext("Pages"), icon=":material/menu:", key=f"{MENU_KEY}-{current.url_path}"),
    ):
        for page in pages:
            st.page_link(page, label=page.title, icon=page.icon, disabled=page == current)


def page_title(title: str, intro: str | None = None) -> None:
    st.title(title)
    if intro:
        st.markdown(intro)


def not_a_recommendation(catalogue: Catalogue) -> None:
    """The reminder shown wherever options are weighed."""
    st.info(escape(catalogue.meta.disclaimer), icon=":material/info:")


def next_step(page_key: str) -> None:
    """The page's last link: where to go next (``views.registry.NEXT``)."""
    target, label = registry.NEXT[page_key]
    st.page_link(
        registry.BY_KEY[target].file, label=gettext(label), icon=":material/arrow_forward:"
    )


def page_footer(catalogue: Catalogue) -> None:
    """Last-reviewed date and disclaimer, on every page."""
    meta = catalogue.meta
    st.divider()
    st.caption(
        gettext(
            "Facts last checked: {date}. We check them every {months} months. "
            "{disclaimer} Nothing you pick or type here is saved."
        ).format(
            date=format_date(meta.last_reviewed),
            months=meta.review_every_months,
            disclaimer=escape(meta.disclaimer),
        )
    )
    translation_note()


def translation_note() -> None:
    """In a language no professional medical translator has checked yet, say so."""
    language = i18n.language(i18n.active())
    if language is None or language.code == i18n.ENGLISH.code or language.checked_by:
        return
    st.caption(
        gettext(
            "Our team made this translation on {date}. No professional medical "
            "translator has checked it yet. The English version is the one we checked."
        ).format(date=format_date(dt.date.fromisoformat(language.translated)))
    )


def privacy_note() -> None:
    """Said on every page where a person answers questions."""
    st.caption(
        ":material/lock: "
        + gettext(
            "Your answers stay in this browser tab only. We do not save them, "
            "log them or send them anywhere. If you close or reload the tab, they are gone. "
            "To keep them, download your printout."
        )
    )
