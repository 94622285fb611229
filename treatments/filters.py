"""Which options to show, given what a person is willing to consider.

Each filter is one record (:data:`FILTERS`): the field of :class:`Filters` it
sets, its name in the web address, the words a person sees, and its rule. The
defaults live in :class:`Filters` alone. :func:`filters_from_query` and
:func:`query_from_filters` turn a web address into filters and back, as plain
functions, so a shared link can be read and written without Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Literal, get_args

from treatments.schema import INVASIVENESS_LEVELS, MAX_INVASIVENESS, NO_TREATMENT_KIND, Option

RepeatChoice = Literal["any", "once", "repeated"]
REPEAT_LABELS: dict[RepeatChoice, str] = {
    "any": "Either",
    "once": "Done once",
    "repeated": "Repeated",
}
_REPEATED_PATTERNS = frozenset({"when it wears off", "daily"})


@dataclass(frozen=True)
class Filters:
    """A person's limits. The defaults show everything, and are the only defaults.

    ``kinds`` is the set of treatment kinds to keep (``None`` keeps all).
    The no-treatment option is never filtered by the other limits: it is
    shown while ``show_no_treatment`` is true and hidden only when the person
    turns that off, as decision-aid standards require.
    """

    kinds: frozenset[str] | None = None
    max_invasiveness: int = MAX_INVASIVENESS
    repeat: RepeatChoice = "any"
    no_general_anaesthetic: bool = False
    no_hospital_stay: bool = False
    show_no_treatment: bool = True


@dataclass(frozen=True)
class Filter:
    """One filter: what it sets, its name in the web address, its words, its rule.

    ``keeps`` says whether an option passes, given the filter's value; the
    no-treatment filter has none, because it is the one thing that decides
    whether "No treatment for now" is shown.
    """

    field: str
    param: str
    label: str
    help: str
    keeps: Callable[[Option, Any], bool] | None
    # What the filter does once moved from its default, if its label would say
    # the opposite: "Show ..." is on when it is unticked.
    on_words: str = ""


def _repeat_keeps(option: Option, choice: RepeatChoice) -> bool:
    if choice == "once":
        return option.repeat.pattern == "once"
    if choice == "repeated":
        return option.repeat.pattern in _REPEATED_PATTERNS
    return True


FILTERS: tuple[Filter, ...] = (
    Filter(
        "kinds",
        "kind",
        "Kinds of treatment to show",
        "All kinds are shown at first. Tap a kind to hide it, and tap it again to show it.",
        lambda option, kinds: kinds is None or option.kind in kinds,
    ),
    Filter("repeat", "repeat", "Done once, or repeated?", "", _repeat_keeps),
    Filter(
        "max_invasiveness",
        "most_invasive",
        "The most invasive I would consider",
        "0 means nothing is done to your body. 4 means brain surgery.",
        lambda option, level: option.invasiveness.level <= level,
    ),
    Filter(
        "no_general_anaesthetic",
        "no_general",
        "No general anaesthetic",
        "Leave out options where you are put fully to sleep.",
        lambda option, on: not on or option.anaesthesia.kind != "general",
    ),
    Filter(
        "no_hospital_stay",
        "no_stay",
        "No night in hospital",
        "Keep only options that can be done without staying the night.",
        # Keeps options that some places do without a stay.
        lambda option, on: not on or option.hospital_stay.nights.low == 0,
    ),
    Filter(
        "show_no_treatment",
        "show_wait",
        "Show “No treatment for now”",
        "This choice is shown whatever the other filters say, unless you untick it.",
        None,
        on_words="Hide “No treatment for now”",
    ),
)
BY_FIELD: dict[str, Filter] = {f.field: f for f in FILTERS}
assert set(BY_FIELD) == {f.name for f in fields(Filters)}, "one record for every filter"


def treatment_kinds(options: Iterable[Option]) -> list[str]:
    """The kinds a person can filter by, in catalogue order, without no-treatment."""
    kinds: list[str] = []
    for option in options:
        if option.kind != NO_TREATMENT_KIND and option.kind not in kinds:
            kinds.append(option.kind)
    return kinds


def is_no_treatment(option: Option) -> bool:
    return option.kind == NO_TREATMENT_KIND


def matches(option: Option, filters: Filters) -> bool:
    """Whether ``option`` is within every limit in ``filters``."""
    if is_no_treatment(option):
        return filters.show_no_treatment
    return all(f.keeps(option, getattr(filters, f.field)) for f in FILTERS if f.keeps is not None)


def apply_filters(options: Sequence[Option], filters: Filters) -> list[Option]:
    """The options that match, in catalogue order."""
    return [option for option in options if matches(option, filters)]


def _one(value: str | Sequence[str]) -> str:
    return value if isinstance(value, str) else (value[-1] if value else "")


def _flag(value: str | Sequence[str], default: bool) -> bool:
    return {"true": True, "false": False}.get(_one(value).strip().lower(), default)


def filters_from_query(query: Mapping[str, str | Sequence[str]], kinds: Sequence[str]) -> Filters:
    """The filters a web address asks for, as the page's controls read it.

    ``query`` maps each parameter to its value, or to its values when it is
    repeated (``?kind=Shots&kind=Tablets``). Anything unknown, out of range or
    badly written falls back to the default rather than failing: a link is
    typed, pasted and cut short by people and programs.
    """
    found = Filters()
    changes: dict[str, Any] = {}
    param = {f.field: f.param for f in FILTERS}
    if param["kinds"] in query:
        raw = query[param["kinds"]]
        asked = [raw] if isinstance(raw, str) else list(raw)
        changes["kinds"] = frozenset(kind for kind in asked if kind in kinds)
    level = _one(query.get(param["max_invasiveness"], "")).strip()
    if level.isdigit() and int(level) in INVASIVENESS_LEVELS:
        changes["max_invasiveness"] = int(level)
    repeat = _one(query.get(param["repeat"], ""))
    if repeat in get_args(RepeatChoice):
        changes["repeat"] = repeat
    for name in ("no_general_anaesthetic", "no_hospital_stay", "show_no_treatment"):
        if param[name] in query:
            changes[name] = _flag(query[param[name]], getattr(found, name))
    return replace(found, **changes)


def query_from_filters(filters: Filters, kinds: Sequence[str]) -> dict[str, str | list[str]]:
    """The web-address parameters for ``filters``; defaults are left out, as the page does."""
    default = Filters()
    query: dict[str, str | list[str]] = {}
    for f in FILTERS:
        value = getattr(filters, f.field)
        if value == getattr(default, f.field):
            continue
        if f.field == "kinds":
            if set(kinds) <= value:
                continue  # every kind chosen is the same view as the default
            query[f.param] = [kind for kind in kinds if kind in value]
        elif isinstance(value, bool):
            query[f.param] = str(value).lower()
        else:
            query[f.param] = str(value)
    return query


def filters_on(filters: Filters, kinds: Sequence[str]) -> list[str]:
    """The words of each filter that hides something, in the page's order.

    A filter is on when it is not at its default, that is when it would
    appear in the web address (:func:`query_from_filters`).
    """
    query = query_from_filters(filters, kinds)
    return [f.on_words or f.label for f in FILTERS if f.param in query]
