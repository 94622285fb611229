"""The presenter view's session timer: she starts, pauses and resets it, and
reads it against the session's length she set (:mod:`treatments.presenting.timer`).

It lives in this window's session only: the room never hears of it.
"""

from __future__ import annotations

import time

import streamlit as st

from treatments.i18n import gettext, pgettext
from treatments.presenting.timer import LONGEST, SHORTEST, USUAL, Timer, timer_words

TIMER_KEY = "session_timer"
MINUTES_KEY = "session_minutes"


def session_length() -> None:
    """The session's length, set beside the notes (not in the clock, which is
    drawn again every second while she types)."""
    st.number_input(
        gettext("Session length, in minutes"),
        min_value=SHORTEST,
        max_value=LONGEST,
        value=USUAL,
        step=5,
        key=MINUTES_KEY,
    )


def _timer() -> Timer:
    found = st.session_state.get(TIMER_KEY)
    return found if isinstance(found, Timer) else Timer()


def _start() -> None:
    st.session_state[TIMER_KEY] = _timer().start(time.time())


def _pause() -> None:
    st.session_state[TIMER_KEY] = _timer().pause(time.time())


def _reset() -> None:
    st.session_state[TIMER_KEY] = Timer()


def session_timer() -> None:
    """The timer and its buttons, inside the clock's fragment: a press runs
    only the fragment, and the time is drawn again every second."""
    timer = _timer()
    minutes = int(st.session_state.get(MINUTES_KEY, USUAL))
    with st.container(key="session-timer"):
        st.markdown(
            gettext("**Timer:** {time}").format(
                time=timer_words(timer.seconds(time.time()), minutes)
            )
        )
        with st.container(horizontal=True):
            if timer.running:
                st.button(
                    pgettext("timer", "Pause"),
                    icon=":material/pause:",
                    on_click=_pause,
                    key="timer_pause",
                )
            else:
                st.button(
                    pgettext("timer", "Start")
                    if timer.counted == 0
                    else pgettext("timer", "Go on"),
                    icon=":material/play_arrow:",
                    on_click=_start,
                    key="timer_start",
                )
            st.button(
                pgettext("timer", "Reset"),
                icon=":material/restart_alt:",
                on_click=_reset,
                key="timer_reset",
                disabled=not timer.running and timer.counted == 0,
            )
