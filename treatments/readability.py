"""Reading grade of the patient-facing text, measured with textstat.

textstat 0.7.8 is pinned: later releases download a dictionary at run time
and fail offline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import textstat
from textstat.textstat import textstatistics

from treatments.facts import ANSWER_FIELDS, fact_lines, sentence
from treatments.schema import Catalogue, Option

WHOLE_LIMIT = 6.0
ANSWER_LIMIT = 8.0

textstat.set_lang("en_US")
# Spanish is measured on the INFLESZ scale (Barrio-Cantalejo 2008): the
# Szigriszt-Pazos formula, validated on texts written for patients. 65 or
# more is "bastante fácil" (fairly easy); 55 to 65 is "normal". An instance of
# its own: textstat's module-level language is one per process.
_SPANISH = textstatistics()
_SPANISH.set_lang("es")
INFLESZ_WHOLE_MIN = 65.0
INFLESZ_ANSWER_MIN = 55.0


@dataclass(frozen=True)
class Passage:
    """One answer a person reads, and where it lives."""

    where: str
    text: str


@dataclass(frozen=True)
class Grades:
    """Grades for a body of text: the whole, and its hardest answer."""

    flesch_kincaid: float
    smog: float
    words: int
    hardest: Passage | None
    hardest_grade: float


@dataclass(frozen=True)
class PageGrade:
    """One page's grades as measured by ``python -m tools.page_grades``."""

    page: str
    title: str
    flesch_kincaid: float
    smog: float
    words: int
    hardest: float
    # The same page in Spanish, on the INFLESZ scale (higher is easier): the
    # whole page, and its hardest part of 8 words or more.
    inflesz: float | None = None
    inflesz_hardest: float | None = None


def load_page_grades(path: Path) -> list[PageGrade]:
    """Read stored page grades; an absent or unreadable file gives none.

    The grades are shown, not relied on: a broken file hides the table rather
    than stopping the page.
    """
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        names = {f.name for f in fields(PageGrade)}
        return [PageGrade(**{k: v for k, v in row.items() if k in names}) for row in rows]
    except (OSError, ValueError, TypeError, AttributeError):
        return []


def grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text``."""
    return float(textstat.flesch_kincaid_grade(text))


def inflesz(text: str) -> float:
    """The INFLESZ (Szigriszt-Pazos) score of a Spanish ``text``: higher is easier."""
    return float(_SPANISH.szigriszt_pazos(text))


def option_passages(option: Option) -> Iterator[Passage]:
    """Each answer about ``option`` as a person reads it: the same lines every view shows."""
    # The option's name is a label (the Mayo Clinic page's term), not an
    # answer: its meaning is the "what it is" answer.
    for field in ANSWER_FIELDS:
        lines = fact_lines(option, field)
        for index, line in enumerate(lines):
            where = f"{option.short_name}: {field}" + (f"[{index}]" if len(lines) > 1 else "")
            yield Passage(where, " ".join(sentence(p) for p in (line.headline, line.note) if p))


def catalogue_passages(catalogue: Catalogue) -> Iterator[Passage]:
    """All patient-facing text in the data file, answer by answer."""
    meta = catalogue.meta
    for field in ("update_policy", "funding", "made_by", "disclaimer"):
        yield Passage(f"meta: {field}", getattr(meta, field))
    for section in catalogue.about:
        yield Passage(f"about: {section.heading}", section.text)
    for entry in catalogue.glossary:
        yield Passage(f"glossary: {entry.term}", entry.meaning)
    for option in catalogue.options:
        yield from option_passages(option)
    for priority in catalogue.priorities:
        yield Passage(f"priority: {priority.id}", sentence(priority.label))
        for fit, meaning in priority.meaning.items():
            yield Passage(f"priority: {priority.id}: {fit}", meaning)
    if catalogue.questions is not None:
        for index, question in enumerate(catalogue.questions.items):
            yield Passage(f"questions[{index}]", question)
    if catalogue.sure is not None:
        for item in catalogue.sure.items:
            yield Passage(f"sure: {item.letter}", item.question)
    if catalogue.check is not None:
        yield Passage("check: intro", catalogue.check.intro)
        for asked in catalogue.check.questions:
            yield Passage(f"check: {asked.id}", asked.question)
            yield Passage(f"check: {asked.id}: why", asked.why)
    yield from deck_passages(catalogue)


def deck_passages(catalogue: Catalogue) -> Iterator[Passage]:
    """Every word of the slide deck that is not a fact: the room's and the presenter's."""
    deck = catalogue.deck
    title = deck.title_slide
    yield Passage("deck: title slide", title.intro)
    for index, point in enumerate(title.points):
        yield Passage(f"deck: title slide: points[{index}]", sentence(point))
    yield Passage("deck: title slide: speaker note", title.speaker_note)
    yield Passage("deck: option note", deck.option_speaker_note("this option"))
    yield Passage("deck: check note", deck.check_note)
    yield Passage("deck: answer note", deck.answer_note)
    for card in deck.issue_cards:
        yield Passage(f"deck: card {card.id}", card.question)
        yield Passage(f"deck: card {card.id}: speaker note", card.speaker_note)
    for name in ("choose_slide", "questions_slide", "share_slide"):
        fixed = getattr(deck, name)
        yield Passage(f"deck: {name}", sentence(fixed.title))
        if fixed.text:
            yield Passage(f"deck: {name}: text", fixed.text)
        for index, point in enumerate(fixed.points):
            yield Passage(f"deck: {name}: points[{index}]", sentence(point))
        yield Passage(f"deck: {name}: speaker note", fixed.speaker_note)


def measure(passages: Iterable[Passage]) -> Grades:
    """Grade the passages together, and find the hardest one."""
    passages = [p for p in passages if p.text.strip()]
    whole = " ".join(sentence(p.text) for p in passages)
    hardest, hardest_grade = None, float("-inf")
    for passage in passages:
        value = grade(passage.text)
        if value > hardest_grade:
            hardest, hardest_grade = passage, value
    return Grades(
        flesch_kincaid=grade(whole) if whole else 0.0,
        smog=float(textstat.smog_index(whole)) if whole else 0.0,
        words=int(textstat.lexicon_count(whole)) if whole else 0,
        hardest=hardest,
        hardest_grade=hardest_grade if hardest else 0.0,
    )
