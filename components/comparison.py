"""The comparison table and the side-by-side cards."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components import words
from components.announcer import announce
from components.answers import keep
from components.filters import CLEARED, FILTERS_FOLD, clear_filters, filter_controls
from components.language import option_words, session_language, start_from_any_language
from treatments.address import SIDE_BY_SIDE, SIDE_BY_SIDE_COUNT
from treatments.facts import ANSWER_FIELDS
from treatments.filters import apply_filters, filters_on, treatment_kinds
from treatments.i18n import N_, gettext, ngettext
from treatments.markdown import escape
from treatments.schema import Catalogue, Option
from treatments.table import TABLE_FIELDS

SIDE_BY_SIDE_KEY = SIDE_BY_SIDE.name
COMPARISON_KEY = "comparison"
TABLE_KEY = "comparison-table"
CARDS_KEY = "comparison-cards"
SIDE_BY_SIDE_ANCHOR = "side-by-side"
# On a phone, a line of links near the top names every option and jumps to
# its card, so the first screen says what the choices are.
JUMP_KEY = "jump-to-option"
# Each card's fold is keyed with this (app.css styles its table). The short
# answers are the element just before it: no container of their own, one
# element fewer to send and draw for every card. On paper they go (app.css,
# by this selector; the tests find them by it too).
IN_FULL = "in-full"
SHORT_ANSWERS = f'[data-testid="stElementContainer"]:has(+ [class*="st-key-{IN_FULL}-"])'
SKIP_TO_SIDE_BY_SIDE = N_("Skip the sources: go to “Side by side”")
# The stylesheet that hides the options that do not fit: its opening comment,
# so a test can find it, and what it hides, by position from 1 (hiding_style).
HIDING_MARK = "/* Options that do not fit the filters */"
HIDDEN_ROW = f".st-key-{TABLE_KEY} tbody tr:nth-child({{}})"
# Each card sits in a wrapper of Streamlit's; hiding the wrapper leaves no gap.
HIDDEN_CARD = f".st-key-{CARDS_KEY} > :nth-child({{}})"
ALL_HIDDEN = f".st-key-{COMPARISON_KEY}"
# Cards side by side on a wide screen; more would make each column too narrow.
FEWEST, MOST = SIDE_BY_SIDE_COUNT[0], SIDE_BY_SIDE_COUNT[-1]


def card_anchor(option: Option) -> str:
    """The web-address anchor of an option's card on a phone: ``"option-injections"``."""
    return f"option-{option.id}"


def jump_to_options(catalogue: Catalogue) -> None:
    """On a phone (app.css shows it there only), every option's short name,
    each a link to its card. The wide table names them all in its first column."""
    with st.container(key=JUMP_KEY):
        links = " · ".join(
            f"[{escape(option.short_name)}](#{card_anchor(option)})" for option in catalogue.options
        )
        count = len(catalogue.options)
        st.markdown(
            ngettext(
                "**The {count} option:** {links}", "**The {count} options:** {links}", count
            ).format(count=count, links=links)
        )


def options_that_fit(catalogue: Catalogue) -> None:
    """The filters, then the comparison of every option, showing only those that fit."""
    _filters_and_fit(catalogue)
    comparison_table(catalogue)
    with st.container(key="share-hint"):
        st.caption(
            gettext(
                "To share this view, copy the web address from your browser. It keeps your "
                "filters and the options you picked."
            )
        )


# A filter click reruns only this part of the page: the filters, the count,
# and a small stylesheet that hides the options that do not fit. The table and
# the phone cards below are drawn once with every option and never sent again:
# a click brings a few kilobytes over the WebSocket rather than the whole page,
# and the browser does not draw them again (bench/RESULTS.md: section 3, and
# "Measured by hand").
@st.fragment
def _filters_and_fit(catalogue: Catalogue) -> None:
    session_language()
    filters, result = filter_controls(catalogue)
    shown = apply_filters(catalogue.options, filters)
    fit = {"shown": len(shown), "total": len(catalogue.options)}
    on = filters_on(filters, treatment_kinds(catalogue.options))
    with result:
        count = ngettext(
            "Showing {shown} of {total} option.",
            "Showing {shown} of {total} options.",
            fit["total"],
        ).format(**fit)
        which_on = _filters_on_words(on)
        st.markdown(f"**{count}** {which_on}")
        # Heard as it changes, so a person on a screen reader knows what a
        # tap did without hunting for it; after "Clear all filters" the focus
        # goes back to the filters.
        announce(f"{count} {which_on}", focus=FILTERS_FOLD, token=st.session_state.get(CLEARED, 0))
        if on:
            st.button(
                gettext("Clear all filters"),
                on_click=clear_filters,
                args=(catalogue,),
                key="clear_filters",
                icon=":material/filter_alt_off:",
            )
    st.header(gettext("Options that fit ({shown} of {total})").format(**fit), anchor="table")
    # The comparison holds a source link for nearly every fact: about a hundred
    # Tab presses. One link skips them for a person on a keyboard.
    st.markdown(f"[{gettext(SKIP_TO_SIDE_BY_SIDE)}](#{SIDE_BY_SIDE_ANCHOR})")
    # Built from the options' positions alone, never from their text.
    st.html(hiding_style(catalogue.options, shown))
    if not shown:
        st.warning(
            gettext(
                "No option fits all of these choices. Try fewer limits, or clear them all "
                "with the button above."
            ),
            icon=":material/filter_alt_off:",
        )


@st.fragment
def side_by_side(catalogue: Catalogue) -> None:
    """Every detail of 2 to 4 options the person picks; picking reruns only this part."""
    session_language()
    # With no card in it the section is a picker and a hint, which mean
    # nothing on paper: app.css leaves it out of print, by this key.
    with st.container(key=SIDE_BY_SIDE_ANCHOR):
        st.header(gettext("Side by side"), anchor=SIDE_BY_SIDE_ANCHOR)
        option_cards(side_by_side_picker(catalogue))


def _filters_on_words(on: Sequence[str]) -> str:
    if not on:
        return gettext("No filters are on.")
    return ngettext(
        "{count} filter is on: {filters}.", "{count} filters are on: {filters}.", len(on)
    ).format(count=len(on), filters=escape("; ".join(on)))


def hiding_style(every: Sequence[Option], shown: Sequence[Option]) -> str:
    """A stylesheet that hides, from sight, print and screen readers alike, the
    options in ``every`` that are not in ``shown``: the table's row and the phone
    card of each, by its position (both list ``every`` in order). With none
    shown, the whole comparison goes. Always one style element, even if empty,
    so the page keeps the same shape from click to click."""
    kept = {option.id for option in shown}
    if not kept:
        selectors = [ALL_HIDDEN]
    else:
        selectors = [
            place.format(row)
            for row, option in enumerate(every, start=1)
            if option.id not in kept
            for place in (HIDDEN_ROW, HIDDEN_CARD)
        ]
    rules = f"{', '.join(selectors)} {{ display: none !important; }}" if selectors else ""
    return f"<style>{HIDING_MARK}{rules}</style>"


def comparison_table(catalogue: Catalogue) -> None:
    """Every option as a real HTML table (header cells) that prints and reads aloud
    well, and as one card per option for a phone. :func:`hiding_style` shows only
    those that fit the filters.

    It is drawn from Markdown rather than with ``st.table``: the browser then
    needs no table or Arrow code, and the table shows about 0.3 s sooner on a
    first visit (see bench/RESULTS.md). app.css styles it by its key.
    """
    options = catalogue.options
    with st.container(key=COMPARISON_KEY):
        with st.container(key=TABLE_KEY):
            st.markdown(words.comparison_table())
        # A phone shows the same rows as one card per option (app.css shows the
        # table or the cards by screen width): no sideways scrolling, each answer
        # under its question, the option's name a heading a screen reader can find.
        with st.container(key=CARDS_KEY):
            for option in options:
                with st.container(border=True):
                    st.subheader(option.name, anchor=card_anchor(option))
                    answers_then_details(option, TABLE_FIELDS, "compare")
        st.caption(
            gettext(
                "Numbers in square brackets link to the sources. Studies measured different "
                "things, so compare the numbers with care. “Helps” means something a little "
                "different for each option. Each option says what it means."
            )
        )


def side_by_side_picker(catalogue: Catalogue) -> list[Option]:
    """Let the person pick 2 to 4 options to see in full, side by side."""
    # Chosen by the names in web addresses (English in every language), shown
    # by the page's own names: a shared link picks the same options in any.
    by_name = {option.url_name: option for option in catalogue.options}
    start_from_any_language(SIDE_BY_SIDE_KEY, option_words)
    chosen = st.multiselect(
        ngettext(
            "Pick {fewest} to {most} option to see every detail side by side",
            "Pick {fewest} to {most} options to see every detail side by side",
            MOST,
        ).format(fewest=FEWEST, most=MOST),
        list(by_name),
        format_func=lambda name: by_name[name].short_name,
        key=SIDE_BY_SIDE_KEY,
        bind="query-params",
        max_selections=MOST,
        placeholder=gettext("Choose options"),
        # "Select all" would pick five and silently keep four: no such button.
        select_all=False,
    )
    # The printout picker on "Questions for my visit" starts from these.
    keep(SIDE_BY_SIDE_KEY, list(chosen))
    return [by_name[name] for name in chosen]


def details_label(option: Option) -> str:
    """The words on the fold that holds an option's caveats, notes and sources:
    short enough for one line on a phone at large text."""
    return gettext("More on {option}").format(option=option.short_name)


def answers_then_details(option: Option, fields: Sequence[str], place: str) -> None:
    """The short answers, then everything else folded under one tap.

    A phone with large text showed about 26 screens of Compare when every
    caveat and source link stood in full under every answer. The fold is a
    real details element: a screen reader announces it, Enter opens it, and
    app.css opens it on paper, where its table names the option on every page.
    """
    # On paper the fold prints open and the short answers, which its lines
    # start with, would be said twice: app.css drops them there, as the
    # element just before the fold (SHORT_ANSWERS).
    short, full = words.option_cards(tuple(fields))[option.id]
    st.markdown(short)
    # The fold carries the key itself: a container inside it would be one
    # more element to send and draw for every card (bench/RESULTS.md).
    with st.expander(details_label(option), key=f"{IN_FULL}-{place}-{option.id}"):
        st.markdown(full)


def option_card(option: Option) -> None:
    """Every field of one option, in the same order and words for every option."""
    with st.container(border=True, key=f"card-{option.id}"):
        st.subheader(option.name, anchor=False)
        answers_then_details(option, ANSWER_FIELDS, "side-by-side")


def option_cards(options: Sequence[Option]) -> None:
    """The chosen options in columns, or a hint if fewer than two are chosen."""
    if len(options) < 2:
        st.caption(
            ngettext(
                "Pick at least {count} option above to see it side by side.",
                "Pick at least {count} options above to see them side by side.",
                FEWEST,
            ).format(count=FEWEST)
        )
        if len(options) == 1:
            option_card(options[0])
        return
    for column, option in zip(st.columns(len(options)), options, strict=True):
        with column:
            option_card(option)
