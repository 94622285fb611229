"""One option's answer to one question, as plain text with its sources.

The comparison table, the cards, the "What matters to me" page, the slides
and the printouts all say the same fact the same way, so they all start here.
A count never stands alone: its time frame (for a benefit), what it counts
(for a harm), its caveats, and, where there is no count, the reason why, all
sit beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from treatments import wording
from treatments.schema import HARM_FIELDS, Benefit, Option, SeriousRisk, SideEffect


@dataclass(frozen=True)
class Field:
    """One question every option answers, as people see it on every page and paper.

    ``short`` is the label where room is tight (a slide); ``unit`` is the
    denominator its counts use, said once here so every view says it alike.
    """

    label: str
    short: str
    unit: str = ""

    @property
    def heading(self) -> str:
        """``"Serious risks (out of 1,000 people)"``: the label with its unit."""
        return f"{self.label} ({self.unit})" if self.unit else self.label


_PER_100, _PER_1000 = "out of 100 people", "out of 1,000 people"
# The one table of an option's fields, in the data file's order. The table,
# the cards, the slides, the printouts and the reading grade all loop over it.
FIELDS: dict[str, Field] = {
    "what_it_is": Field("What it is", "What it is"),
    "how_it_is_done": Field("How it is done", "How"),
    "invasiveness": Field("How invasive", "How invasive"),
    "anaesthesia": Field("Asleep or awake", "Asleep or awake"),
    "hospital_stay": Field("Hospital stay", "Hospital stay"),
    "repeat": Field("How often it is repeated", "How often"),
    "onset": Field("How soon it works", "How soon"),
    "duration": Field("How long it lasts", "How long"),
    "helps": Field("How many it helps", "Helps", _PER_100),
    "side_effects": Field("Common side effects", "Side effects", _PER_100),
    "serious_risks": Field("Serious risks", "Serious risks", _PER_1000),
    "recovery": Field("Recovery", "Recovery"),
    "feels_like": Field("What it feels like", "Feels like"),
    "work_and_driving": Field("Work and driving", "Work and driving"),
    "usually_for": Field("Who it is usually for", "Usually for"),
    "evidence": Field("How strong the proof is", "Proof"),
}
ANSWER_FIELDS = tuple(FIELDS)
# The schema and this table name the same questions in the same order.
assert (
    tuple(name for name in Option.model_fields if name not in ("id", "name", "short_name", "kind"))
    == ANSWER_FIELDS
)
NO_NUMBER = "no reliable number"


@dataclass(frozen=True)
class FactLine:
    """A sentence or two a person reads, and the source keys behind it.

    ``headline`` is the short answer with everything that changes its meaning
    (a time frame, a caveat, why there is no number); ``note`` is the detail
    a longer view adds below it.
    """

    headline: str
    note: str
    sources: tuple[str, ...]


def sentence(text: str) -> str:
    """``text`` ending in a full stop (or its own ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _joined(*parts: str | None) -> str:
    """Sentences run together, each ending in a full stop."""
    return " ".join(sentence(part) for part in parts if part)


def headline(option: Option, field: str) -> str:
    """The short answer: ``"Level 1 of 4: A few small needle shots"``."""
    match field:
        case "invasiveness":
            return wording.invasiveness_phrase(option.invasiveness.level)
        case "anaesthesia":
            return wording.anaesthesia_phrase(option.anaesthesia.kind)
        case "hospital_stay":
            stay = option.hospital_stay
            return wording.nights_phrase(stay.nights, longer_in_some=stay.longer_in_some)
        case "repeat":
            return wording.capitalised(option.repeat.every)
        case "evidence":
            return wording.capitalised(option.evidence.strength)
    raise ValueError(f"{field!r} has no short answer; use fact_lines()")


def benefit_phrase(benefit: Benefit) -> str:
    """``"73 to 98 out of 100 people, after each round of shots"``, or no number.

    The time frame is part of the phrase, so a right-after figure can never
    be read beside a long-term one as the same measure.
    """
    when = wording.timeframe_phrase(benefit.when)
    if benefit.per_100 is None:
        return f"{wording.capitalised(NO_NUMBER)} ({when})"
    return f"{wording.count_phrase(benefit.per_100)} people, {when}"


def benefit_headline(benefit: Benefit) -> str:
    """The benefit with its caveats, or with the reason it has no number."""
    return _joined(benefit_phrase(benefit), *benefit.caveats, benefit.no_figure_because)


def harm_phrase(harm: SideEffect | SeriousRisk) -> str:
    """``"Stroke: fewer than 1 to 3 out of 1,000 people (fewer than 1 out of
    100). Counted for each operation."``: the count, then what it counts.

    What a count counts is part of the phrase, so a count for each round of
    shots can never be read as a person's whole risk over years of shots.
    """
    count = harm.count
    if count is None:
        return f"{harm.name}: {NO_NUMBER}"
    figure = f"{wording.count_phrase(count)} people"
    if isinstance(harm, SeriousRisk):
        figure = f"{figure} ({wording.per_100_equivalent(count)})"
    return f"{harm.name}: {figure}. {wording.basis_phrase(harm.counts, harm.over)}"


def harm_headline(harm: SideEffect | SeriousRisk) -> str:
    """The harm with its caveats, or with the reason it has no number.

    "No number" must never read as "no risk", so the reason (which says
    whether it happens) is always beside it.
    """
    return _joined(harm_phrase(harm), *harm.caveats, harm.no_figure_because)


def _about(name: str, words: Sequence[str]) -> bool:
    name = name.casefold()
    return not words or any(word.casefold() in name for word in words)


def fact_lines(option: Option, field: str, *, harms_about: Sequence[str] = ()) -> list[FactLine]:
    """What ``option`` says about ``field``, one line per fact.

    For the harm fields there is one line per harm, kept only if its name
    mentions one of ``harms_about`` (all harms when it is empty); for
    "how many it helps", one line per time it was measured.
    """
    if field in HARM_FIELDS:
        harms: Sequence[SideEffect | SeriousRisk] = getattr(option, field)
        return [
            FactLine(harm_headline(harm), harm.note or "", tuple(harm.sources))
            for harm in harms
            if _about(harm.name, harms_about)
        ]
    if field == "helps":
        return [
            FactLine(
                benefit_headline(benefit),
                _joined(f"Helped means: {benefit.means}", benefit.note),
                tuple(benefit.sources),
            )
            for benefit in option.helps
        ]
    value = getattr(option, field)
    if field in ("invasiveness", "anaesthesia", "hospital_stay", "repeat"):
        return [FactLine(headline(option, field), value.note, tuple(value.sources))]
    if field == "evidence":
        return [FactLine(headline(option, field), value.text, tuple(value.sources))]
    return [FactLine(value.text, "", tuple(value.sources))]


def short_answers(option: Option, field: str) -> list[FactLine]:
    """The short form used on slides and printouts: the headline and its sources.

    "How many it helps" keeps what "helped" means, because the studies
    measured different things and a bare number would compare unlike with like.
    """
    if field == "helps":
        return [
            FactLine(_joined(benefit_headline(b), f"Helped means: {b.means}"), "", tuple(b.sources))
            for b in option.helps
        ]
    return [FactLine(line.headline, "", line.sources) for line in fact_lines(option, field)]
