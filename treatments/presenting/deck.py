"""The slides an educator presents: title, one per option, issue cards, questions, sharing.

An issue card asks one question of every option at once, like the Mayo
Clinic's choice cards: "How often must it be repeated?" with each option's
answer side by side. Every word of the deck lives in the data file
(``deck:``); this module only puts the slides in order. The Present page
draws them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Literal

from treatments.charts import icon_array_groups, picture_title, pictured
from treatments.check import fact_lines as check_fact_lines
from treatments.check import questions_in, right_words
from treatments.facts import FIELDS, FactLine, short_answers
from treatments.i18n import N_, gettext
from treatments.presenting.script import IssueCard
from treatments.schema import Catalogue, CheckQuestion, Option

SlideKind = Literal[
    "title", "option", "harms", "issue", "check", "answer", "choose", "questions", "share"
]
# What an option's slides say about it, on screen and in the PowerPoint file
# alike: what it involves and what it helps on one slide, then its harms, both
# kinds (common side effects and serious risks), on a slide of their own, so
# benefits and harms each get a whole slide.
OPTION_SLIDE_ABOUT = ("invasiveness", "repeat")
OPTION_SLIDE_HARMS = ("side_effects", "serious_risks")
OPTION_SLIDE_FIELDS = (*OPTION_SLIDE_ABOUT, "helps", *OPTION_SLIDE_HARMS)
# A harms slide's title, as a message (said with ``gettext``): both kinds of harm.
HARMS_TITLE = N_("Common side effects and serious risks")


def numbered_title(title: str, page: int, pages: int) -> str:
    """A split slide's title with its place: ``"Injections: Serious risks (1 of 2)"``."""
    return gettext("{title} ({page} of {pages})").format(title=title, page=page, pages=pages)


def option_title(option: Option, what: str) -> str:
    """``"Injections: Serious risks"``: a slide about one option's answer."""
    return gettext("{option}: {what}").format(option=option.short_name, what=what)


@dataclass(frozen=True)
class Slide:
    """One slide: what the room sees, and a note only the presenter sees.

    A harms slide shows the harm ``fields`` it names: both kinds, or, where
    they would not fit one slide, one kind a slide. An issue card too full for
    one slide is split between options: ``rows`` are the positions, among the
    deck's options, of those this page answers for. Where one kind of harm, or
    one option's answer to a card, is too long for a slide even so, it is
    split between its lines, each whole: ``lines`` are the positions of those
    this page shows. ``page_of`` is a split slide's place, (1, 2).
    """

    kind: SlideKind
    title: str
    speaker_note: str
    option: Option | None = None
    card: IssueCard | None = None
    fields: tuple[str, ...] = ()
    rows: tuple[int, ...] | None = None
    lines: tuple[int, ...] | None = None
    page_of: tuple[int, int] | None = None
    # A question put to the room: its slide asks it ("check"), the next shows
    # the room's answers, the right one, and the fact it rests on ("answer").
    question: CheckQuestion | None = None
    facts: tuple[FactLine, ...] = ()


def card_answers(card: IssueCard, options: Sequence[Option]) -> list[tuple[Option, list[FactLine]]]:
    """Each option's answer to one issue card, in option order."""
    return [(option, short_answers(option, card.field)) for option in options]


def _some(lines: Sequence[FactLine], slide: Slide) -> list[FactLine]:
    return list(lines) if slide.lines is None else [lines[i] for i in slide.lines]


def page_answers(slide: Slide, options: Sequence[Option]) -> list[tuple[Option, list[FactLine]]]:
    """What an issue card's page shows: each of its options' answers, or the
    lines of one option's answer it has room for."""
    assert slide.card is not None
    return [
        (o, _some(facts, slide))
        for o, facts in card_answers(slide.card, slide_options(slide, options))
    ]


def harm_lines(slide: Slide, field: str) -> list[FactLine]:
    """What a harms slide shows of one kind of harm: all of it, or its ``lines``."""
    assert slide.option is not None
    lines = short_answers(slide.option, field)
    return _some(lines, slide) if len(slide.fields) == 1 else lines


def slide_options(slide: Slide, options: Sequence[Option]) -> list[Option]:
    """The options an issue card's page answers for: all, or its ``rows``."""
    return list(options) if slide.rows is None else [options[i] for i in slide.rows]


def chosen_cards(catalogue: Catalogue, card_ids: Sequence[str]) -> list[IssueCard]:
    """The issue cards named, in the order given; unknown ids are skipped."""
    return [card for card_id in card_ids if (card := catalogue.deck.card(card_id)) is not None]


def default_items(catalogue: Catalogue) -> list[str]:
    """A new deck's issue cards and questions for the room, by id."""
    asked = catalogue.check.in_deck if catalogue.check is not None else []
    return [*catalogue.deck.default_cards, *asked]


def build_deck(
    catalogue: Catalogue, options: Sequence[Option], card_ids: Sequence[str]
) -> list[Slide]:
    """The slides in order. ``card_ids`` names the issue cards and the
    questions put to the room; unknown ids are skipped.

    After the facts come the questions for the room, each on two slides (the
    question, then its answer), then how people choose, the questions to ask,
    and sharing the view last.
    """
    deck = catalogue.deck
    slides = [Slide("title", catalogue.meta.title, deck.title_slide.speaker_note)]
    for option in options:
        note = deck.option_speaker_note(option.short_name)
        slides.append(Slide("option", option.name, note, option=option))
        harms_note = deck.option_speaker_note(option.short_name, harms=True)
        groups = harm_groups(option)
        for k, (fields, lines) in enumerate(groups, start=1):
            what = gettext(HARMS_TITLE) if len(fields) > 1 else FIELDS[fields[0]].label
            place = (k, len(groups)) if len(groups) > 1 else None
            title = option_title(option, what)
            if place:
                title = numbered_title(title, *place)
            slides.append(
                Slide(
                    "harms",
                    title,
                    harms_note,
                    option=option,
                    fields=fields,
                    lines=lines,
                    page_of=place,
                )
            )
    for card in chosen_cards(catalogue, card_ids):
        runs = card_pages(card, options)
        if len(runs) == 1:
            slides.append(Slide("issue", card.question, card.speaker_note, card=card))
            continue
        for k, (run, lines) in enumerate(runs, start=1):
            title = numbered_title(card.question, k, len(runs))
            slides.append(
                Slide(
                    "issue",
                    title,
                    card.speaker_note,
                    card=card,
                    rows=run,
                    lines=lines,
                    page_of=(k, len(runs)),
                )
            )
    for question in questions_in(catalogue, card_ids):
        slides.append(Slide("check", question.question, deck.check_note, question=question))
        answer = gettext("The answer: {answer}").format(answer=right_words(question, catalogue))
        facts = tuple(check_fact_lines(question, catalogue))
        slides.append(Slide("answer", answer, deck.answer_note, question=question, facts=facts))
    choose, questions, share = deck.choose_slide, deck.questions_slide, deck.share_slide
    slides.append(Slide("choose", choose.title, choose.speaker_note))
    slides.append(Slide("questions", questions.title, questions.speaker_note))
    slides.append(Slide("share", share.title, share.speaker_note))
    return slides


# The projector view's type steps (``--fit`` in components/presenting/windows.py). A
# slide takes the largest step at which its text, by the estimate below, fits the
# screen; a slide that would not fit the last is split. The last keeps body type
# at 24 px or more on a 1280 x 720 projector (2.2 units of 12.8 px, times 0.86),
# as a room's back row needs; it grows with a larger screen.
FIT_STEPS = (1.0, 0.95, 0.9, 0.86)

# The projector view's geometry, in its unit: a hundredth of the width of a
# 16:9 picture filling the window (12.8 px at 1280 x 720). An estimate, not a
# layout: the figures were fitted to what Chromium drew at 1280 x 720 with
# every card in the deck, so that no slide is ever given type too large to
# fit (tests/browser/test_presenting.py measures it at 1280 x 720 and 1920 x 1080).
# Below the title, above the footer: room for a footer row as tall as the
# room's join code beside it (components/presenting/room.py), 2 units more
# than the footer's two lines, so a slide fits with or without a room open.
_BODY_HEIGHT = 42.0
_HALF_WIDTH = 44.0  # one of an option slide's two columns
_FULL_WIDTH = 90.0  # a harms slide of one kind
_ANSWER_WIDTH = 88.0  # an issue card's answer column
_TEXT_SIZE = 2.2  # body type at full size
_LETTER = 0.42  # an average letter's width, in type sizes
_LINE = 1.3  # a line's height, in type sizes
_INDENT = 3.0  # a bullet's indent
_PARAGRAPH = 0.6  # the space after a paragraph or list item, in lines
_CELL_LINE = 0.2  # the space after a line in a table cell, in lines
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


def _height(
    texts: Sequence[str], width: float, fit: float, extra: float = 0.0, spacing: float = _PARAGRAPH
) -> float:
    return _rows(texts, width, fit, spacing=spacing) * _TEXT_SIZE * fit * _LINE + extra


def _needed(slide: Slide, options: Sequence[Option], fit: float) -> float:
    """The height a slide's words and pictures take at type step ``fit``, in the view's unit.

    An option's first slide is as tall as its fuller half (what it is and
    helps; or its pictures); its harms slide as its longer column (common
    side effects; or serious risks); an issue card by its options' answers.
    """
    option = slide.option
    if option is not None and slide.kind == "harms":
        width = _FULL_WIDTH if len(slide.fields) == 1 else _HALF_WIDTH
        return max(
            _height([f.headline for f in harm_lines(slide, field)], width, fit)
            for field in slide.fields
        )
    if option is not None:
        left = (option.what_it_is.text, *_headlines(option, (*OPTION_SLIDE_ABOUT, "helps")))
        return max(_height(left, _HALF_WIDTH, fit), _pictures_height(option, fit))
    if slide.question is not None and slide.kind == "answer":
        # The why and the fact on the left, the room's answers on the right.
        return _height([slide.question.why, *(f.headline for f in slide.facts)], _HALF_WIDTH, fit)
    if slide.card is not None:
        shown = page_answers(slide, options)
        answers = [line.headline for _, facts in shown for line in facts]
        # Each row's cell padding and border take about a line.
        cells = len(shown) * _TEXT_SIZE * _LINE
        # A cell's lines follow each other with no space between (a line break).
        return _height(answers, _ANSWER_WIDTH, fit, cells * fit, spacing=_CELL_LINE)
    return 0.0


def slide_density(slide: Slide, options: Sequence[Option]) -> int:
    """The type step a slide needs in the projector view: 0 for full size, up to 4.

    A slide too full for the last step gets the last step; the deck splits an
    issue card before that happens (``card_pages``).
    """
    for step, fit in enumerate(FIT_STEPS):
        if _needed(slide, options, fit) <= _BODY_HEIGHT:
            return step
    return len(FIT_STEPS) - 1


HarmGroup = tuple[tuple[str, ...], tuple[int, ...] | None]


def harm_groups(option: Option) -> list[HarmGroup]:
    """An option's harms as its harms slides show them, each as (fields, lines):
    both kinds side by side; or, where they would not fit even at the last
    type step, common side effects on one slide and serious risks on the
    next, each the full width; and a kind still too long for a slide over as
    many slides as it needs (``lines``, as in :class:`Slide`)."""
    both = Slide("harms", "", "", option=option, fields=OPTION_SLIDE_HARMS)
    if _needed(both, [option], FIT_STEPS[-1]) <= _BODY_HEIGHT:
        return [(OPTION_SLIDE_HARMS, None)]
    groups: list[HarmGroup] = []
    for field in OPTION_SLIDE_HARMS:
        # A run of one kind of harm is as tall as its lines, full width, as
        # _needed measures such a slide; the lines are worded once here, not
        # again for every longer run tried.
        headlines = [line.headline for line in short_answers(option, field)]
        runs = _runs(len(headlines), partial(_run_height, headlines))
        groups += [((field,), None if len(runs) == 1 else run) for run in runs]
    return groups


def _run_height(headlines: Sequence[str], lines: tuple[int, ...]) -> float:
    return _height([headlines[i] for i in lines], _FULL_WIDTH, FIT_STEPS[-1])


def _needed_lines(slide: Slide, options: Sequence[Option], lines: tuple[int, ...]) -> float:
    return _needed(replace(slide, lines=lines), options, FIT_STEPS[-1])


def _runs(count: int, needed: Callable[[tuple[int, ...]], float]) -> list[tuple[int, ...]]:
    """Positions 0 to ``count``, in runs that each fit a slide at the last type
    step by ``needed``; one run when all fit, and never an empty one."""
    runs: list[tuple[int, ...]] = []
    run: tuple[int, ...] = ()
    for index in range(count):
        longer = (*run, index)
        if run and needed(longer) > _BODY_HEIGHT:
            runs.append(run)
            longer = (index,)
        run = longer
    return [*runs, run] if run else [()]


CardPage = tuple[tuple[int, ...], tuple[int, ...] | None]


def card_pages(card: IssueCard, options: Sequence[Option]) -> list[CardPage]:
    """An issue card's pages, each as (rows, lines): its options, by position, in
    runs that each fit a slide at the last type step, each option's answer
    whole; an answer too long for a slide alone, over as many as it needs."""
    page = Slide("issue", card.question, "", card=card)

    def needed(rows: tuple[int, ...], lines: tuple[int, ...] | None = None) -> float:
        return _needed(replace(page, rows=rows, lines=lines), options, FIT_STEPS[-1])

    pages: list[CardPage] = []
    for run in _runs(len(options), needed):
        if len(run) == 1 and needed(run) > _BODY_HEIGHT:
            count = len(short_answers(options[run[0]], card.field))
            parts = _runs(count, partial(_needed_lines, replace(page, rows=run), options))
            pages += [(run, part) for part in parts]
        else:
            pages.append((run, None))
    return pages


def _pictures_height(option: Option, fit: float) -> float:
    """The row of an option's pictures of 100 beside its text: the tallest one,
    its title and legend in the slide's type (components.picture).

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
    return lines * _TEXT_SIZE * fit * _PICTURE_LINE + _GAP + _GRID_SIDE + _GAP


def _headlines(option: Option, fields: Sequence[str]) -> tuple[str, ...]:
    return tuple(line.headline for field in fields for line in short_answers(option, field))
