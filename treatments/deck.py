"""The slides an educator presents: title, one per option, issue cards, questions, sharing.

An issue card asks one question of every option at once, like the Mayo
Clinic's choice cards: "How often must it be repeated?" with each option's
answer side by side. Every word of the deck lives in the data file
(``deck:``); this module only puts the slides in order. The Present page
draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from treatments.facts import FactLine, short_answers
from treatments.schema import Catalogue, IssueCard, Option

SlideKind = Literal["title", "option", "issue", "choose", "questions", "share"]
# What an option's slide says about it, in this order, on screen and in the
# PowerPoint file alike.
OPTION_SLIDE_FIELDS = ("invasiveness", "repeat", "helps", "serious_risks")


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


def chosen_cards(catalogue: Catalogue, card_ids: Sequence[str]) -> list[IssueCard]:
    """The issue cards named, in the order given; unknown ids are skipped."""
    return [card for card_id in card_ids if (card := catalogue.deck.card(card_id)) is not None]


def build_deck(
    catalogue: Catalogue, options: Sequence[Option], card_ids: Sequence[str]
) -> list[Slide]:
    """The slides in order. Unknown card ids are skipped.

    After the facts come how people choose, then the questions to ask, and
    sharing the view last.
    """
    deck = catalogue.deck
    slides = [Slide("title", catalogue.meta.title, deck.title_slide.speaker_note)]
    for option in options:
        note = deck.option_speaker_note(option.short_name)
        slides.append(Slide("option", option.name, note, option=option))
    for card in chosen_cards(catalogue, card_ids):
        slides.append(Slide("issue", card.question, card.speaker_note, card=card))
    choose, questions, share = deck.choose_slide, deck.questions_slide, deck.share_slide
    slides.append(Slide("choose", choose.title, choose.speaker_note))
    slides.append(Slide("questions", questions.title, questions.speaker_note))
    slides.append(Slide("share", share.title, share.speaker_note))
    return slides
