"""The Present page's controls: which options and issue cards are in the deck, and
which slide is shown (Previous, Next, the number, a jump list, a clicker's keys).

The deck and the slide number are bound to the web address (``?slide=3``), so
a link opens the same deck on the same slide; their names and defaults are the
address's own records (:mod:`treatments.address`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import streamlit as st

from components.presenting.room import note_local_move
from treatments.address import DECK_CARDS, DECK_OPTIONS, SLIDE, settle_slide
from treatments.markdown import escape
from treatments.presenting.deck import Slide, build_deck, chosen_cards
from treatments.presenting.rooms import Deck
from treatments.schema import Catalogue, Option

SLIDE_KEY = SLIDE.name
OPTIONS_KEY = DECK_OPTIONS.name
CARDS_KEY = DECK_CARDS.name
NOTES_KEY = "speaker_notes"
JUMP_KEY = "jump_to_slide"
_PAST_THE_END_KEY = "slide_past_the_end"


def deck_options(catalogue: Catalogue, *, locked: bool = False) -> list[Option]:
    """The options in the deck, in the data file's order. ``locked`` while
    following a room: the presenter picks the slides."""
    by_name = {o.short_name: o for o in catalogue.options}
    chosen = st.multiselect(
        "Options in the deck",
        list(by_name),
        default=list(by_name),
        key=OPTIONS_KEY,
        bind="query-params",
        on_change=note_local_move,
        disabled=locked,
    )
    return [o for o in catalogue.options if o.short_name in chosen]


def deck_cards(catalogue: Catalogue, *, locked: bool = False) -> list[str]:
    """The issue cards in the deck, in their usual order."""
    deck = catalogue.deck
    questions = {card.question: card.id for card in deck.issue_cards}
    chosen = st.multiselect(
        "Issue cards in the deck (one question about every option)",
        list(questions),
        default=[card.question for card in chosen_cards(catalogue, deck.default_cards)],
        key=CARDS_KEY,
        bind="query-params",
        on_change=note_local_move,
        disabled=locked,
    )
    return [questions[q] for q in questions if q in chosen]


def adopt_deck(catalogue: Catalogue, deck: Deck) -> None:
    """Show a room's deck and slide: set the controls before they are drawn."""
    questions = {card.id: card.question for card in catalogue.deck.issue_cards}
    names = {o.short_name for o in catalogue.options}
    options = [name for name in deck.options if name in names]
    cards = [questions[card_id] for card_id in deck.cards if card_id in questions]
    in_deck = [o for o in catalogue.options if o.short_name in options]
    count = len(build_deck(catalogue, in_deck, [c for c in deck.cards if c in questions]))
    st.session_state[OPTIONS_KEY] = options
    st.session_state[CARDS_KEY] = cards
    st.session_state[SLIDE_KEY] = min(max(1, deck.slide), count)


def speaker_notes_toggle() -> bool:
    # Not in the URL: notes are for the presenter's own screen.
    return st.toggle("Show speaker notes", key=NOTES_KEY)


def _step(delta: int, count: int) -> None:
    note_local_move()
    current = st.session_state.get(SLIDE_KEY, 1)
    st.session_state[SLIDE_KEY] = min(max(1, current + delta), count)


def _slide_label(titles: tuple[str, ...], number: int) -> str:
    return f"{number}. {titles[number - 1]}"


def _jump() -> None:
    picked = st.session_state.get(JUMP_KEY)
    if picked is not None:
        note_local_move()
        st.session_state[SLIDE_KEY] = picked
    st.session_state[JUMP_KEY] = None


def _settle_slide_number(count: int) -> None:
    """Put a slide number from the URL in range before the number box reads it
    (:func:`treatments.address.settle_slide`); past the end, the page says so."""
    value = st.query_params.get(SLIDE.name)
    settled = None if value is None else settle_slide(value, count)
    if settled is None:
        return
    if settled:
        st.query_params[SLIDE.name] = settled
        st.session_state[_PAST_THE_END_KEY] = value
    else:
        del st.query_params[SLIDE.name]
    st.rerun()  # the box reads the URL as it was when the run began


def _say_if_past_the_end(count: int) -> None:
    asked = st.session_state.pop(_PAST_THE_END_KEY, None)
    if asked is not None:
        st.toast(
            f"There is no slide {escape(str(asked))}. This deck has {count} slides, "
            "so this is the last one.",
            icon=":material/last_page:",
        )


def _go_to(number: int) -> None:
    note_local_move()
    st.session_state[SLIDE_KEY] = number


def clicker_keys(count: int) -> None:
    """The keys a presentation clicker sends, and Home and End, as hidden buttons.

    Next and Previous answer the arrow keys themselves; a button takes one
    key, so Page Down, Space, Page Up, Home and End each get one of their own
    here, out of sight (app.css) and out of the Tab order.
    """
    keys = (
        ("PageDown", "Next slide (Page Down)", _step, (1, count)),
        ("Space", "Next slide (Space)", _step, (1, count)),
        ("PageUp", "Previous slide (Page Up)", _step, (-1, count)),
        ("Home", "First slide", _go_to, (1,)),
        ("End", "Last slide", _go_to, (count,)),
    )
    with st.container(key="slide-keys"):
        for key, label, action, args in keys:
            st.button(label, on_click=action, args=args, shortcut=key, key=f"key-{key}")


def slide_controls(
    slides: Sequence[Slide], columns: Sequence[Any], *, in_room: bool = False
) -> int:
    """Previous, the slide number, a jump list and next, in four given columns.

    Only the slide number is bound to the URL (``?slide=3``): a number stays
    right when the slide titles change. Returns the slide number, from 1.

    ``in_room``: the number box shows the number but takes no typing. A room
    sets it from elsewhere, and a box's value echoed back by the browser just
    before the new number reached it would look like a person's move and send
    the room back a slide. Buttons, keys and the jump list move the slide.
    """
    back, number_box, jump, forward = columns
    count = len(slides)
    _settle_slide_number(count)
    with number_box:
        number = st.number_input(
            f"Slide (1 to {count})",
            min_value=1,
            max_value=count,
            step=1,
            key=SLIDE_KEY,
            bind="query-params",
            label_visibility="collapsed",
            on_change=note_local_move,
            disabled=in_room,
        )
    current = min(max(1, int(number or 1)), count)
    with jump:
        st.selectbox(
            "Jump to a slide",
            range(1, count + 1),
            index=None,
            # A partial, not a lambda: session state must stay picklable.
            format_func=functools.partial(_slide_label, tuple(s.title for s in slides)),
            placeholder="Jump to a slide",
            label_visibility="collapsed",
            key=JUMP_KEY,
            on_change=_jump,
        )
    back.button(
        "Previous",
        icon=":material/arrow_back:",
        on_click=_step,
        args=(-1, count),
        disabled=current <= 1,
        width="stretch",
        key="previous_slide",
        shortcut="Left",
    )
    forward.button(
        "Next",
        icon=":material/arrow_forward:",
        on_click=_step,
        args=(1, count),
        disabled=current >= count,
        width="stretch",
        type="primary",
        key="next_slide",
        shortcut="Right",
    )
    clicker_keys(count)
    _say_if_past_the_end(count)
    return current
