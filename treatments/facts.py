"""One option's answer to one question, as plain text with its sources.

The comparison table, the cards, the "What matters to me" page and the
printouts all say the same fact the same way, so they all start here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from treatments import wording
from treatments.schema import Option, SeriousRisk, SideEffect

HARM_FIELDS = ("side_effects", "serious_risks")


@dataclass(frozen=True)
class FactLine:
    """A sentence or two a person reads, and the source keys behind it."""

    headline: str
    note: str
    sources: tuple[str, ...]

    @property
    def text(self) -> str:
        return f"{self.headline}. {self.note}".strip() if self.note else self.headline


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(option: Option, field: str) -> str:
    """The short answer: ``"Level 1 of 4: A few small needle shots"``."""
    match field:
        case "invasiveness":
            return wording.invasiveness_phrase(option.invasiveness.level)
        case "anaesthesia":
            return wording.anaesthesia_phrase(option.anaesthesia.kind)
        case "hospital_stay":
            return wording.nights_phrase(option.hospital_stay.nights)
        case "repeat":
            return _capital(option.repeat.every)
        case "helps":
            return f"{wording.count_phrase(option.helps.per_100)} people"
        case "evidence":
            return _capital(option.evidence.strength)
    raise ValueError(f"{field!r} has no short answer; use fact_lines()")


def harm_phrase(harm: SideEffect | SeriousRisk) -> str:
    """``"Stroke: fewer than 1 to 3 out of 1,000"`` or the reason there is no number."""
    count = harm.per_100 if isinstance(harm, SideEffect) else harm.per_1000
    figure = wording.count_phrase(count) if count is not None else "no number known"
    return f"{harm.name}: {figure}"


def _about(name: str, words: Sequence[str]) -> bool:
    name = name.casefold()
    return not words or any(word.casefold() in name for word in words)


def fact_lines(option: Option, field: str, *, harms_about: Sequence[str] = ()) -> list[FactLine]:
    """What ``option`` says about ``field``, one line per fact.

    For the harm fields there is one line per harm, kept only if its name
    mentions one of ``harms_about`` (all harms when it is empty).
    """
    if field in HARM_FIELDS:
        harms: Sequence[SideEffect | SeriousRisk] = getattr(option, field)
        return [
            FactLine(
                harm_phrase(harm),
                " ".join(t for t in (harm.no_figure_because, harm.note) if t),
                tuple(harm.sources),
            )
            for harm in harms
            if _about(harm.name, harms_about)
        ]
    value = getattr(option, field)
    if field in ("invasiveness", "anaesthesia", "hospital_stay", "repeat"):
        return [FactLine(headline(option, field), value.note, tuple(value.sources))]
    if field == "helps":
        note = f"Helped means: {value.means} {value.note}"
        return [FactLine(headline(option, field), note, tuple(value.sources))]
    if field == "evidence":
        return [FactLine(headline(option, field), value.text, tuple(value.sources))]
    return [FactLine(value.text, "", tuple(value.sources))]


def short_answers(option: Option, field: str) -> list[FactLine]:
    """The short form used on slides and printouts: the headline and its sources.

    "How many it helps" keeps what "helped" means, because the studies
    measured different things and a bare number would compare unlike with like.
    """
    lines = fact_lines(option, field)
    if field == "helps":
        means = f"Helped means: {option.helps.means}"
        return [FactLine(f"{line.headline}. {means}", "", line.sources) for line in lines]
    return [FactLine(line.headline, "", line.sources) for line in lines]
