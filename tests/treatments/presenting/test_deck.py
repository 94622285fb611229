"""The slide deck: its order, its choices, and issue cards that answer for every option."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from treatments import check
from treatments.facts import FIELDS, short_answers
from treatments.loader import load_catalogue
from treatments.presenting.deck import (
    _BODY_HEIGHT,
    FIT_STEPS,
    OPTION_SLIDE_FIELDS,
    OPTION_SLIDE_HARMS,
    Slide,
    _needed,
    build_deck,
    card_answers,
    chosen_cards,
    harm_groups,
    harm_lines,
    page_answers,
    slide_density,
)
from treatments.presenting.script import Deck
from treatments.schema import Catalogue, Option
from treatments.wording import TIMEFRAME_WORDS, timeframe_phrase

_CATALOGUE = load_catalogue()
_DECK = _CATALOGUE.deck


def test_each_question_for_the_room_asks_then_answers_after_the_cards(
    catalogue: Catalogue,
) -> None:
    assert catalogue.check is not None
    asked = [q.id for q in reversed(catalogue.check.questions)]  # the data file's order wins
    slides = build_deck(catalogue, catalogue.options[:1], ["helps", *asked, "nonsense"])
    kinds = [s.kind for s in slides]
    first = kinds.index("check")
    assert kinds[first - 1] == "issue"
    assert kinds[first:] == [
        *(["check", "answer"] * len(asked)),
        "choose",
        "questions",
        "share",
    ]
    pairs = list(zip(slides[first::2], slides[first + 1 :: 2], strict=False))[: len(asked)]
    assert [ask.question.id for ask, _ in pairs] == [q.id for q in catalogue.check.questions]
    for ask, answer in pairs:
        assert ask.title == ask.question.question and answer.question == ask.question
        assert answer.title == f"The answer: {check.right_words(ask.question, catalogue)}"
        assert answer.facts == tuple(check.fact_lines(ask.question, catalogue))
        assert ask.speaker_note == catalogue.deck.check_note
        assert answer.speaker_note == catalogue.deck.answer_note


def test_the_default_deck_runs_title_options_cards_questions_share(catalogue: Catalogue) -> None:
    deck = catalogue.deck
    slides = build_deck(catalogue, catalogue.options, deck.default_cards)
    kinds = [s.kind for s in slides]
    assert kinds[0] == "title" and kinds[-3:] == ["choose", "questions", "share"]
    # Each option, then its harms on a slide (or two) of their own.
    assert [s.option.id for s in slides if s.kind == "option"] == [o.id for o in catalogue.options]
    for position, slide in enumerate(slides):
        if slide.kind == "option":
            harms = [
                s for s in slides[position + 1 :] if s.kind == "harms" and s.option == slide.option
            ]
            # Every harm once, in order, whole, however the slides split them.
            shown = [(f, line) for s in harms for f in s.fields for line in harm_lines(s, f)]
            option = slide.option
            assert shown == [
                (f, line) for f in OPTION_SLIDE_HARMS for line in short_answers(option, f)
            ]
            assert slides[position + 1] == harms[0]
    assert list(dict.fromkeys(s.card.id for s in slides if s.card)) == list(deck.default_cards)
    assert all(s.title and s.speaker_note for s in slides)
    # Every word comes from the data file.
    assert slides[0].speaker_note == deck.title_slide.speaker_note
    assert slides[1].speaker_note == deck.option_note.replace(
        "{option}", catalogue.options[0].short_name
    )
    assert slides[2].speaker_note == deck.option_harms_note.replace(
        "{option}", catalogue.options[0].short_name
    )
    assert "{" not in slides[1].speaker_note + slides[2].speaker_note
    assert slides[-1].title == deck.share_slide.title


@given(
    st.lists(st.sampled_from(range(5)), unique=True),
    st.lists(st.sampled_from([c.id for c in _DECK.issue_cards] + ["nonsense", ""]), unique=True),
)
def test_the_deck_has_what_was_chosen_and_nothing_else(picks: list[int], cards: list[str]) -> None:
    options = [_CATALOGUE.options[i] for i in picks]
    slides = build_deck(_CATALOGUE, options, cards)
    known = [c for c in cards if _DECK.card(c) is not None]
    assert slides[0].kind == "title"
    assert [s.kind for s in slides[-3:]] == ["choose", "questions", "share"]
    assert [s.option for s in slides if s.kind == "option"] == options
    assert list(dict.fromkeys(s.card.id for s in slides if s.card)) == known
    # An issue card split over pages gives every line of every option's
    # answer once, in order, each option under its name.
    for card in known:
        pages = [s for s in slides if s.card and s.card.id == card]
        shown = [
            (o.id, line) for s in pages for o, facts in page_answers(s, options) for line in facts
        ]
        assert shown == [
            (o.id, line) for o, facts in card_answers(pages[0].card, options) for line in facts
        ]
        assert len(pages) == 1 or [s.page_of for s in pages] == [
            (k, len(pages)) for k in range(1, len(pages) + 1)
        ]
    # No slide is too full for the last type step, where type stays large.
    for slide in slides:
        assert _needed(slide, options, FIT_STEPS[-1]) <= _BODY_HEIGHT, slide.title


def test_every_issue_card_answers_for_every_option(catalogue: Catalogue) -> None:
    for card in catalogue.deck.issue_cards:
        assert card.field in FIELDS
        answers = card_answers(card, catalogue.options)
        assert [o.id for o, _ in answers] == [o.id for o in catalogue.options]
        for _option, lines in answers:
            assert lines, f"{card.id} has an answer for every option"
            assert all(line.sources for line in lines), "every answer names its sources"


def test_the_helps_card_says_what_helped_means(catalogue: Catalogue) -> None:
    helps = chosen_cards(catalogue, ["helps"])
    answers = card_answers(helps[0], catalogue.options)
    first = answers[0][1][0].headline
    assert first == (
        "73 to 98 out of 100 people, after each round of shots. "
        "Helped means: The twitching got clearly better until the shots wore off."
    )


def _deck_data(**changes: object) -> dict[str, object]:
    data = _DECK.model_dump()
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"default_cards": ["invasive", "nonsense"]}, "unknown issue cards: nonsense"),
        ({"option_note": "Talk about {name}."}, "only {option} in braces"),
        (
            {
                "issue_cards": [
                    *_DECK.model_dump()["issue_cards"],
                    _DECK.model_dump()["issue_cards"][0],
                ]
            },
            "an id of its own",
        ),
        ({"title_slide": {"intro": "Hi.", "points": [], "speaker_note": "Hi."}}, "at least 1"),
    ],
)
def test_the_schema_refuses_a_deck_that_cannot_be_drawn(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        Deck.model_validate(_deck_data(**changes))


def test_the_data_file_deck_passes() -> None:
    assert Deck.model_validate(_deck_data()) == _DECK


def _with_harms_repeated(option: Option, times: int) -> Option:
    """The same option with its side effects listed ``times`` over: a fuller slide."""
    return option.model_copy(update={"side_effects": list(option.side_effects) * times})


def test_every_option_slide_has_what_it_helps_and_both_kinds_of_harm() -> None:
    assert "helps" in OPTION_SLIDE_FIELDS
    assert set(OPTION_SLIDE_HARMS) == {"side_effects", "serious_risks"}
    assert set(OPTION_SLIDE_HARMS) <= set(OPTION_SLIDE_FIELDS)


@given(st.integers(0, 4), st.integers(1, 4))
def test_a_fuller_slide_never_gets_larger_type(position: int, times: int) -> None:
    option = _CATALOGUE.options[position]
    fields = OPTION_SLIDE_HARMS
    slide = Slide("harms", option.name, "", option=option, fields=fields)
    fuller = Slide(
        "harms", option.name, "", option=_with_harms_repeated(option, times + 1), fields=fields
    )
    assert slide_density(fuller, _CATALOGUE.options) >= slide_density(slide, _CATALOGUE.options)
    assert 0 <= slide_density(fuller, _CATALOGUE.options) < len(FIT_STEPS)


@given(st.integers(0, 4), st.integers(1, 6))
def test_harms_too_many_for_one_slide_take_more(position: int, times: int) -> None:
    option = _with_harms_repeated(_CATALOGUE.options[position], times)
    groups = harm_groups(option)
    if len(groups) == 1:
        assert groups == [(OPTION_SLIDE_HARMS, None)]
        return
    # Split: both kinds would not fit; each kind its own slides, in order.
    both = Slide("harms", "", "", option=option, fields=OPTION_SLIDE_HARMS)
    assert _needed(both, [option], FIT_STEPS[-1]) > _BODY_HEIGHT
    assert [fields for fields, _ in groups] == sorted(
        (fields for fields, _ in groups), key=lambda f: OPTION_SLIDE_HARMS.index(f[0])
    )
    for fields, lines in groups:
        page = Slide("harms", "", "", option=option, fields=fields, lines=lines)
        assert _needed(page, [option], FIT_STEPS[-1]) <= _BODY_HEIGHT or (
            lines is not None and len(lines) == 1
        )


def test_the_last_type_step_keeps_body_type_large_enough_for_the_back_row() -> None:
    # Body type is 2.2 units of a 1280 x 720 screen's 12.8 px, times the step.
    assert 2.2 * 12.8 * FIT_STEPS[-1] >= 24
    assert list(FIT_STEPS) == sorted(FIT_STEPS, reverse=True) and FIT_STEPS[0] == 1.0


def test_slides_without_much_text_keep_full_size_type(catalogue: Catalogue) -> None:
    for slide in build_deck(catalogue, catalogue.options, []):
        if slide.kind in ("title", "choose", "questions", "share"):
            assert slide_density(slide, catalogue.options) == 0
    wait = catalogue.options[-1]
    assert slide_density(Slide("option", wait.name, "", option=wait), catalogue.options) == 0


def _slide_lines(slide: Slide, options: list[Option]) -> list[tuple[str, str]]:
    """(field, line) for every fact line a slide shows."""
    if slide.kind == "option" and slide.option is not None:
        return [(f, x.headline) for f in ("helps",) for x in short_answers(slide.option, f)]
    if slide.kind == "harms":
        return [(f, x.headline) for f in slide.fields for x in harm_lines(slide, f)]
    if slide.card is not None:
        return [
            (slide.card.field, x.headline) for _, xs in page_answers(slide, options) for x in xs
        ]
    return []


def test_no_figure_on_a_slide_can_be_read_without_what_it_counts(catalogue: Catalogue) -> None:
    """Every help figure says when it was measured and what helped means; every
    count out of 1,000 has its out of 100 beside it, as on Compare."""
    options = list(catalogue.options)
    every_card = [card.id for card in catalogue.deck.issue_cards]
    times = [timeframe_phrase(when) for when in TIMEFRAME_WORDS]
    checked = 0
    for slide in build_deck(catalogue, options, every_card):
        for field, line in _slide_lines(slide, options):
            checked += 1
            if field == "helps":
                assert "Helped means:" in line, line
                assert any(time in line for time in times), line
            if "out of 1,000" in line:
                assert re.search(r"\((about |up to |fewer than )?[\d to]+ out of 100\)", line), line
    assert checked > 50
