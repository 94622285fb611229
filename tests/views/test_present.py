"""The Present page: every slide renders, moving works, and the URL restores the slide."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.views.apptest import plain
from treatments import charts
from treatments.facts import FIELDS
from treatments.markdown import escape
from treatments.presenting.deck import build_deck, default_items, slide_options
from treatments.schema import Catalogue


def _heading(at: AppTest) -> str:
    assert len(at.title) == 1, "one heading per slide"
    return plain(at.title[0].value)


def _caption(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_next_walks_through_every_slide_and_previous_comes_back(
    open_page, catalogue: Catalogue
) -> None:
    slides = build_deck(catalogue, catalogue.options, default_items(catalogue))
    at = open_page("present")
    assert at.button(key="previous_slide").disabled
    for number, slide in enumerate(slides, start=1):
        assert not at.exception
        assert at.session_state["slide"] == number
        assert _heading(at) == slide.title
        assert f"Slide {number} of {len(slides)}." in _caption(at)
        assert catalogue.meta.disclaimer in _caption(at)
        if slide.kind == "issue":
            assert len(at.table[0].value) == len(slide_options(slide, catalogue.options))
        if slide.kind == "harms":
            text = " ".join(m.value for m in at.markdown)
            for field in slide.fields:
                assert f"**{FIELDS[field].short}:**" in text
        if slide.kind == "option":
            counted = [b for b in slide.option.helps if b.per_100 is not None]
            pictures = at.get("image")
            assert len(pictures) == len(counted), "one picture of 100 per figure"
            assert all(p.value[0].startswith("data:image/svg+xml") for p in pictures)
            # Each picture's legend is text on the slide, so it takes the slide's type.
            text = " ".join(m.value for m in at.markdown)
            for benefit in counted:
                assert all(escape(w) in text for w in charts.icon_array_groups(benefit))
        if number < len(slides):
            at.button(key="next_slide").click().run()
    assert at.button(key="next_slide").disabled
    at.button(key="previous_slide").click().run()
    assert at.session_state["slide"] == len(slides) - 1


def test_the_url_opens_the_same_slide(open_page, catalogue: Catalogue) -> None:
    slides = build_deck(catalogue, catalogue.options, default_items(catalogue))
    second = next(n for n, s in enumerate(slides, 1) if s.option == catalogue.options[1])
    # Title, then the first option's slide and its harms, on one slide or more.
    assert second >= 4
    at = open_page("present", slide=str(second))
    assert at.session_state["slide"] == second
    assert _heading(at) == catalogue.options[1].name


@pytest.mark.parametrize("bad", ["0", "-3", "abc", "", "1e309", "inf", "-inf", "nan", "<script>"])
def test_a_bad_slide_number_falls_back_to_the_first(open_page, catalogue: Catalogue, bad) -> None:
    at = open_page("present", slide=bad)
    assert not at.exception
    assert at.session_state["slide"] == 1
    assert _heading(at) == catalogue.meta.title
    assert not at.toast


@pytest.mark.parametrize("past", ["99", "99.5", "1e9"])
def test_a_number_past_the_end_goes_to_the_last_slide_and_says_so(
    open_page, catalogue: Catalogue, past: str
) -> None:
    slides = build_deck(catalogue, catalogue.options, default_items(catalogue))
    at = open_page("present", slide=past)
    assert not at.exception
    assert at.session_state["slide"] == len(slides)
    assert _heading(at) == slides[-1].title
    assert at.query_params["slide"] == str(len(slides))
    (toast,) = at.toast
    assert toast.value == (
        f"There is no slide {escape(past)}. "
        f"This deck has {len(slides)} slides, so this is the last one."
    )


def test_the_deck_follows_the_chosen_options_and_cards(open_page, catalogue: Catalogue) -> None:
    chosen = [o for o in catalogue.options if o.short_name in ("Tablets", "Watch and wait")]
    card = next(c for c in catalogue.deck.issue_cards if c.question == "Am I awake or asleep?")
    assert catalogue.check is not None
    # The address names no questions for the room: the usual ones are in.
    slides = build_deck(catalogue, chosen, [card.id, *catalogue.check.in_deck])
    # Title, 2 options with their harms (a slide or two each), 1 card, the
    # question for the room and its answer, choosing, questions, sharing.
    assert [s.kind for s in slides].count("option") == 2
    assert [s.kind for s in slides].count("check") == len(catalogue.check.in_deck)
    assert 11 <= len(slides) <= 13
    at_card = next(n for n, s in enumerate(slides, 1) if s.card == card)
    at = open_page(
        "present",
        deck_options=["Tablets", "Watch and wait"],
        deck_cards=["Am I awake or asleep?"],
        slide=str(at_card),
    )
    assert not at.exception
    assert len(at.selectbox(key="jump_to_slide").options) == len(slides)
    assert _heading(at) == "Am I awake or asleep?"
    assert len(at.table[0].value) == 2


def test_jump_list_moves_to_the_picked_slide(open_page, catalogue: Catalogue) -> None:
    at = open_page("present")
    at.selectbox(key="jump_to_slide").set_value(3).run()
    assert not at.exception
    assert at.session_state["slide"] == 3
    assert at.selectbox(key="jump_to_slide").value is None


def test_speaker_notes_are_hidden_until_asked_for(open_page) -> None:
    at = open_page("present")
    assert not any(i.value.startswith("Speaker note") for i in at.info)
    at.toggle(key="speaker_notes").set_value(True).run()
    assert any(i.value.startswith("Speaker note") for i in at.info)
