"""A move of the slides as the browser reports it: a key pressed, or the
presenter's other window telling this one where the deck is.

Every move names the slide it goes *to*, never "one on": a press that reaches
the server late, or two presses that Streamlit merges into one request, still
leave the deck where the person sent it. Every move carries its number in
the window's count of moves sent (``seq``); the server hands back the last it
took, so the browser knows which drawing of the page has caught up with its
presses, and a drawing that has not never takes the deck back.

(Between a presenter's two windows the browser orders moves by a stamp of
its own, in components/presenting/clicker.js; it never reaches the server.
The deck and the channel's name are all the two windows share: no lead key
and nothing a person typed crosses between them.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# A move's origin: a key pressed in this window, or the presenter's other
# window (its key, or the deck it shows now).
Via = Literal["key", "partner"]
_VIAS: tuple[Via, ...] = ("key", "partner")
# The most names a deck can list; anything longer is not a deck this app sent.
_MOST_NAMES = 50


@dataclass(frozen=True)
class Move:
    """Where a move takes the deck: the slide, and from a partner window its deck."""

    slide: int
    seq: int
    via: Via
    options: tuple[str, ...] | None = None
    cards: tuple[str, ...] | None = None

    @property
    def has_deck(self) -> bool:
        return self.options is not None and self.cards is not None


def _whole(value: object) -> int | None:
    # JSON gives whole numbers as int; bool is an int to Python, not to a slide.
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _names(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list) or len(value) > _MOST_NAMES:
        return None
    if not all(isinstance(name, str) for name in value):
        return None
    return tuple(value)


def read_move(raw: object) -> Move | None:
    """A move from the browser's message, or None for anything else.

    The message is the page's own code's, but it arrives from the network, so
    it is read as untrusted: anything missing or of the wrong type is not a move.
    """
    if not isinstance(raw, dict):
        return None
    slide, seq, via = _whole(raw.get("slide")), _whole(raw.get("seq")), raw.get("via")
    if slide is None or seq is None or slide < 1 or seq < 0 or via not in _VIAS:
        return None
    options, cards = _names(raw.get("options")), _names(raw.get("cards"))
    if (options is None) != (cards is None):
        return None
    return Move(slide, seq, via, options, cards)


def is_newer(move: Move, seq: int) -> bool:
    """Whether ``move`` comes after the last one the window took (number ``seq``):
    a move the browser sent twice is taken once."""
    return move.seq > seq


def channel_name(code: str) -> str:
    """The browser channel a room's windows in one browser share (BroadcastChannel)."""
    return f"hemifacial-spasm-room-{code}"
