"""Which window the Present page is: the working view, the projector's, or the
presenter's (``?view=``), the buttons that move between them, and each one's type.

The stylesheets are static files beside this one; only the type steps are
made here, from the one list of them (:data:`treatments.presenting.deck.FIT_STEPS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from components.picture import PICTURE_STYLE
from components.presenting.poll import TALLY_STYLE
from components.presenting.room import ask_to_start, hide_lead_key, show_lead_key
from components.presenting.timer import session_length
from treatments.address import PRESENTER, PROJECTOR, VIEW
from treatments.i18n import N_, gettext
from treatments.markdown import escape
from treatments.presenting.deck import FIT_STEPS, Slide

_HERE = Path(__file__).parent
# The keys beside the notes (components/presenting/clicker.js and screens.js).
# Translators: the keys themselves (Page Down, Page Up, B, J) do not change.
PRESENTER_KEYS = N_(
    "Keys: → or Page Down, next. ← or Page Up, back. B, a black screen. "
    "J, how to join. Any key shows the slide again."
)
# Fuller slides get smaller type: a slide's frame is keyed with its type step
# (treatments.presenting.deck.slide_density), and each step sets --fit.
_FIT_STYLE = "<style>{}</style>".format(
    " ".join(f".st-key-slide-fit-{step} {{ --fit: {fit}; }}" for step, fit in enumerate(FIT_STEPS))
)


def slide_style() -> None:
    st.html(_HERE / "slide.css")
    st.html(_FIT_STYLE + PICTURE_STYLE + TALLY_STYLE)
    if in_projector_view():
        st.html(_HERE / "projector.css")
    elif in_presenter_view():
        st.html(_HERE / "presenter.css")


def in_projector_view() -> bool:
    """Whether the page shows the slide alone (``?view=projector``, so a reload keeps it)."""
    return VIEW.value(st.query_params) == PROJECTOR


def in_presenter_view() -> bool:
    """Whether this is the presenter's own window (``?view=presenter``): notes,
    next slide and clock beside the slide. It always leads a room."""
    return VIEW.value(st.query_params) == PRESENTER


def enter_presenter_button() -> None:
    """The way into the presenter view; it starts a room if there is none, so
    the projector window (and phones) can move with it."""
    if in_presenter_view() or in_projector_view():
        return
    st.button(
        gettext("Presenter"),
        icon=":material/co_present:",
        on_click=ask_to_start,
        args=(PRESENTER,),
        width="stretch",
        key="enter_presenter",
        help=gettext(
            "Your own window, with the notes, the next slide and the time. "
            "From it, open the projector window."
        ),
    )


def _leave_presenter() -> None:
    st.query_params.pop(VIEW.name, None)


def leave_presenter_button() -> None:
    st.button(
        gettext("Leave the presenter view"),
        icon=":material/close_fullscreen:",
        on_click=_leave_presenter,
        key="leave_presenter",
        width="stretch",
    )


def presenter_panel(slides: Sequence[Slide], number: int) -> None:
    """Beside the slide in the presenter view, under the next slide: the notes."""
    with st.container(key="presenter-notes"):
        st.markdown(
            gettext("**Speaker note:** {note}").format(note=escape(slides[number - 1].speaker_note))
        )
    # Folded: the panel fits beside the slide on a 1280 x 720 screen.
    with st.expander(gettext("Session length and keys"), icon=":material/timer:"):
        session_length()
        st.caption(gettext(PRESENTER_KEYS))


def _enter_projector() -> None:
    hide_lead_key()
    st.query_params[VIEW.name] = PROJECTOR


def _leave_projector() -> None:
    st.query_params.pop(VIEW.name, None)
    show_lead_key()


def enter_projector_button() -> None:
    """The way in: a button, or the P key. Drawn only outside the projector view."""
    if in_projector_view() or in_presenter_view():
        return
    st.button(
        gettext("Projector"),
        icon=":material/fullscreen:",
        on_click=_enter_projector,
        shortcut="P",
        width="stretch",
        key="enter_projector",
        # Translators: Esc and Enter are the keys' names on the keyboard.
        help=gettext("Shows the slide alone. To come back, press Esc, then Enter."),
    )


def leave_projector_button() -> None:
    """The way out: a button in the corner that shows when the pointer or the
    keyboard reaches it. Esc (a habit, or a clicker's "stop" button) only gives
    it the focus (clicker.js), so the room keeps its slide and leaving takes a
    second, deliberate press. Drawn only in the projector view, and never
    inside the hidden controls, so it can be seen."""
    if not in_projector_view():
        return
    with st.container(key="leave-projector"):
        st.button(
            gettext("Leave the projector view"),
            icon=":material/fullscreen_exit:",
            on_click=_leave_projector,
            key="leave_projector",
        )
