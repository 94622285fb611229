"""The check of what a person understood: its choices in words, whether an
answer is right, the fact each answer rests on, and a room's tally.

A person may take the check alone (Questions for my visit), and a presenter
may put a question to a room, whose phones answer it. Either way an answer is
one of a question's choice keys: an option's id, or "yes" or "no". A room
keeps only how many chose each key (:mod:`treatments.presenting.rooms`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from treatments.facts import FIELDS, FactLine, short_answers
from treatments.facts import fact_lines as all_fact_lines
from treatments.i18n import N_, gettext, ngettext
from treatments.schema import HARM_FIELDS, Catalogue, CheckQuestion, Option

YES, NO = "yes", "no"
_YES_NO_WORDS = {YES: N_("Yes"), NO: N_("No")}


@dataclass(frozen=True)
class Choice:
    """One answer a person can pick: the key it is kept by, and its words (in
    the run's language)."""

    key: str
    words: str


def choices(question: CheckQuestion, catalogue: Catalogue) -> list[Choice]:
    """The question's choices, each option named by its short name as on every page."""
    if not question.choices:
        return [Choice(key, gettext(words)) for key, words in _YES_NO_WORDS.items()]
    names = {o.id: o.short_name for o in catalogue.options}
    return [Choice(key, names.get(key, key)) for key in question.choices]


def right_key(question: CheckQuestion) -> str:
    """The key of the right choice."""
    if isinstance(question.answer, bool):
        return YES if question.answer else NO
    return question.answer


def is_right(question: CheckQuestion, key: str | None) -> bool:
    return key is not None and key == right_key(question)


def right_words(question: CheckQuestion, catalogue: Catalogue) -> str:
    right = right_key(question)
    return next(c.words for c in choices(question, catalogue) if c.key == right)


def fact_option(question: CheckQuestion, catalogue: Catalogue) -> Option:
    """The option whose fact answers the question (the loader checks it exists)."""
    return next(o for o in catalogue.options if o.id == question.fact.option)


def fact_label(question: CheckQuestion, catalogue: Catalogue) -> str:
    """``"Injections: How often it is repeated"``: whose fact it is, and which."""
    option = fact_option(question, catalogue)
    return gettext("{option}: {question}").format(
        option=option.short_name, question=FIELDS[question.fact.field].label
    )


def fact_lines(question: CheckQuestion, catalogue: Catalogue) -> list[FactLine]:
    """The fact the answer rests on, in short, with its sources, as the slides
    say it: of a list of harms, those its pointer is ``about``."""
    option, pointer = fact_option(question, catalogue), question.fact
    if pointer.field in HARM_FIELDS:
        return [
            FactLine(line.headline, "", line.sources)
            for line in all_fact_lines(option, pointer.field, harms_about=pointer.about)
        ]
    return short_answers(option, pointer.field)


def questions_in(catalogue: Catalogue, ids: Sequence[str]) -> list[CheckQuestion]:
    """The check questions named in ``ids``, in the data file's order."""
    if catalogue.check is None:
        return []
    return [q for q in catalogue.check.questions if q.id in ids]


@dataclass(frozen=True)
class TallyRow:
    """How many people in a room picked one choice."""

    choice: Choice
    people: int
    right: bool


def tally_rows(
    question: CheckQuestion, catalogue: Catalogue, counts: Mapping[str, int]
) -> list[TallyRow]:
    """Every choice with how many picked it: the right answer first, then the
    others in the question's order (a key that is not a choice is not counted)."""
    right = right_key(question)
    rows = [
        TallyRow(choice, max(0, int(counts.get(choice.key, 0))), choice.key == right)
        for choice in choices(question, catalogue)
    ]
    return sorted(rows, key=lambda row: not row.right)


def answered(rows: Sequence[TallyRow]) -> int:
    return sum(row.people for row in rows)


def people(count: int) -> str:
    """``"1 person"``, ``"12 people"``."""
    return ngettext("{count} person", "{count} people", count).format(count=count)


def _tally_line(row: TallyRow) -> str:
    if row.right:
        template = ngettext(
            "{choice}, the right answer: {count} person.",
            "{choice}, the right answer: {count} people.",
            row.people,
        )
    else:
        template = ngettext("{choice}: {count} person.", "{choice}: {count} people.", row.people)
    return template.format(choice=row.choice.words, count=row.people)


def tally_words(rows: Sequence[TallyRow]) -> list[str]:
    """The tally in sentences, one per choice: the legend and the text version."""
    return [_tally_line(row) for row in rows]


def tally_summary(rows: Sequence[TallyRow]) -> str:
    """The whole tally as one text, for a screen reader."""
    total = answered(rows)
    if total == 0:
        return gettext("No one in the room has answered yet.")
    said = ngettext(
        "{count} person in the room answered.", "{count} people in the room answered.", total
    ).format(count=total)
    return " ".join([said, *tally_words(rows)])
