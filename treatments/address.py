"""The web address: every parameter the app reads or writes, each declared once.

The address is the app's one shared state: a link, a bookmark or a QR code
opens the same view. Each parameter is one :class:`Param`: its name, its
default, and how its value is read from the address and written back. A widget
bound to the address (``bind="query-params"``) takes the record's name as its
key and its default as its value, so the two cannot differ; everything else
reads and writes through :meth:`Param.value` and :meth:`Param.query`.

Reading forgives: an address is typed, pasted and cut short by people and
programs, so anything unknown, out of range or badly written reads as the
default rather than failing. A default is never written: the address holds
only what differs from the plain view.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar, get_args

from treatments.schema import MAX_INVASIVENESS

T = TypeVar("T")
# One value, or a repeated parameter's values (``?kind=Injections&kind=Tablets``).
Raw = str | Sequence[str]
Query = Mapping[str, Raw]


@dataclass(frozen=True)
class Param(Generic[T]):
    """One parameter of the web address.

    ``read`` turns what the address holds into a value, or ``None`` when it is
    not one this parameter can take (then the default stands); ``write`` turns
    a value back into what the address holds.
    """

    name: str
    default: T
    read: Callable[[Raw], T | None]
    write: Callable[[T], str | list[str]]

    def value(self, query: Query) -> T:
        """The value ``query`` asks for, or the default."""
        if self.name not in query:
            return self.default
        found = self.read(query[self.name])
        return self.default if found is None else found

    def query(self, value: T) -> dict[str, str | list[str]]:
        """The parameter as the address holds it: nothing at all for the default."""
        return {} if value == self.default else {self.name: self.write(value)}


def one(raw: Raw) -> str:
    """A single value: the last of a repeated parameter's values."""
    return raw if isinstance(raw, str) else (raw[-1] if raw else "")


def _names(raw: Raw) -> tuple[str, ...]:
    # "kind=" is how no name at all is written (see _write_names): it reads as none.
    return tuple(name for name in ((raw,) if isinstance(raw, str) else raw) if name)


def _flag(raw: Raw) -> bool | None:
    return {"true": True, "false": False}.get(one(raw).strip().lower())


def _write_flag(value: bool) -> str:
    return str(value).lower()


def _choice(choices: Sequence[str]) -> Callable[[Raw], str | None]:
    def read(raw: Raw) -> str | None:
        value = one(raw)
        return value if value in choices else None

    return read


def _whole_in(low: int, high: int) -> Callable[[Raw], int | None]:
    def read(raw: Raw) -> int | None:
        value = one(raw).strip()
        # ASCII digits only: "¹" and "٣" are digits to str.isdigit, not to int().
        if not (value.isascii() and value.isdigit()):
            return None
        return int(value) if low <= int(value) <= high else None

    return read


def _text(raw: Raw) -> str | None:
    return one(raw) or None


def slide_number(raw: Raw) -> float | None:
    """A slide number as the address holds it, before the deck's length is known.

    A number at all, whole or not, past the end or not (``99``, ``2.5``); not
    an infinite one or "not a number" (``inf``, ``1e309``, ``nan``), which
    Streamlit 1.67's number input cannot take, nor nought or below.
    """
    try:
        number = float(one(raw))
    except ValueError:
        return None
    if math.isinf(number) or math.isnan(number) or number < 1:
        return None
    return number


def settle_slide(raw: Raw, count: int) -> str | None:
    """What the address's slide number must become for a deck of ``count`` slides.

    ``None`` leaves it be: a number in the deck, or one the number box reads as
    slide 1 (``abc``, ``-3``). ``""`` removes it: a number the box cannot take
    (``inf``, ``1e309``, ``nan``). Otherwise the last slide's number, for one
    past the end (``99``, or a deck made shorter).
    """
    try:
        number = float(one(raw))
    except ValueError:
        return None
    if math.isinf(number) or math.isnan(number):
        return ""
    return str(count) if number > count else None


def _write_number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _write_names(value: Sequence[str] | None) -> list[str]:
    # No name at all is written "kind=": an absent parameter means the default.
    return list(value or ()) or [""]


# Compare: the filters (treatments.filters gives each its words and rule).
RepeatChoice = Literal["any", "once", "repeated"]
KIND: Param[tuple[str, ...] | None] = Param("kind", None, _names, _write_names)
REPEAT: Param[RepeatChoice] = Param("repeat", "any", _choice(get_args(RepeatChoice)), str)  # type: ignore[arg-type]
MOST_INVASIVE = Param("most_invasive", MAX_INVASIVENESS, _whole_in(0, MAX_INVASIVENESS), str)
NO_GENERAL = Param("no_general", False, _flag, _write_flag)
NO_STAY = Param("no_stay", False, _flag, _write_flag)
SHOW_WAIT = Param("show_wait", True, _flag, _write_flag)
# Compare: the options drawn side by side, by short name, and how many may be.
SIDE_BY_SIDE: Param[tuple[str, ...]] = Param("side_by_side", (), _names, _write_names)
SIDE_BY_SIDE_COUNT = range(2, 5)

# Present: the deck, the slide, the window, the room.
DECK_OPTIONS: Param[tuple[str, ...]] = Param("deck_options", (), _names, _write_names)
DECK_CARDS: Param[tuple[str, ...]] = Param("deck_cards", (), _names, _write_names)
# The questions put to the room (treatments.check), by their words.
DECK_CHECKS: Param[tuple[str, ...]] = Param("deck_checks", (), _names, _write_names)
SLIDE = Param("slide", 1.0, slide_number, _write_number)
# Which window this is: the working view (no value), the projector's or the presenter's.
PROJECTOR, PRESENTER = "projector", "presenter"
VIEW = Param("view", "", _choice((PROJECTOR, PRESENTER)), str)
# A room phones follow, and the key that lets a window lead it.
ROOM = Param("room", "", _text, str)
LEAD = Param("lead", "", _text, str)

# The language a person reads (treatments.i18n): a language code, or none
# for the browser's own language.
LANG = Param("lang", "", _text, str)

EVERY_PARAM: tuple[Param[object], ...] = (  # type: ignore[assignment]
    KIND,
    REPEAT,
    MOST_INVASIVE,
    NO_GENERAL,
    NO_STAY,
    SHOW_WAIT,
    SIDE_BY_SIDE,
    DECK_OPTIONS,
    DECK_CARDS,
    DECK_CHECKS,
    SLIDE,
    VIEW,
    ROOM,
    LEAD,
    LANG,
)
assert len({p.name for p in EVERY_PARAM}) == len(EVERY_PARAM), "one name, one parameter"
