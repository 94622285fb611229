"""The floor: the least a Streamlit page can do to show the same five options.

A plain ``st.table`` and one filter, with the data file read once. The
benchmark measures the real app against this, on the same server settings.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from treatments.loader import default_path, load_catalogue


@st.cache_resource
def _options() -> pd.DataFrame:
    catalogue = load_catalogue(default_path())
    return pd.DataFrame(
        {
            "Option": [o.name for o in catalogue.options],
            "Asleep": [o.anaesthesia.kind for o in catalogue.options],
            "Helps (out of 100)": [
                f"{o.helps[0].per_100.low} to {o.helps[0].per_100.high}"
                if o.helps[0].per_100
                else "no reliable number"
                for o in catalogue.options
            ],
        }
    )


st.title("Floor")
options = _options()
if st.checkbox("No general anaesthetic", key="no_general"):
    options = options[options["Asleep"] != "general"]
st.table(options, hide_index=True)
