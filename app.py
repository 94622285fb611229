"""Hemifacial spasm: compare the treatments. Page set-up and routing only."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.catalogue import catalogue_error
from components.language import choose_language
from components.page import app_style, page_menu
from components.reconnected import say_if_reconnected
from treatments.i18n import gettext
from views import registry

st.set_page_config(
    page_title="Hemifacial spasm: compare the treatments",
    # A file in the project, not a Material icon name: Streamlit fetches those
    # from fonts.gstatic.com, which fails offline and tells Google who visits.
    page_icon=str(Path(__file__).with_name("components") / "icon.png"),
    layout="wide",
)
app_style()
# First, so every word after it (the menu's too) is in the person's language.
choose_language()

shown = registry.PAGES if catalogue_error() is None else (registry.DATA_PROBLEM,)
# The home page has no path of its own: it is the app's address.
pages = [
    st.Page(
        page.file,
        title=gettext(page.title),
        icon=page.icon,
        url_path=page.url_path or None,
        default=not page.url_path,
    )
    for page in shown
]

current = st.navigation(pages, position="top")
# Each page its own title, so a browser tab, a bookmark and a screen reader's
# first words say which page this is (the first call set the app's own).
st.set_page_config(
    page_title=gettext("{page}: hemifacial spasm").format(page=current.title),
    menu_items={
        "About": gettext(
            "Compares the treatments for hemifacial spasm. It does not replace your doctor."
        )
    },
)
page_menu(pages, current)
say_if_reconnected()
current.run()
