"""The filter controls, bound to the URL so a filtered view can be shared.

Each widget's key is its URL parameter, so ``?most_invasive=1&no_stay=true``
opens the page with those filters set.
"""

from __future__ import annotations

import streamlit as st

from treatments.filters import Filters, RepeatChoice, treatment_kinds
from treatments.schema import INVASIVENESS_LEVELS, MAX_INVASIVENESS, Catalogue

KEYS = {
    "kinds": "kind",
    "max_invasiveness": "most_invasive",
    "repeat": "repeat",
    "no_general_anaesthetic": "no_general",
    "no_hospital_stay": "no_stay",
    "show_no_treatment": "show_wait",
}
_REPEAT_LABELS: dict[RepeatChoice, str] = {
    "any": "Either",
    "once": "Done once",
    "repeated": "Repeated",
}


def _defaults(catalogue: Catalogue) -> dict[str, object]:
    return {
        KEYS["kinds"]: treatment_kinds(catalogue.options),
        KEYS["max_invasiveness"]: MAX_INVASIVENESS,
        KEYS["repeat"]: "any",
        KEYS["no_general_anaesthetic"]: False,
        KEYS["no_hospital_stay"]: False,
        KEYS["show_no_treatment"]: True,
    }


def clear_filters(catalogue: Catalogue) -> None:
    """Put every filter back to its default (a button callback)."""
    for key, value in _defaults(catalogue).items():
        st.session_state[key] = value


def filter_controls(catalogue: Catalogue) -> Filters:
    """Draw the filters and return what the person chose."""
    kinds = treatment_kinds(catalogue.options)
    with st.container(border=True, key="filters"):
        st.markdown("**Show me options that fit what I would consider**")
        chosen_kinds = st.pills(
            "Kinds of treatment",
            kinds,
            selection_mode="multi",
            default=kinds,
            key=KEYS["kinds"],
            bind="query-params",
            wrap=True,
        )
        left, middle, right = st.columns(3, gap="large")
        with left:
            repeat = st.radio(
                "Done once, or repeated?",
                list(_REPEAT_LABELS),
                format_func=_REPEAT_LABELS.__getitem__,
                key=KEYS["repeat"],
                bind="query-params",
                horizontal=True,
            )
        with middle:
            max_level = st.select_slider(
                "The most invasive I would consider",
                options=list(INVASIVENESS_LEVELS),
                value=MAX_INVASIVENESS,
                key=KEYS["max_invasiveness"],
                bind="query-params",
                help="0 means nothing is done to your body. 4 means brain surgery.",
            )
            st.caption(f"Up to level {max_level}: {INVASIVENESS_LEVELS[max_level].lower()}.")
        with right:
            no_general = st.checkbox(
                "No general anaesthetic",
                key=KEYS["no_general_anaesthetic"],
                bind="query-params",
                help="Leave out options where you are put fully to sleep.",
            )
            no_stay = st.checkbox(
                "No night in hospital",
                key=KEYS["no_hospital_stay"],
                bind="query-params",
                help="Keep only options that can be done without staying the night.",
            )
            show_wait = st.checkbox(
                "Show “No treatment for now”",
                value=True,
                key=KEYS["show_no_treatment"],
                bind="query-params",
                help="This choice is shown whatever the other filters say, unless you untick it.",
            )
    return Filters(
        kinds=frozenset(chosen_kinds or ()),
        max_invasiveness=int(max_level),
        repeat=repeat,
        no_general_anaesthetic=no_general,
        no_hospital_stay=no_stay,
        show_no_treatment=show_wait,
    )
