"""The keys that move the slides, as one small ``st.components.v2`` component.

A clicker sends Page Down, Page Up and the arrow keys (some send Space), and
Home and End go to the ends. Each press names the slide it goes to and its
number (:mod:`treatments.presenting.moves`), so every press moves exactly one
slide, also when the machine is busy and Streamlit merges two requests into one.

In a room, the presenter's windows in one browser share a channel: a press in
the presenter view shows in the projector window at once, and a press in the
projector window leads the room through the presenter view. The projector
window is then *paired*: it takes the deck from its partner and leaves the
room's once-a-second look to the phones.

Its code is static and in this package (clicker.js); the slide, the deck and
the channel's name arrive as data.
"""

from __future__ import annotations

import contextlib
import functools
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from treatments.i18n import N_, gettext
from treatments.presenting.moves import Move, channel_name, is_newer, read_move

CLICKER_KEY = "slide_clicker"
# The number of the last move this window's browser sent that the server took
# (treatments.presenting.moves).
SEQ_KEY = "slide_seq"
# This session's own name, so the browser can tell when a reply comes from a
# new session (its replica died, or the server restarted): one that has taken
# none of the tab's presses (clicker.js sends a press it missed again).
SESSION_KEY = "slide_clicker_session"
# Where a move takes the page's scroll: the line saying this window has
# stepped away from its room, if there is one, or else the slide.
SHOW_FIRST = (".st-key-not-following", ".st-key-slide-frame")
# The way out of the projector view: Esc gives it the focus (clicker.js).
LEAVE_SELECTOR = ".st-key-leave_projector button"
# A component's code is one module: the room's screens (screens.js) come first.
_CLICKER = st.components.v2.component(
    "hemifacial_spasm.clicker",
    js="\n".join(
        (Path(__file__).with_name(name)).read_text(encoding="utf-8")
        for name in ("screens.js", "clicker.js")
    ),
)
# The element screens.js draws a screen in (outside Streamlit's tree).
SCREEN_ID = "hemifacial-spasm-room-screen"
# What the screens say (screens.js); a room adds how to join it (ScreenWords.join).
BLACK = N_("The screen is black for now.")
BLACK_SAID = N_("The room's screen is black. Press any key to show the slide again.")
JOIN_SAID = N_("The room's screen shows how to join. Press any key to show the slide again.")


def paired() -> bool:
    """Whether this window follows a presenter's window in the same browser
    (its projector window): then the channel, not the room, moves it."""
    with contextlib.suppress(KeyError, AttributeError):
        return bool(st.session_state[CLICKER_KEY].get("paired"))
    return False


def _seq() -> int:
    return int(st.session_state.get(SEQ_KEY, 0))


def _session() -> str:
    if SESSION_KEY not in st.session_state:
        st.session_state[SESSION_KEY] = secrets.token_urlsafe(8)
    return str(st.session_state[SESSION_KEY])


def _take(apply: Callable[[Move], None]) -> None:
    move = read_move(st.session_state[CLICKER_KEY].get("go"))
    if move is None or not is_newer(move, _seq()):
        return
    st.session_state[SEQ_KEY] = move.seq
    apply(move)


def _rerun_only() -> None:
    """Pairing changes only how the page reads the room: the run is enough."""


def clicker(
    *,
    slide: int,
    count: int,
    options: list[str],
    cards: list[str],
    room_code: str | None,
    leads: bool,
    projector: bool,
    presenter: bool,
    join: dict[str, str] | None,
    apply: Callable[[Move], None],
) -> None:
    """Listen for the slide keys in this window (and, in a room, its partner's).

    ``apply`` takes a newer move before the page is drawn: it runs as the
    component's callback, like a button's ``on_click``.
    """
    data: dict[str, Any] = {
        "slide": slide,
        "count": count,
        "seq": _seq(),
        "session": _session(),
        "options": options,
        "cards": cards,
        "channel": channel_name(room_code) if room_code else "",
        "leads": leads,
        # Only the projector view leads through its partner: a phone's own
        # press is its own.
        "forwards": projector and not leads,
        "projector": projector,
        "presenter": presenter,
        # B (or ".") blacks the room's screen; with a room, J shows how to join it.
        "screens": {
            "black": gettext(BLACK),
            "black_said": gettext(BLACK_SAID),
            "join_said": gettext(JOIN_SAID),
            **(join or {}),
        },
        "leave": LEAVE_SELECTOR,
        "screen_id": SCREEN_ID,
        "top": list(SHOW_FIRST),
    }
    _CLICKER(
        key=CLICKER_KEY,
        data=data,
        default={"paired": False},
        on_go_change=functools.partial(_take, apply),
        on_paired_change=_rerun_only,
        height=0,
    )
