"""Charts, each drawn with its text version beside it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st
from streamlit import dataframe_util

from components.catalogue import fingerprint
from components.picture import PICTURE_STYLE, picture_of_100
from treatments import charts, wording
from treatments.facts import benefit_headline
from treatments.i18n import N_, gettext
from treatments.markdown import escape, refs
from treatments.schema import Benefit, Catalogue, Option

_ICONS_PER_ROW = 3


# Building and validating an Altair spec costs far more than the rest of the
# page (bench/RESULTS.md, "Measured by hand"). A spec depends only on the
# options' content, which is the cache key, so each is built once rather than
# on every rerun.
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


# Each spec is keyed on the data file's fingerprint and what it draws from it.
@st.cache_data(show_spinner=False, max_entries=256)
def repeats_spec(_options: Sequence[Option], version: str, ids: tuple[str, ...]) -> dict[str, Any]:
    del version, ids
    return _with_arrow_data(charts.repeats_chart(_options).to_dict())


def repeats_chart(options: Sequence[Option], catalogue: Catalogue) -> None:
    """The repeats chart, and the same figures in words with their sources."""
    ids = tuple(option.id for option in options)
    # Streamlit sizes a chart to its container unless told the height.
    st.vega_lite_chart(
        spec=repeats_spec(options, fingerprint(), ids),
        width="stretch",
        height=380,
        alt=charts.repeats_summary(options),
    )
    lines = [
        f"{escape(line)} {refs([*o.invasiveness.sources, *o.repeat.sources], catalogue)}"
        for o, line in zip(options, charts.repeats_lines(options), strict=True)
    ]
    st.caption(" ".join([gettext(charts.REPEATS_INTRO), *lines]))


def icon_array(option: Option, benefit: Benefit, catalogue: Catalogue) -> None:
    """One benefit's picture of 100, what helped means, and its sources.

    Its title names the option and when it was measured, with any caveat in
    the same place, so a picture is never read without its time frame.
    """
    title = [option.short_name, wording.timeframe_phrase(benefit.when), *benefit.caveats]
    position = option.helps.index(benefit)
    picture_of_100(option, benefit, f"{PICTURES}-{option.id}-{position}", title)
    means = gettext("Helped means: {meaning}").format(meaning=escape(benefit.means))
    st.caption(f"{means} {refs(benefit.sources, catalogue)}")


def benefit_without_number(option: Option, benefit: Benefit, catalogue: Catalogue) -> None:
    """In place of a picture: why there is no number, and what is known."""
    st.markdown(
        f"**{escape(option.short_name)}**: {escape(benefit_headline(benefit))} "
        f"{escape(benefit.note)} {refs(benefit.sources, catalogue)}"
    )


# Each picture of 100's key starts with this; their fold's key is its plural.
PICTURES = "compare-picture"
PICTURES_FOLD_LABEL = N_("See how many it helps, as pictures of 100 people")
HOW_TO_READ_PICTURES = N_(
    "Each shape is one person. Where studies found different numbers, the "
    "circles show how many were helped at least, and the diamonds show how "
    "many more may have been. Studies measured help at different times, so "
    "the pictures are in two groups. Do not compare a picture in one group with "
    "one in the other."
)
REPEATS_FOLD = "repeats-fold"
REPEATS_FOLD_LABEL = N_("See how often and how invasive, as a chart")


def pictures_of_every_option(catalogue: Catalogue) -> None:
    """The two charts, for every option whatever the filters say."""
    # Every option, so that a filter click need not redraw six charts: the
    # table above is what the filters narrow down.
    st.header(gettext("How often, and how invasive"), anchor="repeats")
    st.markdown(
        gettext("These pictures show every option, not just the ones that fit your choices.")
    )
    # A phone's cards above say the same in words, and at large text the chart
    # and its words were about two screens: there they wait under a tap. A wide
    # screen and paper show it open, with no fold (app.css, by this key).
    with st.expander(gettext(REPEATS_FOLD_LABEL), key=REPEATS_FOLD):
        repeats_chart(catalogue.options, catalogue)
    st.header(gettext("How many people it helps, out of 100"), anchor="helps")
    st.html(PICTURE_STYLE)
    # One copy of the pictures, in a fold a phone shows shut (at large text
    # they fill several screens) and a wide screen and paper show open, with
    # no fold (app.css, by this key).
    with st.expander(gettext(PICTURES_FOLD_LABEL), key=f"{PICTURES}s"):
        st.markdown(gettext(HOW_TO_READ_PICTURES))
        helps_pictures(catalogue)


def helps_pictures(catalogue: Catalogue) -> None:
    """Every counted benefit's picture, in its group of time, then those with no number."""
    st.subheader(gettext("Soon after the treatment"), anchor="helps-soon")
    icon_arrays(charts.counted_benefits(catalogue.options, soon=True), catalogue)
    st.subheader(gettext("A year or more later"), anchor="helps-later")
    icon_arrays(charts.counted_benefits(catalogue.options, soon=False), catalogue)
    uncounted = charts.uncounted_benefits(catalogue.options)
    if uncounted:
        st.subheader(gettext("No fair number, so no picture"), anchor="helps-no-number")
        for option, benefit in uncounted:
            benefit_without_number(option, benefit, catalogue)


def icon_arrays(pictures: Sequence[tuple[Option, Benefit]], catalogue: Catalogue) -> None:
    """One 100-person icon array per benefit, a few to a row."""
    for start in range(0, len(pictures), _ICONS_PER_ROW):
        row = pictures[start : start + _ICONS_PER_ROW]
        for column, (option, benefit) in zip(st.columns(_ICONS_PER_ROW), row, strict=False):
            with column:
                icon_array(option, benefit, catalogue)
