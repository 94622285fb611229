"""Charts, each drawn with its text version beside it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st
from streamlit import dataframe_util

from treatments import charts
from treatments.markdown import escape, refs
from treatments.schema import Catalogue, Option

_ICONS_PER_ROW = 3


# Building and validating an Altair spec costs about 10 ms a chart, far more
# than the rest of the page. A spec depends only on the options' content,
# which is the cache key, so each is built once rather than on every rerun.
# Room for one icon array per option at the schema's limit: a smaller cache
# thrashed with 400 options and rebuilt every chart on every rerun.
_MAX_SPECS = 1024


def _with_arrow_data(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with its data already in the Arrow form the browser reads.

    Streamlit converts a chart's rows to Arrow on every call, which was most
    of the Compare page's server time; data that is already Arrow bytes it
    passes on as it is. So the cached spec keeps the bytes.
    """
    spec["datasets"] = {
        name: dataframe_util.convert_anything_to_arrow_bytes(pd.DataFrame(rows))
        for name, rows in spec.get("datasets", {}).items()
    }
    return spec


@st.cache_data(show_spinner=False, max_entries=256)
def _repeats_spec(_options: Sequence[Option], content: str) -> dict[str, Any]:
    del content
    return _with_arrow_data(charts.repeats_chart(_options).to_dict())


@st.cache_data(show_spinner=False, max_entries=_MAX_SPECS)
def _icon_array_spec(_option: Option, content: str) -> dict[str, Any]:
    del content
    return _with_arrow_data(charts.icon_array(_option).to_dict())


def repeats_chart(options: Sequence[Option], catalogue: Catalogue) -> None:
    """The repeats chart, and the same figures in words with their sources."""
    content = "".join(option.model_dump_json() for option in options)
    # Streamlit sizes a chart to its container unless told the height.
    st.vega_lite_chart(
        spec=_repeats_spec(options, content),
        width="stretch",
        height=380,
        alt=charts.repeats_summary(options),
    )
    lines = [
        f"{escape(line)} {refs([*o.invasiveness.sources, *o.repeat.sources], catalogue)}"
        for o, line in zip(options, charts.repeats_lines(options), strict=True)
    ]
    st.caption(" ".join([charts.REPEATS_INTRO, *lines]))


def icon_array(option: Option, catalogue: Catalogue, *, height: int = 330) -> None:
    """One option's 100-person icon array, with its text version and sources below."""
    summary = charts.icon_array_summary(option)
    spec = _icon_array_spec(option, option.model_dump_json())
    st.vega_lite_chart(spec=spec, width="content", height=height, alt=summary)
    st.caption(f"{escape(summary)} {refs(option.helps.sources, catalogue)}")


def pictures_of_every_option(catalogue: Catalogue) -> None:
    """The two charts, for every option whatever the filters say."""
    # Every option, so that a filter click need not redraw six charts: the
    # table above is what the filters narrow down.
    st.header("How often, and how invasive", anchor="repeats")
    st.markdown("These pictures show every option, not just the ones that fit your choices.")
    repeats_chart(catalogue.options, catalogue)
    st.header("How many people it helps, out of 100", anchor="helps")
    st.markdown(
        "Each shape is one person. Where studies found different numbers, the "
        "diamonds show the people helped in some studies but not others."
    )
    icon_arrays(catalogue.options, catalogue)


def icon_arrays(options: Sequence[Option], catalogue: Catalogue) -> None:
    """One 100-person icon array per option, a few to a row."""
    for start in range(0, len(options), _ICONS_PER_ROW):
        row = options[start : start + _ICONS_PER_ROW]
        for column, option in zip(st.columns(_ICONS_PER_ROW), row, strict=False):
            with column:
                icon_array(option, catalogue)
