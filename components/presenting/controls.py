"""The Present page's controls: which options and issue cards are in the deck, and
which slide is shown (Previous, where the deck is, a jump list, Next).

The deck is bound to the web address and the slide number is written to it
(``?slide=3``), so a link opens the same deck on the same slide; their names
and defaults are the address's own records (:mod:`treatments.address`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import streamlit as st

from components.language import card_words, check_words, option_words, start_from_any_language
from components.presenting.clicker import paired
from components.presenting.room import note_local_move
from treatments.address import DECK_CARDS, DECK_CHECKS, DECK_OPTIONS, SLIDE, settle_slide
from treatments.check import questions_in
from treatments.i18n import gettext, ngettext, pgettext
from treatments.markdown import escape
from treatments.presenting.deck import Slide, chosen_cards
from treatments.presenting.moves import Move
from treatments.presenting.rooms import Deck
from treatments.schema import Catalogue, Option

SLIDE_KEY = SLIDE.name
OPTIONS_KEY = DECK_OPTIONS.name
CARDS_KEY = DECK_CARDS.name
CHECKS_KEY = DECK_CHECKS.name
NOTES_KEY = "speaker_notes"
JUMP_KEY = "jump_to_slide"
_PAST_THE_END_KEY = "slide_past_the_end"


def deck_options(catalogue: Catalogue, *, locked: bool = False) -> list[Option]:
    """The options in the deck, in the data file's order. ``locked`` while
    following a room: the presenter picks the slides."""
    # By the names in web addresses and rooms (English in every language),
    # shown by the page's own: a phone in Spanish follows an English deck.
    by_name = {o.url_name: o for o in catalogue.options}
    start_from_any_language(OPTIONS_KEY, option_words)
    chosen = st.multiselect(
        gettext("Options in the deck"),
        list(by_name),
        default=list(by_name),
        format_func=lambda name: by_name[name].short_name,
        key=OPTIONS_KEY,
        bind="query-params",
        on_change=note_local_move,
        disabled=locked,
    )
    return [o for o in catalogue.options if o.url_name in chosen]


def deck_cards(catalogue: Catalogue, *, locked: bool = False) -> list[str]:
    """The issue cards in the deck, in their usual order."""
    deck = catalogue.deck
    # By id, shown by the question's words in the page's language.
    questions = {card.id: card.question for card in deck.issue_cards}
    start_from_any_language(CARDS_KEY, card_words)
    chosen = st.multiselect(
        gettext("Issue cards in the deck (one question about every option)"),
        list(questions),
        default=[card.id for card in chosen_cards(catalogue, deck.default_cards)],
        format_func=lambda card_id: questions[card_id],
        key=CARDS_KEY,
        bind="query-params",
        on_change=note_local_move,
        disabled=locked,
    )
    return [card_id for card_id in questions if card_id in chosen]


def deck_checks(catalogue: Catalogue, *, locked: bool = False) -> list[str]:
    """The questions put to the room (each on two slides), by id, in their usual order."""
    if catalogue.check is None:
        return []
    asked = {q.id: q.question for q in catalogue.check.questions}
    start_from_any_language(CHECKS_KEY, check_words)
    chosen = st.multiselect(
        gettext("Questions for the room (phones answer, the screen shows the count)"),
        list(asked),
        default=[q.id for q in questions_in(catalogue, catalogue.check.in_deck)],
        format_func=lambda check_id: asked[check_id],
        key=CHECKS_KEY,
        bind="query-params",
        on_change=note_local_move,
        disabled=locked,
    )
    return [check_id for check_id in asked if check_id in chosen]


def _check_words(catalogue: Catalogue) -> dict[str, str]:
    if catalogue.check is None:
        return {}
    return {q.id: q.question for q in catalogue.check.questions}


def adopt_deck(catalogue: Catalogue, deck: Deck) -> None:
    """Show a room's deck and slide: set the controls before they are drawn.

    The room lists its issue cards and its questions together, by id."""
    questions = {card.id for card in catalogue.deck.issue_cards}
    checks = set(_check_words(catalogue))
    names = {o.url_name for o in catalogue.options}
    options = [name for name in deck.options if name in names]
    cards = [card_id for card_id in deck.cards if card_id in questions]
    asked = [item for item in deck.cards if item in checks]
    st.session_state[OPTIONS_KEY] = options
    st.session_state[CARDS_KEY] = cards
    st.session_state[CHECKS_KEY] = asked
    # Past the deck's end, slide_controls keeps it to the last slide, once the
    # page has built the deck (building it here too cost every phone a move).
    st.session_state[SLIDE_KEY] = max(1, deck.slide)


def speaker_notes_toggle() -> bool:
    # Not in the URL: notes are for the presenter's own screen.
    return st.toggle(gettext("Show speaker notes"), key=NOTES_KEY)


def _step(delta: int, count: int) -> None:
    note_local_move()
    st.session_state[SLIDE_KEY] = min(max(1, shown_slide() + delta), count)


def _slide_label(titles: tuple[str, ...], number: int) -> str:
    return f"{number}. {titles[number - 1]}"


def _jump() -> None:
    picked = st.session_state.get(JUMP_KEY)
    if picked is not None:
        note_local_move()
        st.session_state[SLIDE_KEY] = picked
    st.session_state[JUMP_KEY] = None


def shown_slide() -> int:
    """The slide this window shows, from 1: kept on the server, not in a widget.

    A number box bound to the slide would send its old number back with the
    next click if that click came before the box had drawn the new one (on a
    busy machine it did), and take the deck back a slide.
    """
    return int(st.session_state.get(SLIDE_KEY, 1))


def _slide_from_address(count: int) -> None:
    """On a window's first run, the slide the web address names
    (:func:`treatments.address.settle_slide`); past the end, the page says so."""
    if SLIDE_KEY in st.session_state:
        return
    value = st.query_params.get(SLIDE.name)
    number = SLIDE.value(st.query_params)
    if value is not None and settle_slide(value, count):
        st.session_state[_PAST_THE_END_KEY] = value
    st.session_state[SLIDE_KEY] = min(max(1, int(number)), count)


def _say_if_past_the_end(count: int) -> None:
    asked = st.session_state.pop(_PAST_THE_END_KEY, None)
    if asked is not None:
        st.toast(
            ngettext(
                "There is no slide {asked}. This deck has {count} slide, so this is the last one.",
                "There is no slide {asked}. This deck has {count} slides, so this is the last one.",
                count,
            ).format(asked=escape(str(asked)), count=count),
            icon=":material/last_page:",
        )


def take_move(catalogue: Catalogue, move: Move) -> None:
    """A press from this window's keys or its partner window's, already newer
    than the last (components.presenting.clicker)."""
    if move.has_deck:
        adopt_deck(catalogue, Deck(move.options or (), move.cards or (), move.slide))
    else:
        st.session_state[SLIDE_KEY] = move.slide
    # A projector window paired with the presenter's leads through it: its
    # press is not a step away from the room.
    if not paired():
        note_local_move()


def slide_controls(
    slides: Sequence[Slide], columns: Sequence[Any], *, in_room: bool = False
) -> int:
    """Previous, where the deck is, a jump list and Next, in four given columns.

    The slide number is kept in the web address (``?slide=3``), written here
    from the window's own count: a number stays right when the slide titles
    change. Returns the slide number, from 1. The keys are the clicker's
    (:mod:`components.presenting.clicker`).
    """
    back, where, jump, forward = columns
    count = len(slides)
    _slide_from_address(count)
    current = min(shown_slide(), count)
    st.session_state[SLIDE_KEY] = current
    if current == 1:
        st.query_params.pop(SLIDE.name, None)
    else:
        st.query_params.update(SLIDE.query(float(current)))
    with where, st.container(key="slide-where"):
        st.markdown(
            ngettext("**{current}** of {count}", "**{current}** of {count}", count).format(
                current=current, count=count
            )
        )
    with jump:
        st.selectbox(
            gettext("Jump to a slide"),
            range(1, count + 1),
            index=None,
            # A partial, not a lambda: session state must stay picklable.
            format_func=functools.partial(_slide_label, tuple(s.title for s in slides)),
            placeholder=gettext("Jump to a slide"),
            label_visibility="collapsed",
            key=JUMP_KEY,
            on_change=_jump,
        )
    back.button(
        pgettext("slide", "Previous"),
        icon=":material/arrow_back:",
        on_click=_step,
        args=(-1, count),
        disabled=current <= 1,
        width="stretch",
        key="previous_slide",
    )
    forward.button(
        pgettext("slide", "Next"),
        icon=":material/arrow_forward:",
        on_click=_step,
        args=(1, count),
        disabled=current >= count,
        width="stretch",
        type="primary",
        key="next_slide",
    )
    _say_if_past_the_end(count)
    return current
