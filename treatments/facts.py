"""One option's answer to one question, as plain text with its sources.

The comparison table, the cards, the "What matters to me" page, the slides
and the printouts all say the same fact the same way, so they all start here.
A count never stands alone: its time frame (for a benefit), what it counts
(for a harm), its caveats, and, where there is no count, the reason why, all
sit beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from treatments import wording
from treatments.i18n import N_, gettext
from treatments.model import AnswerField
from treatments.schema import Benefit, HospitalStay, Option, SeriousRisk, SideEffect


@dataclass(frozen=True)
class FactLine:
    """A sentence or two a person reads, and the source keys behind it.

    ``headline`` is the answer with everything that changes its meaning
    (a time frame, a caveat, why there is no number); ``note`` is the detail
    a longer view adds below it. ``lead`` is the start of the headline a
    person reads first, before a tap shows the rest: the few words and the
    number, with the time frame or what a harm counts, but no caveat
    (empty where the headline is that short already; see :attr:`short`).
    """

    headline: str
    note: str
    sources: tuple[str, ...]
    lead: str = ""

    @property
    def short(self) -> str:
        """The short answer: the lead, or the whole headline where it is short."""
        return self.lead or self.headline


def sentence(text: str) -> str:
    """``text`` ending in a full stop (or its own ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def first_sentence(text: str) -> str:
    """The first sentence of ``text``: ``"This can happen."``."""
    return re.split(r"(?<=[.?!])\s+", text.strip(), maxsplit=1)[0]


def _joined(*parts: str | None) -> str:
    """Sentences run together, each ending in a full stop."""
    return " ".join(sentence(part) for part in parts if part)


def benefit_phrase(benefit: Benefit) -> str:
    """``"73 to 98 out of 100 people, after each round of shots"``, or no number.

    The time frame is part of the phrase, so a right-after figure can never
    be read beside a long-term one as the same measure.
    """
    when = wording.timeframe_phrase(benefit.when)
    if benefit.per_100 is None:
        return gettext("No reliable number ({when})").format(when=when)
    return gettext("{how_many}, {when}").format(
        how_many=wording.count_phrase(benefit.per_100, people=True), when=when
    )


def benefit_headline(benefit: Benefit) -> str:
    """The benefit with its caveats, or with the reason it has no number."""
    return _joined(benefit_phrase(benefit), *benefit.caveats, benefit.no_figure_because)


def _lead(phrase: str, caveats: Sequence[str], no_figure_because: str | None) -> str:
    """The start of a headline a person reads before a tap. With a count, the
    count and its time frame or what it counts; with none, "no reliable
    number" and the first sentence after it, which says whether it happens or
    how serious it is, so "no number" never reads as "no risk" or "no help"."""
    if no_figure_because is None:
        return sentence(phrase)
    return _joined(phrase, first_sentence(_joined(*caveats, no_figure_because)))


def benefit_lead(benefit: Benefit) -> str:
    """The benefit in short: its count and when, or why there is none."""
    return _lead(benefit_phrase(benefit), benefit.caveats, benefit.no_figure_because)


def harm_phrase(harm: SideEffect | SeriousRisk) -> str:
    """``"Stroke: up to 3 out of 1,000 people (fewer than 1 out of
    100). Counted for each operation."``: the count, then what it counts.

    What a count counts is part of the phrase, so a count for each round of
    shots can never be read as a person's whole risk over years of shots.
    """
    count = harm.count
    if count is None:
        return gettext("{harm}: no reliable number").format(harm=harm.name)
    how_many = wording.count_phrase(count, people=True)
    counted = wording.basis_phrase(harm.counts, harm.over)
    if isinstance(harm, SeriousRisk):
        return gettext("{harm}: {how_many} ({per_hundred}). {counted}").format(
            harm=harm.name,
            how_many=how_many,
            per_hundred=wording.per_100_equivalent(count),
            counted=counted,
        )
    return gettext("{harm}: {how_many}. {counted}").format(
        harm=harm.name, how_many=how_many, counted=counted
    )


def harm_headline(harm: SideEffect | SeriousRisk) -> str:
    """The harm with its caveats, or with the reason it has no number.

    "No number" must never read as "no risk", so the reason (which says
    whether it happens) is always beside it.
    """
    return _joined(harm_phrase(harm), *harm.caveats, harm.no_figure_because)


def harm_lead(harm: SideEffect | SeriousRisk) -> str:
    """The harm in short: its count and what it counts, or why there is none."""
    return _lead(harm_phrase(harm), harm.caveats, harm.no_figure_because)


def most_common_first(harms: Sequence[SideEffect | SeriousRisk]) -> list[int]:
    """The positions of ``harms``, those counted most often first (by the high
    end of each count; a tie keeps the data file's order), then those with no
    number, in the data file's order. One rule for every option, so no option's
    short answer picks its harms by hand."""

    def rank(place: int) -> tuple[bool, int, int]:
        count = harms[place].count
        return (count is None, -(count.high if count else 0), place)

    return sorted(range(len(harms)), key=rank)


def _about(name: str, words: Sequence[str]) -> bool:
    name = name.casefold()
    return not words or any(word.casefold() in name for word in words)


# How each kind of field is worded. A field's ``lines`` gives one line per
# fact; ``harms_about`` keeps only the harms whose name mentions one of its
# words (a "What matters" priority about the face, say), all when empty.
Lines = Callable[[Option, Sequence[str]], list[FactLine]]


def _text(name: str) -> Lines:
    """A plain answer: its text is the whole of it."""

    def lines(option: Option, harms_about: Sequence[str]) -> list[FactLine]:
        value = getattr(option, name)
        lead = first_sentence(value.text)
        return [FactLine(value.text, "", tuple(value.sources), "" if lead == value.text else lead)]

    return lines


def _short_answer(name: str, short: Callable[[Any], str], detail: str) -> Lines:
    """A short answer made from the value (``"Level 1 of 4: ..."``), its ``detail``
    attribute (a note, or the text) beneath it."""

    def lines(option: Option, harms_about: Sequence[str]) -> list[FactLine]:
        value = getattr(option, name)
        return [FactLine(short(value), getattr(value, detail), tuple(value.sources))]

    return lines


def _stay(stay: HospitalStay) -> str:
    return wording.nights_phrase(stay.nights, longer_in_some=stay.longer_in_some)


def _helped_means(benefit: Benefit) -> str:
    return gettext("Helped means: {means}").format(means=benefit.means)


def _benefits(option: Option, harms_about: Sequence[str]) -> list[FactLine]:
    """One line per time the help was measured."""
    return [
        FactLine(
            benefit_headline(benefit),
            _joined(_helped_means(benefit), benefit.note),
            tuple(benefit.sources),
            benefit_lead(benefit),
        )
        for benefit in option.helps
    ]


def _harms(name: str) -> Lines:
    def lines(option: Option, harms_about: Sequence[str]) -> list[FactLine]:
        harms: Sequence[SideEffect | SeriousRisk] = getattr(option, name)
        return [
            FactLine(harm_headline(harm), harm.note or "", tuple(harm.sources), harm_lead(harm))
            for harm in harms
            if _about(harm.name, harms_about)
        ]

    return lines


def _benefits_in_short(option: Option) -> list[FactLine]:
    # "Helped means" stays: the studies measured different things, and a bare
    # number would compare unlike with like.
    return [
        FactLine(_joined(benefit_headline(b), _helped_means(b)), "", tuple(b.sources))
        for b in option.helps
    ]


@dataclass(frozen=True)
class Field:
    """One question every option answers, as people see it on every page and paper.

    ``short`` is the label where room is tight (a slide); ``unit`` is the
    denominator its counts use, said once here so every view says it alike.
    ``lines`` words an option's answer, one line per fact; ``in_short``, where
    given, words it for a slide or paper instead of the lines' headlines.

    The record holds the English words, as messages (``label_en``,
    ``short_en``, ``unit_en``); :attr:`label`, :attr:`short`, :attr:`unit`
    and :attr:`heading` say them in the run's language.
    """

    label_en: str
    short_en: str
    lines: Lines
    unit_en: str = ""
    in_short: Callable[[Option], list[FactLine]] | None = None

    @property
    def label(self) -> str:
        return gettext(self.label_en)

    @property
    def short(self) -> str:
        return gettext(self.short_en)

    @property
    def unit(self) -> str:
        return gettext(self.unit_en) if self.unit_en else ""

    @property
    def heading(self) -> str:
        """``"Serious risks (out of 1,000 people)"``: the label with its unit."""
        if not self.unit_en:
            return self.label
        return gettext("{label} ({unit})").format(label=self.label, unit=self.unit)

    @property
    def heading_en(self) -> str:
        """The heading in English, whatever the run's language: a key, never shown."""
        return f"{self.label_en} ({self.unit_en})" if self.unit_en else self.label_en


_PER_100, _PER_1000 = N_("out of 100 people"), N_("out of 1,000 people")
# The one table of an option's fields, in the data file's order. The table,
# the cards, the slides, the printouts and the reading grade all loop over it.
FIELDS: dict[str, Field] = {
    "what_it_is": Field(N_("What it is"), N_("What it is"), _text("what_it_is")),
    "how_it_is_done": Field(N_("How it is done"), N_("How"), _text("how_it_is_done")),
    "invasiveness": Field(
        N_("How invasive"),
        N_("How invasive"),
        _short_answer("invasiveness", lambda v: wording.invasiveness_phrase(v.level), "note"),
    ),
    "anaesthesia": Field(
        N_("Asleep or awake"),
        N_("Asleep or awake"),
        _short_answer("anaesthesia", lambda v: wording.anaesthesia_phrase(v.kind), "note"),
    ),
    "hospital_stay": Field(
        N_("Hospital stay"), N_("Hospital stay"), _short_answer("hospital_stay", _stay, "note")
    ),
    "repeat": Field(
        N_("How often it is repeated"),
        N_("How often"),
        _short_answer("repeat", lambda v: wording.capitalised(v.every), "note"),
    ),
    "onset": Field(N_("How soon it works"), N_("How soon"), _text("onset")),
    "duration": Field(N_("How long it lasts"), N_("How long"), _text("duration")),
    "helps": Field(N_("How many it helps"), N_("Helps"), _benefits, _PER_100, _benefits_in_short),
    "side_effects": Field(
        N_("Common side effects"), N_("Side effects"), _harms("side_effects"), _PER_100
    ),
    "serious_risks": Field(
        N_("Serious risks"), N_("Serious risks"), _harms("serious_risks"), _PER_1000
    ),
    "recovery": Field(N_("Recovery"), N_("Recovery"), _text("recovery")),
    "feels_like": Field(N_("What it feels like"), N_("Feels like"), _text("feels_like")),
    "work_and_driving": Field(
        N_("Work and driving"), N_("Work and driving"), _text("work_and_driving")
    ),
    "usually_for": Field(N_("Who it is usually for"), N_("Usually for"), _text("usually_for")),
    "evidence": Field(
        N_("How strong the proof is"),
        N_("Proof"),
        _short_answer("evidence", lambda v: wording.evidence_phrase(v.strength), "text"),
    ),
}
ANSWER_FIELDS = tuple(FIELDS)
assert get_args(AnswerField) == ANSWER_FIELDS
# The schema and this table name the same questions in the same order.
assert (
    tuple(
        name
        for name in Option.model_fields
        if name not in ("id", "name", "short_name", "kind", "kind_was", "kind_name", "address_name")
    )
    == ANSWER_FIELDS
)


def fact_lines(option: Option, field: str, *, harms_about: Sequence[str] = ()) -> list[FactLine]:
    """What ``option`` says about ``field``, one line per fact (see :class:`Field`)."""
    return FIELDS[field].lines(option, harms_about)


def short_answers(option: Option, field: str) -> list[FactLine]:
    """The short form used on slides and printouts: the headline and its sources."""
    spec = FIELDS[field]
    if spec.in_short is not None:
        return spec.in_short(option)
    return [FactLine(line.headline, "", line.sources) for line in spec.lines(option, ())]
