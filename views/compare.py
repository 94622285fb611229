"""Compare options: filters, the comparison table, cards side by side, charts."""

from __future__ import annotations

import streamlit as st

from components.catalogue import get_catalogue
from components.charts import icon_arrays, repeats_chart
from components.comparison import comparison_table, option_cards, side_by_side_picker
from components.filters import clear_filters, filter_controls
from components.page import not_a_recommendation, page_footer, page_title
from treatments.filters import apply_filters

catalogue = get_catalogue()

page_title(
    "Hemifacial spasm: compare the treatments",
    "See the choices side by side. Find out what each one involves and how often it "
    "is done. See how many people it helps, and how many it harms.",
)
not_a_recommendation(catalogue)

filters = filter_controls(catalogue)
shown = apply_filters(catalogue.options, filters)

st.header(f"Options that fit ({len(shown)} of {len(catalogue.options)})", anchor="table")
if shown:
    comparison_table(shown, catalogue)
else:
    st.warning(
        "No option fits all of these choices. Try fewer limits, or clear them all.",
        icon=":material/filter_alt_off:",
    )
    st.button("Clear all filters", on_click=clear_filters, args=(catalogue,), key="clear_filters")
st.caption(
    "To share this view, copy the web address from your browser. It keeps your filters "
    "and the options you picked."
)

st.header("Side by side", anchor="side-by-side")
option_cards(side_by_side_picker(catalogue), catalogue)

if shown:
    st.header("How often, and how invasive", anchor="repeats")
    repeats_chart(shown, catalogue)
    st.header("How many people it helps, out of 100", anchor="helps")
    st.markdown(
        "Each shape is one person. Where studies found different numbers, the "
        "diamonds show the people helped in some studies but not others."
    )
    icon_arrays(shown, catalogue)

page_footer(catalogue)
