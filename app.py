"""Hemifacial spasm: compare the treatments. Page set-up and routing only."""

from __future__ import annotations

import streamlit as st

from components.catalogue import catalogue_error
from components.page import app_style

st.set_page_config(
    page_title="Hemifacial spasm: compare the treatments",
    page_icon=":material/compare:",
    layout="wide",
    menu_items={
        "About": "Compares the treatments for hemifacial spasm. It does not replace your doctor."
    },
)
app_style()

if catalogue_error() is None:
    pages = [
        st.Page("views/compare.py", title="Compare options", icon=":material/table:", default=True),
        st.Page(
            "views/matters.py",
            title="What matters to me",
            icon=":material/balance:",
            url_path="what-matters",
        ),
        st.Page(
            "views/questions.py",
            title="Questions for my visit",
            icon=":material/checklist:",
            url_path="questions",
        ),
        st.Page(
            "views/present.py",
            title="Present",
            icon=":material/co_present:",
            url_path="present",
        ),
        st.Page(
            "views/about.py",
            title="About hemifacial spasm",
            icon=":material/face:",
            url_path="about",
        ),
        st.Page(
            "views/sources.py",
            title="Sources and how this was made",
            icon=":material/menu_book:",
            url_path="sources",
        ),
    ]
else:
    pages = [
        st.Page(
            "views/data_problem.py", title="Data problem", icon=":material/error:", default=True
        )
    ]

st.navigation(pages, position="top").run()
