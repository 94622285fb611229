"""The slides an educator presents: title, one per option, issue cards, questions.

An issue card asks one question of every option at once, like the Mayo
Clinic's choice cards: "How often must it be repeated?" with each option's
answer side by side. The deck is plain data; the Present page draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from treatments.facts import FactLine, short_answers
from treatments.schema import Catalogue, Option

SlideKind = Literal["title", "option", "issue", "questions"]


@dataclass(frozen=True)
class IssueCard:
    """One question asked of every option, answered from one option field."""

    id: str
    question: str
    field: str
    speaker_note: str


ISSUE_CARDS: tuple[IssueCard, ...] = (
    IssueCard(
        "invasive",
        "How invasive is it?",
        "invasiveness",
        "Level 0 means nothing is done to the body. Level 4 is brain surgery.",
    ),
    IssueCard(
        "repeat",
        "How often must it be done?",
        "repeat",
        "Some options are done once. Others are done again when they wear off.",
    ),
    IssueCard(
        "helps",
        "How many people does it help?",
        "helps",
        "Say what “helped” means for each one. The studies measured different things.",
    ),
    IssueCard(
        "asleep",
        "Am I awake or asleep?",
        "anaesthesia",
        "Only brain surgery needs you to be fully asleep.",
    ),
    IssueCard(
        "stay",
        "Do I stay in hospital?",
        "hospital_stay",
        "Ask the room who would find a hospital stay hard, and why.",
    ),
    IssueCard(
        "side-effects",
        "What side effects are common?",
        "side_effects",
        "These counts are out of 100 people. Most go away with time.",
    ),
    IssueCard(
        "serious-risks",
        "What serious risks are there?",
        "serious_risks",
        "These counts are out of 1,000 people, so small numbers can be seen.",
    ),
)
DEFAULT_CARDS = ("invasive", "repeat", "helps")
CARDS_BY_ID = {card.id: card for card in ISSUE_CARDS}


@dataclass(frozen=True)
class Slide:
    """One slide: what the room sees, and a note only the presenter sees."""

    kind: SlideKind
    title: str
    speaker_note: str
    option: Option | None = None
    card: IssueCard | None = None


def card_answers(card: IssueCard, options: Sequence[Option]) -> list[tuple[Option, list[FactLine]]]:
    """Each option's answer to one issue card, in option order."""
    return [(option, short_answers(option, card.field)) for option in options]


def build_deck(
    catalogue: Catalogue, options: Sequence[Option], card_ids: Sequence[str]
) -> list[Slide]:
    """The slides in order. Unknown card ids are skipped."""
    slides = [
        Slide(
            "title",
            catalogue.meta.title,
            "Say that this tool gives facts, not advice. Each person's doctor helps them choose.",
        )
    ]
    for option in options:
        slides.append(
            Slide(
                "option",
                option.name,
                f"Read out what it is. Then go through the numbers for {option.short_name}.",
                option=option,
            )
        )
    for card_id in card_ids:
        card = CARDS_BY_ID.get(card_id)
        if card is not None:
            slides.append(Slide("issue", card.question, card.speaker_note, card=card))
    slides.append(
        Slide(
            "questions",
            "Questions to ask your doctor",
            "Give people time to write down their own questions. Share the link or the handout.",
        )
    )
    return slides
