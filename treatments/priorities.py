"""Lining the options up with what matters to a person.

The person says how much each priority matters. For each one that matters,
every option gets the data file's plain judgement (fits, partly, no, not
known), what that judgement means, and the facts behind it. There is
deliberately no total or score: adding up matches would turn the tool into
one that picks a winner, which a decision aid must not do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from treatments.facts import FactLine, fact_lines
from treatments.i18n import N_, gettext
from treatments.schema import HOW_MUCH, Fit, Option, Priority

# The answers kept, in English (messages: a page shows them with ``gettext``).
NOT_AT_ALL, A_LITTLE, A_LOT = HOW_MUCH
# Each judgement's words, as messages (:attr:`Match.label` says them).
FIT_LABELS: dict[Fit, str] = {
    "fits": N_("Fits"),
    "mostly": N_("Mostly fits"),
    "partly": N_("Partly fits"),
    "no": N_("Does not fit"),
    "unknown": N_("Not known"),
}


@dataclass(frozen=True)
class Match:
    """How one option lines up with one priority, and why."""

    option: Option
    fit: Fit
    meaning: str
    facts: tuple[FactLine, ...]

    @property
    def label(self) -> str:
        """The judgement in words, in the run's language."""
        return gettext(FIT_LABELS[self.fit])


@dataclass(frozen=True)
class LinedUp:
    """One priority that matters, with every option's match in option order."""

    priority: Priority
    how_much: str
    matches: tuple[Match, ...]


def match(option: Option, priority: Priority) -> Match:
    fit = priority.fit.get(option.id, "unknown")
    facts = tuple(
        line
        for field in priority.shows
        for line in fact_lines(option, field, harms_about=priority.harms_about)
    )
    return Match(option, fit, priority.meaning.get(fit, ""), facts)


def mattering(
    priorities: Sequence[Priority], how_much: Mapping[str, str | None]
) -> list[tuple[Priority, str]]:
    """The priorities rated "A lot" then "A little", each group in file order.

    Unknown ratings (say, from an edited session) count as not answered.
    """
    rated = [(p, how_much.get(p.id)) for p in priorities]
    return [(p, level) for level in (A_LOT, A_LITTLE) for p, rating in rated if rating == level]


def line_up(
    options: Sequence[Option], priorities: Sequence[Priority], how_much: Mapping[str, str | None]
) -> list[LinedUp]:
    """For every priority that matters to the person, how each option lines up."""
    return [
        LinedUp(priority, level, tuple(match(option, priority) for option in options))
        for priority, level in mattering(priorities, how_much)
    ]
