"""The language a person reads: the switch on every page, and the page saying it.

The language belongs to the session and its address (``?lang=es``), never to
the process: the switch is a widget bound to the address, and each run (and
each fragment's run, which does not run the page again) speaks it through
:func:`treatments.i18n.activate`. A first visit with no ``lang`` follows the
browser's language (``st.context.locale``) when the tool speaks it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from treatments import address, i18n
from treatments.i18n import Language
from treatments.schema import Catalogue

KEY = address.LANG.name
_SAYS_LANGUAGE = st.components.v2.component(
    "hemifacial_spasm.language",
    js=(Path(__file__).with_name("language.js")).read_text(encoding="utf-8"),
)


def offered() -> tuple[Language, ...]:
    return tuple(lang for lang in i18n.languages() if lang.offered)


def _default(choices: tuple[Language, ...]) -> str:
    return i18n.from_locale(st.context.locale).code if len(choices) > 1 else i18n.ENGLISH.code


def choose_language() -> Language:
    """Draw the switch (each language named in itself, all in sight) and speak
    the language chosen, for this run and the page's ``lang``."""
    choices = offered()
    by_code = {lang.code: lang for lang in choices}
    chosen = i18n.ENGLISH
    if len(choices) > 1:
        # Not bound with bind="query-params": a bound widget in app.py, drawn
        # around st.navigation, is not set from the address in Streamlit 1.67.
        # The address leads: a link, a bookmark or the back button says which.
        asked = address.LANG.value(st.query_params.to_dict())
        if asked in by_code:
            st.session_state[KEY] = asked
        elif st.session_state.get(KEY) not in by_code:
            st.session_state[KEY] = _default(choices)
        # Its label says "Language" in every language offered: a person who
        # reads only one of them still finds it.
        label = " / ".join(_word_for_language(lang.code) for lang in choices)
        with st.container(key="language-switch"):
            code = st.segmented_control(
                label,
                [lang.code for lang in choices],
                required=True,
                format_func=lambda code: by_code[code].name,
                key=KEY,
                label_visibility="collapsed",
                on_change=_into_address,
            )
        chosen = by_code.get(code or "", i18n.ENGLISH)
        # Once it is not English, the address says so: a shared link, a
        # bookmark or a QR code made from it opens in the same language.
        if chosen != i18n.ENGLISH and asked != chosen.code:
            st.query_params[address.LANG.name] = chosen.code
    i18n.activate(chosen.code)
    _SAYS_LANGUAGE(data={"lang": chosen.code, "dir": chosen.direction})
    return chosen


# Widgets whose values are the same in every language but whose chips show
# words (a multiselect keeps the words it showed): given their values again on
# a switch, so they are drawn in the new language's words.
WORDED = (
    address.SIDE_BY_SIDE.name,
    address.KIND.name,
    address.DECK_OPTIONS.name,
    address.DECK_CARDS.name,
    address.DECK_CHECKS.name,
    "printout_options",
)


def _into_address() -> None:
    st.query_params[address.LANG.name] = st.session_state[KEY]
    for key in WORDED:
        if key in st.session_state:
            st.session_state[key] = list(st.session_state[key] or [])


def _word_for_language(code: str) -> str:
    with i18n.speaking(code):
        return i18n.gettext("Language")


def session_language() -> Language:
    """Speak the session's language again, where the page did not run first
    (a fragment's own run)."""
    code = st.session_state.get(KEY)
    lang = next((lang for lang in offered() if lang.code == code), None)
    if lang is None:
        lang = i18n.ENGLISH
    i18n.activate(lang.code)
    return lang


# What a widget bound to the address shows, for each of its values, in each
# language: Streamlit writes a bound multiselect's shown words in the address,
# so a link made in one language names things in its words.
Words = dict[str, dict[str, str]]


def start_from_any_language(key: str, words: Callable[[], Words]) -> None:
    """Start the bound widget ``key`` from an address that names its values in
    another language's words (a link shared from a Spanish page, opened in
    English), the way an old link's renamed kinds are read (components.filters).

    Streamlit would drop words it does not show; the session's own value,
    once there is one, leads. ``words`` is asked for only then: it reads the
    catalogue in every language.
    """
    asked = st.query_params.get_all(key)
    if not asked or key in st.session_state:
        return
    named = words()
    code = i18n.active()
    shown = {labels.get(code, value) for value, labels in named.items()}
    if all(word in shown for word in asked):
        return
    values = [
        value
        for word in asked
        for value, labels in named.items()
        if word == value or word in labels.values()
    ]
    # Words of no language are ignored, as Streamlit ignores them.
    if values:
        st.session_state[key] = list(dict.fromkeys(values))


def _in_every_language(pick: Callable[[Catalogue], dict[str, str]]) -> Words:
    from components.catalogue import catalogue_in

    words: Words = {}
    for lang in offered():
        for value, label in pick(catalogue_in(lang.code)).items():
            words.setdefault(value, {})[lang.code] = label
    return words


def option_words() -> Words:
    """Each option's name in addresses (English) and its short name in each language."""
    return _in_every_language(lambda c: {o.url_name: o.short_name for o in c.options})


def kind_words() -> Words:
    """Each kind (English, as addresses name it) and its name in each language
    (old English names are read by components.filters)."""

    def pick(catalogue: Catalogue) -> dict[str, str]:
        return {o.kind: o.kind_label for o in catalogue.options}

    return _in_every_language(pick)


def card_words() -> Words:
    return _in_every_language(lambda c: {card.id: card.question for card in c.deck.issue_cards})


def check_words() -> Words:
    return _in_every_language(
        lambda c: {q.id: q.question for q in c.check.questions} if c.check else {}
    )
