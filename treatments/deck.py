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

from treatments.charts import icon_array_groups, picture_title, pictured
from treatments.facts import FactLine, short_answers
from treatments.schema import Catalogue, IssueCard, Option

SlideKind = Literal["title", "option", "issue", "choose", "questions", "share"]
# What an option's slide says about it, on screen and in the PowerPoint file
# alike: what it involves and what it helps, then its harms with equal room
# (both kinds: common side effects and serious risks).
OPTION_SLIDE_ABOUT = ("invasiveness", "repeat")
OPTION_SLIDE_HARMS = ("side_effects", "serious_risks")
OPTION_SLIDE_FIELDS = (*OPTION_SLIDE_ABOUT, "helps", *OPTION_SLIDE_HARMS)


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


# The projector view's type steps: each a tenth smaller (``--fit`` in
# components/present.py). A slide takes the largest step at which its text, by
# the estimate below, fits the screen.
FIT_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6)

# The projector view's geometry, in its unit: a hundredth of the width of a
# 16:9 picture filling the window (12.8 px at 1280 x 720). An estimate, not a
# layout: the figures were fitted to what Chromium drew at 1280 x 720 with
# every card in the deck, so that no slide is ever given type too large to
# fit (tests/browser/test_presenting.py measures it at 1280 x 720 and 1920 x 1080).
_BODY_HEIGHT = 44.0  # below the title, above the footer
_HALF_WIDTH = 44.0  # one of an option slide's two columns
_ANSWER_WIDTH = 88.0  # an issue card's answer column
_TEXT_SIZE = 2.2  # body type at full size
_LETTER = 0.42  # an average letter's width, in type sizes
_LINE = 1.3  # a line's height, in type sizes
_INDENT = 3.0  # a bullet's indent
_PARAGRAPH = 0.6  # the space after a paragraph or list item, in lines
_GRID_SIDE = 13.0  # a picture of 100's grid of people, square
_GAP = 0.6  # between a picture's title, grid and legend
_PICTURE_LINE = 1.2  # a title or legend line's height, in type sizes (the slide's line-height)


def _rows(
    texts: Sequence[str],
    width: float,
    fit: float,
    indent: float = _INDENT,
    spacing: float = _PARAGRAPH,
) -> float:
    """Lines of text ``texts`` take in a column ``width`` wide, each with its spacing."""
    letters = max(8, int((width - indent) / (_TEXT_SIZE * fit * _LETTER)))
    return sum(-(-len(text) // letters) + spacing for text in texts)


def _height(texts: Sequence[str], width: float, fit: float, extra: float = 0.0) -> float:
    return _rows(texts, width, fit) * _TEXT_SIZE * fit * _LINE + extra


def slide_density(slide: Slide, options: Sequence[Option]) -> int:
    """The type step a slide needs in the projector view: 0 for full size, up to 4.

    An option slide is as full as its fuller half (what it is and helps, with
    its pictures; or its harms); an issue card by the answers of the deck's
    ``options``. A slide too full for the last step gets the last step.
    """
    if slide.option is not None:
        option = slide.option
        left = (option.what_it_is.text, *_headlines(option, (*OPTION_SLIDE_ABOUT, "helps")))
        right = _headlines(option, OPTION_SLIDE_HARMS)

        def needed(fit: float) -> float:
            return max(
                _height(left, _HALF_WIDTH, fit, _pictures_height(option, fit)),
                _height(right, _HALF_WIDTH, fit),
            )
    elif slide.card is not None:
        card = slide.card
        answers = [line.headline for o in options for line in short_answers(o, card.field)]
        # Each row's cell padding and border take about a line.
        cells = len(options) * _TEXT_SIZE * _LINE

        def needed(fit: float) -> float:
            return _height(answers, _ANSWER_WIDTH, fit, cells * fit)
    else:
        return 0
    for step, fit in enumerate(FIT_STEPS):
        if needed(fit) <= _BODY_HEIGHT:
            return step
    return len(FIT_STEPS) - 1


def _pictures_height(option: Option, fit: float) -> float:
    """The row of an option's pictures of 100 under its text: the tallest one,
    its title and legend in the slide's type (components.charts.slide_picture).

    Title and legend lines are plain paragraphs, with no bullet and no space
    between them, so they are counted as they are drawn.
    """
    counted = pictured(option)
    if not counted:
        return 0.0
    width = (_HALF_WIDTH - _GAP * 2 * (len(counted) - 1)) / len(counted)
    lines = max(
        _rows([*picture_title(b), *icon_array_groups(b)], width, fit, indent=0, spacing=0)
        for b in counted
    )
    return _GAP + lines * _TEXT_SIZE * fit * _PICTURE_LINE + _GAP + _GRID_SIDE + _GAP


def _headlines(option: Option, fields: Sequence[str]) -> tuple[str, ...]:
    return tuple(line.headline for field in fields for line in short_answers(option, field))
