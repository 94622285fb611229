"""The floor that draws the app's own table: the fair floor for a filter click.

The app's six filters (each bound to the URL) and the comparison table with
the app's own cells (every fact, its time frame or what it counts, and its
source links), as a Markdown table, in one ``st.fragment``, as on the
Compare page. It redraws the table of the options that fit on every click:
the plain way to do it in Streamlit. What is left of a click here is what any
page showing these facts would pay: the browser laying out their cells.
"""

from __future__ import annotations

import streamlit as st

from bench import floor_catalogue
from components.filters import filter_controls
from treatments.filters import apply_filters
from treatments.schema import Catalogue
from treatments.table import comparison_markdown


@st.fragment
def _options_that_fit(catalogue: Catalogue) -> None:
    shown = apply_filters(catalogue.options, filter_controls(catalogue)[0])
    st.markdown(comparison_markdown(shown, catalogue))


st.title("Floor with the app's filters and table")
_options_that_fit(floor_catalogue.catalogue())
