"""The comparison table and the side-by-side cards."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.answers import keep
from components.filters import clear_filters, filter_controls
from treatments.facts import ANSWER_FIELDS, FIELDS, HARM_FIELDS, FactLine, fact_lines, sentence
from treatments.filters import apply_filters, filters_on, treatment_kinds
from treatments.markdown import escape, refs
from treatments.schema import Catalogue, Option
from treatments.table import comparison_card, comparison_markdown

SIDE_BY_SIDE_KEY = "side_by_side"
TABLE_KEY = "comparison-table"
CARDS_KEY = "comparison-cards"
# Cards side by side on a wide screen; more would make each column too narrow.
MAX_CARDS_SIDE_BY_SIDE = 4


# A filter click reruns only this part of the page: the filters, the count and
# the table. The cards and the pictures below do not depend on the filters,
# so they are neither rebuilt nor sent again.
@st.fragment
def options_that_fit(catalogue: Catalogue) -> None:
    """The filters, then the table of the options that fit them (or a way out)."""
    filters, result = filter_controls(catalogue)
    shown = apply_filters(catalogue.options, filters)
    fit = f"{len(shown)} of {len(catalogue.options)}"
    on = filters_on(filters, treatment_kinds(catalogue.options))
    with result:
        st.markdown(f"**Showing {fit} options.** {_filters_on_words(on)}")
        if on:
            st.button(
                "Clear all filters",
                on_click=clear_filters,
                args=(catalogue,),
                key="clear_filters",
                icon=":material/filter_alt_off:",
            )
    st.header(f"Options that fit ({fit})", anchor="table")
    if shown:
        comparison_table(shown, catalogue)
    else:
        st.warning(
            "No option fits all of these choices. Try fewer limits, or clear them all "
            "with the button above.",
            icon=":material/filter_alt_off:",
        )
    st.caption(
        "To share this view, copy the web address from your browser. It keeps your filters "
        "and the options you picked."
    )


@st.fragment
def side_by_side(catalogue: Catalogue) -> None:
    """Every detail of 2 to 4 options the person picks; picking reruns only this part."""
    st.header("Side by side", anchor="side-by-side")
    option_cards(side_by_side_picker(catalogue), catalogue)


def _filters_on_words(on: Sequence[str]) -> str:
    if not on:
        return "No filters are on."
    count = "1 filter is on" if len(on) == 1 else f"{len(on)} filters are on"
    return f"{count}: {escape('; '.join(on))}."


def comparison_table(options: Sequence[Option], catalogue: Catalogue) -> None:
    """A real HTML table (header cells) that prints and reads aloud well.

    It is drawn from Markdown rather than with ``st.table``: the browser then
    needs no table or Arrow code, and the table shows about 0.3 s sooner on a
    first visit (see bench/RESULTS.md). app.css styles it by its key.
    """
    with st.container(key=TABLE_KEY):
        st.markdown(comparison_markdown(options, catalogue))
    # A phone shows the same rows as one card per option (app.css shows the
    # table or the cards by screen width): no sideways scrolling, each answer
    # under its question, the option's name a heading a screen reader can find.
    with st.container(key=CARDS_KEY):
        for option in options:
            with st.container(border=True):
                st.subheader(option.name, anchor=False)
                st.markdown(comparison_card(option, catalogue))
    st.caption(
        "Numbers in square brackets link to the sources. Studies measured different "
        "things, so compare the numbers with care. “Helps” means something a little "
        "different for each option: the table says what."
    )


def side_by_side_picker(catalogue: Catalogue) -> list[Option]:
    """Let the person pick 2 to 4 options to see in full, side by side."""
    by_name = {option.short_name: option for option in catalogue.options}
    chosen = st.multiselect(
        f"Pick 2 to {MAX_CARDS_SIDE_BY_SIDE} options to see every detail side by side",
        list(by_name),
        key=SIDE_BY_SIDE_KEY,
        bind="query-params",
        max_selections=MAX_CARDS_SIDE_BY_SIDE,
        placeholder="Choose options",
        # "Select all" would pick five and silently keep four: no such button.
        select_all=False,
    )
    # The printout picker on "Questions for my visit" starts from these.
    keep(SIDE_BY_SIDE_KEY, list(chosen))
    return [by_name[name] for name in chosen]


_LIST_FIELDS = frozenset({"helps", *HARM_FIELDS})


def _fact_markdown(line: FactLine, catalogue: Catalogue) -> str:
    parts = [escape(sentence(line.headline)), escape(line.note), refs(line.sources, catalogue)]
    return " ".join(part for part in parts if part)


def option_card(option: Option, catalogue: Catalogue) -> None:
    """Every field of one option, in the same order and words for every option."""
    with st.container(border=True, key=f"card-{option.id}"):
        st.subheader(option.name, anchor=False)
        for field in ANSWER_FIELDS:
            label = f"**{FIELDS[field].heading}**"
            lines = fact_lines(option, field)
            if field in _LIST_FIELDS:
                items = "\n".join(f"- {_fact_markdown(line, catalogue)}" for line in lines)
                st.markdown(f"{label}\n{items}")
            else:
                st.markdown(f"{label}  \n{_fact_markdown(lines[0], catalogue)}")


def option_cards(options: Sequence[Option], catalogue: Catalogue) -> None:
    """The chosen options in columns, or a hint if fewer than two are chosen."""
    if len(options) < 2:
        st.caption("Pick at least 2 options above to see them side by side.")
        if len(options) == 1:
            option_card(options[0], catalogue)
        return
    for column, option in zip(st.columns(len(options)), options, strict=True):
        with column:
            option_card(option, catalogue)
