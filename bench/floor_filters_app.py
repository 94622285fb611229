"""The floor with the app's own filters: how much the six controls cost by themselves.

The same plain ``st.table`` as ``bench/floor_app.py``, but its filter is the
app's whole filter box (six widgets, each bound to the URL), and the filters
and the table sit in one ``st.fragment``, as on the Compare page. The
benchmark reports it beside the floor, so a reader can see how much of a
filter click's time the controls take before the app draws a single cell.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from bench import floor_catalogue
from components.filters import filter_controls
from treatments.filters import apply_filters
from treatments.schema import Catalogue


@st.fragment
def _options_that_fit(catalogue: Catalogue) -> None:
    shown = apply_filters(catalogue.options, filter_controls(catalogue)[0])
    st.table(
        pd.DataFrame(
            {
                "Option": [o.name for o in shown],
                "Asleep": [o.anaesthesia.kind for o in shown],
                "Helps (out of 100)": [
                    f"{o.helps[0].per_100.low} to {o.helps[0].per_100.high}"
                    if o.helps[0].per_100
                    else "no reliable number"
                    for o in shown
                ],
            }
        ),
        hide_index=True,
    )


st.title("Floor with the app's filters")
_options_that_fit(floor_catalogue.catalogue())
