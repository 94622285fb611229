"""Charts, each drawn with its text version beside it."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from treatments import charts
from treatments.schema import Option

_ICONS_PER_ROW = 3


def repeats_chart(options: Sequence[Option]) -> None:
    summary = charts.repeats_summary(options)
    # Streamlit sizes a chart to its container unless told the height.
    st.altair_chart(charts.repeats_chart(options), width="stretch", height=380, alt=summary)
    st.caption(summary)


def icon_arrays(options: Sequence[Option]) -> None:
    """One 100-person icon array per option, a few to a row."""
    for start in range(0, len(options), _ICONS_PER_ROW):
        row = options[start : start + _ICONS_PER_ROW]
        for column, option in zip(st.columns(_ICONS_PER_ROW), row, strict=False):
            with column:
                summary = charts.icon_array_summary(option)
                st.altair_chart(charts.icon_array(option), width="content", height=330, alt=summary)
                st.caption(summary)
