"""The language a person reads: the switch on every page, and the page saying it.

The language belongs to the session and its address (``?lang=es``), never to
the process: the switch is a widget bound to the address, and each run (and
each fragment's run, which does not run the page again) speaks it through
:func:`treatments.i18n.activate`. A first visit with no ``lang`` follows the
browser's language (``st.context.locale``) when the tool speaks it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from treatments import address, i18n
from treatments.i18n import Language

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


def _into_address() -> None:
    st.query_params[address.LANG.name] = st.session_state[KEY]


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
