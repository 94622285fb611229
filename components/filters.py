"""The filter controls, bound to the URL so a filtered view can be shared.

Each widget's key is its filter's URL parameter (see ``treatments.filters``),
so ``?most_invasive=1&no_stay=true`` opens the page with those filters set.
The words, the URL names and the defaults all come from there.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.language import kind_words, start_from_any_language
from treatments.address import RepeatChoice
from treatments.filters import (
    BY_FIELD,
    REPEAT_LABELS,
    Filters,
    current_kinds,
    invasiveness_levels,
    level_stop,
    treatment_kinds,
)
from treatments.i18n import N_, gettext
from treatments.schema import INVASIVENESS_LEVELS, Catalogue


def _widget_values(filters: Filters, kinds: list[str]) -> dict[str, Any]:
    """Each control's value for ``filters``, keyed by its URL parameter."""
    values: dict[str, Any] = {}
    for name, spec in BY_FIELD.items():
        value = getattr(filters, name)
        if name == "kinds":
            value = kinds if value is None else [kind for kind in kinds if kind in value]
        values[spec.param.name] = value
    return values


# How many times "Clear all filters" was pressed in this session: each press
# hands the keyboard focus to the filters (the button itself is gone).
CLEARED = "filters-cleared"
# Where the focus goes: the fold that holds the filters.
FILTERS_FOLD = ".st-key-filters summary"


def clear_filters(catalogue: Catalogue) -> None:
    """Put every filter back to its default (a button callback)."""
    for key, value in _widget_values(Filters(), treatment_kinds(catalogue.options)).items():
        st.session_state[key] = value
    st.session_state[CLEARED] = st.session_state.get(CLEARED, 0) + 1


def _checkbox(name: str, default: Filters) -> bool:
    # What it does is said under it, not in a "?" tooltip: on a touch screen a
    # tap on a tooltip inside a checkbox's label ticks the box instead.
    spec = BY_FIELD[name]
    on = st.checkbox(
        gettext(spec.label), value=getattr(default, name), key=spec.param.name, bind="query-params"
    )
    st.caption(gettext(spec.help))
    return on


def _old_link(name: str, value: Any) -> None:
    """Start the widget ``name`` at what an old link's value reads as now.

    Streamlit 1.67 lets no code write a bound widget's address value, and a
    widget started this way leaves the value it could not read out of the
    address: the view is right, but the address shows it only once the person
    changes a filter (docs/design.md).
    """
    if name not in st.session_state:
        st.session_state[name] = value


def _repeat_words(choice: RepeatChoice) -> str:
    """A repeat choice's words in the run's language (a picklable format_func)."""
    return gettext(REPEAT_LABELS[choice])


FILTERS_LABEL = N_("Filters: show only the options that fit what I would consider")


def filter_controls(catalogue: Catalogue) -> tuple[Filters, DeltaGenerator]:
    """Draw the filters, folded; return what the person chose, and a place above
    the fold for the result, so a person sees what a tap did and which filters
    are on, whether the filters are open or folded away."""
    kinds = treatment_kinds(catalogue.options)
    default = Filters()
    start = _widget_values(default, kinds)
    result = st.container(key="filter-result")
    # Folded at first: on a phone the six controls would fill two screens
    # before the first option. The line above says how many are on.
    # The fold carries the key itself, rather than a container around it: one
    # element fewer to send and draw on each click.
    with st.expander(gettext(FILTERS_LABEL), icon=":material/tune:", key="filters"):
        spec = BY_FIELD["kinds"]
        # A link made before a kind was renamed names it the old way: it opens
        # the same view (see _old_link for what the address shows).
        asked = st.query_params.get_all(spec.param.name)
        now = current_kinds(asked, catalogue.options)
        if now != asked:
            _old_link(spec.param.name, [kind for kind in kinds if kind in now])
        # A link made in another language names the kinds in its words.
        start_from_any_language(spec.param.name, kind_words)
        # A kind is named in English in the address, and shown as the data
        # file's translation names it.
        kind_labels = {option.kind: option.kind_label for option in catalogue.options}
        chosen_kinds = st.pills(
            gettext(spec.label),
            kinds,
            format_func=kind_labels.__getitem__,
            selection_mode="multi",
            default=start[spec.param.name],
            key=spec.param.name,
            bind="query-params",
            wrap=True,
        )
        st.caption(gettext(spec.help))
        left, middle, right = st.columns(3, gap="large")
        with left:
            spec = BY_FIELD["repeat"]
            repeat = st.radio(
                gettext(spec.label),
                list(REPEAT_LABELS),
                index=list(REPEAT_LABELS).index(default.repeat),
                format_func=_repeat_words,
                key=spec.param.name,
                bind="query-params",
                horizontal=True,
            )
        with middle:
            spec = BY_FIELD["max_invasiveness"]
            # Only the levels some option has: a stop no option sits at would
            # show the same options as the stop below it.
            levels = invasiveness_levels(catalogue.options)
            # An old link's level that is no stop now opens at the stop below it.
            asked = spec.param.value(st.query_params.to_dict())
            if asked not in levels:
                _old_link(spec.param.name, level_stop(levels, asked))
            max_level = st.select_slider(
                gettext(spec.label),
                options=levels,
                value=default.max_invasiveness,
                key=spec.param.name,
                bind="query-params",
            )
            up_to = gettext("Up to level {level}: {words}.").format(
                level=max_level, words=gettext(INVASIVENESS_LEVELS[max_level]).lower()
            )
            st.caption(f"{up_to} {gettext(spec.help)}")
        with right:
            no_general = _checkbox("no_general_anaesthetic", default)
            no_stay = _checkbox("no_hospital_stay", default)
            show_wait = _checkbox("show_no_treatment", default)
    chosen = Filters(
        kinds=frozenset(chosen_kinds or ()),
        max_invasiveness=int(max_level),
        repeat=repeat,
        no_general_anaesthetic=no_general,
        no_hospital_stay=no_stay,
        show_no_treatment=show_wait,
    )
    return chosen, result
