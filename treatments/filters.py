"""Which options to show, given what a person is willing to consider."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from treatments.schema import MAX_INVASIVENESS, NO_TREATMENT_KIND, Option

RepeatChoice = Literal["any", "once", "repeated"]
_REPEATED_PATTERNS = frozenset({"when it wears off", "daily"})


@dataclass(frozen=True)
class Filters:
    """A person's limits. The defaults show everything.

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
    if filters.kinds is not None and option.kind not in filters.kinds:
        return False
    if option.invasiveness.level > filters.max_invasiveness:
        return False
    if filters.repeat == "once" and option.repeat.pattern != "once":
        return False
    if filters.repeat == "repeated" and option.repeat.pattern not in _REPEATED_PATTERNS:
        return False
    if filters.no_general_anaesthetic and option.anaesthesia.kind == "general":
        return False
    # "No hospital stay" keeps options that some places do without a stay.
    return not (filters.no_hospital_stay and option.hospital_stay.nights.low > 0)


def apply_filters(options: Sequence[Option], filters: Filters) -> list[Option]:
    """The options that match, in catalogue order."""
    return [option for option in options if matches(option, filters)]
