"""Which options to show, given what a person is willing to consider.

Each filter is one record (:data:`FILTERS`): the field of :class:`Filters` it
sets, its parameter of the web address (:mod:`treatments.address`, which holds
its name and default), the words a person sees, and its rule.
:func:`filters_from_query` and :func:`query_from_filters` turn a web address
into filters and back through those records, so a shared link is read and
written without Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from treatments import address
from treatments.address import Param, Query, RepeatChoice
from treatments.i18n import N_, gettext
from treatments.schema import MAX_INVASIVENESS, NO_TREATMENT_KIND, Option

# Each choice's words, as messages: a page shows them with ``gettext``.
REPEAT_LABELS: dict[RepeatChoice, str] = {
    "any": N_("Either"),
    "once": N_("Done once"),
    "repeated": N_("Repeated"),
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
    max_invasiveness: int = address.MOST_INVASIVE.default
    repeat: RepeatChoice = address.REPEAT.default
    no_general_anaesthetic: bool = address.NO_GENERAL.default
    no_hospital_stay: bool = address.NO_STAY.default
    show_no_treatment: bool = address.SHOW_WAIT.default


def _same(value: Any, kinds: Sequence[str]) -> Any:
    del kinds
    return value


@dataclass(frozen=True)
class Filter:
    """One filter: what it sets, its parameter of the web address, its words, its rule.

    ``keeps`` says whether an option passes, given the filter's value; the
    no-treatment filter has none, because it is the one thing that decides
    whether "No treatment for now" is shown. ``from_address`` and
    ``to_address`` turn the parameter's value into the filter's and back,
    given the catalogue's kinds: only the kinds filter needs them.

    ``label``, ``help`` and ``on_words`` are English, as messages: a page
    shows them with ``gettext``.
    """

    field: str
    param: Param[Any]
    label: str
    help: str
    keeps: Callable[[Option, Any], bool] | None
    # What the filter does once moved from its default, if its label would say
    # the opposite: "Show ..." is on when it is unticked.
    on_words: str = ""
    from_address: Callable[[Any, Sequence[str]], Any] = _same
    to_address: Callable[[Any, Sequence[str]], Any] = _same


def _kinds_from_address(
    names: tuple[str, ...] | None, kinds: Sequence[str]
) -> frozenset[str] | None:
    return None if names is None else frozenset(name for name in names if name in kinds)


def _kinds_to_address(
    chosen: frozenset[str] | None, kinds: Sequence[str]
) -> tuple[str, ...] | None:
    # Every kind chosen is the same view as the default, and is written as it.
    if chosen is None or set(kinds) <= chosen:
        return None
    return tuple(kind for kind in kinds if kind in chosen)


def _repeat_keeps(option: Option, choice: RepeatChoice) -> bool:
    if choice == "once":
        return option.repeat.pattern == "once"
    if choice == "repeated":
        return option.repeat.pattern in _REPEATED_PATTERNS
    return True


FILTERS: tuple[Filter, ...] = (
    Filter(
        "kinds",
        address.KIND,
        N_("Kinds of treatment to show"),
        N_("All kinds are shown at first. Tap a kind to hide it, and tap it again to show it."),
        lambda option, kinds: kinds is None or option.kind in kinds,
        from_address=_kinds_from_address,
        to_address=_kinds_to_address,
    ),
    Filter("repeat", address.REPEAT, N_("Done once, or repeated?"), "", _repeat_keeps),
    Filter(
        "max_invasiveness",
        address.MOST_INVASIVE,
        N_("The most invasive I would consider"),
        N_("0 means nothing is done to your body. 4 means brain surgery."),
        lambda option, level: option.invasiveness.level <= level,
    ),
    Filter(
        "no_general_anaesthetic",
        address.NO_GENERAL,
        N_("No general anaesthetic"),
        N_("Leave out options where you are put fully to sleep."),
        lambda option, on: not on or option.anaesthesia.kind != "general",
    ),
    Filter(
        "no_hospital_stay",
        address.NO_STAY,
        N_("No night in hospital"),
        N_("Keep only options that can be done without staying the night."),
        # Keeps options that some places do without a stay.
        lambda option, on: not on or option.hospital_stay.nights.low == 0,
    ),
    Filter(
        "show_no_treatment",
        address.SHOW_WAIT,
        N_("Show “No treatment for now”"),
        N_("This choice is shown whatever the other filters say, unless you untick it."),
        None,
        on_words=N_("Hide “No treatment for now”"),
    ),
)
BY_FIELD: dict[str, Filter] = {f.field: f for f in FILTERS}
assert set(BY_FIELD) == {f.name for f in fields(Filters)}, "one record for every filter"


def invasiveness_levels(options: Iterable[Option]) -> list[int]:
    """The stops of the "most invasive" filter: the levels some option has, and
    the top level, which leaves nothing out (and is the filter's default)."""
    return sorted({option.invasiveness.level for option in options} | {MAX_INVASIVENESS})


def level_stop(levels: Sequence[int], asked: int) -> int:
    """The stop an address's level lands on: the highest at or below it, so an
    old link's level 3, which no option has, leaves out what it always did."""
    return max((level for level in levels if level <= asked), default=min(levels))


def treatment_kinds(options: Iterable[Option]) -> list[str]:
    """The kinds a person can filter by, in catalogue order, without no-treatment."""
    kinds: list[str] = []
    for option in options:
        if option.kind != NO_TREATMENT_KIND and option.kind not in kinds:
            kinds.append(option.kind)
    return kinds


def current_kinds(names: Iterable[str], options: Iterable[Option]) -> list[str]:
    """The kinds an address's ``kind`` values name, old names (``kind_was``)
    read as the kinds they became: ``["Shots"]`` is ``["Injections"]``."""
    renamed = {old: option.kind for option in options for old in option.kind_was}
    return list(dict.fromkeys(renamed.get(name, name) for name in names))


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


def filters_from_query(query: Query, kinds: Sequence[str]) -> Filters:
    """The filters a web address asks for, as the page's controls read it.

    ``query`` maps each parameter to its value, or to its values when it is
    repeated (``?kind=Injections&kind=Tablets``). Anything unknown, out of range or
    badly written falls back to the default rather than failing
    (:mod:`treatments.address`).
    """
    return Filters(**{f.field: f.from_address(f.param.value(query), kinds) for f in FILTERS})


def query_from_filters(filters: Filters, kinds: Sequence[str]) -> dict[str, str | list[str]]:
    """The web-address parameters for ``filters``; defaults are left out, as the page does."""
    query: dict[str, str | list[str]] = {}
    for f in FILTERS:
        query |= f.param.query(f.to_address(getattr(filters, f.field), kinds))
    return query


def filters_on(filters: Filters, kinds: Sequence[str]) -> list[str]:
    """The words of each filter that hides something, in the page's order, in
    the run's language.

    A filter is on when it is not at its default, that is when it would
    appear in the web address (:func:`query_from_filters`).
    """
    query = query_from_filters(filters, kinds)
    return [gettext(f.on_words or f.label) for f in FILTERS if f.param.name in query]
