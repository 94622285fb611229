"""The slide deck: its order, its choices, and issue cards that answer for every option."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from treatments.deck import CARDS_BY_ID, DEFAULT_CARDS, ISSUE_CARDS, build_deck, card_answers
from treatments.facts import FIELDS
from treatments.loader import load_catalogue
from treatments.schema import Catalogue

_CATALOGUE = load_catalogue()


def test_the_default_deck_runs_title_options_cards_questions(catalogue: Catalogue) -> None:
    slides = build_deck(catalogue, catalogue.options, DEFAULT_CARDS)
    assert [s.kind for s in slides] == ["title"] + ["option"] * 5 + ["issue"] * 3 + ["questions"]
    assert [s.option.id for s in slides if s.option] == [o.id for o in catalogue.options]
    assert [s.card.id for s in slides if s.card] == list(DEFAULT_CARDS)
    assert all(s.title and s.speaker_note for s in slides)


@given(
    st.lists(st.sampled_from(range(5)), unique=True),
    st.lists(st.sampled_from([c.id for c in ISSUE_CARDS] + ["nonsense", ""]), unique=True),
)
def test_the_deck_has_what_was_chosen_and_nothing_else(picks: list[int], cards: list[str]) -> None:
    options = [_CATALOGUE.options[i] for i in picks]
    slides = build_deck(_CATALOGUE, options, cards)
    known = [c for c in cards if c in CARDS_BY_ID]
    assert len(slides) == 2 + len(options) + len(known)
    assert slides[0].kind == "title" and slides[-1].kind == "questions"
    assert [s.option for s in slides if s.kind == "option"] == options
    assert [s.card.id for s in slides if s.card] == known


def test_every_issue_card_answers_for_every_option(catalogue: Catalogue) -> None:
    for card in ISSUE_CARDS:
        assert card.field in FIELDS
        answers = card_answers(card, catalogue.options)
        assert [o.id for o, _ in answers] == [o.id for o in catalogue.options]
        for _option, lines in answers:
            assert lines, f"{card.id} has an answer for every option"
            assert all(line.sources for line in lines), "every answer names its sources"


def test_the_helps_card_says_what_helped_means(catalogue: Catalogue) -> None:
    answers = card_answers(CARDS_BY_ID["helps"], catalogue.options)
    first = answers[0][1][0].headline
    assert first == (
        "73 to 98 out of 100 people, after each round of shots. "
        "Helped means: The twitching got clearly better until the shots wore off."
    )
