"""The stylesheets of the comparison: what hides the options that do not fit the
filters, and how app.css finds a card's short answers."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from components.comparison import (
    HIDDEN_CARD,
    HIDDEN_ROW,
    HIDING_MARK,
    IN_FULL,
    SHORT_ANSWERS,
    hiding_style,
)
from tests.helpers import app_css
from treatments.loader import default_path, load_catalogue

OPTIONS = load_catalogue(default_path()).options
_RULE = re.compile(
    r"^<style>/\* [^*]+ \*/(?:(?P<selectors>[^{}]+) \{ display: none !important; \})?</style>$"
)


def _selectors(style: str) -> set[str]:
    match = _RULE.match(style)
    assert match, style
    assert style.startswith(f"<style>{HIDING_MARK}")
    return set(match["selectors"].split(", ")) if match["selectors"] else set()


@given(st.lists(st.sampled_from(OPTIONS), unique_by=lambda o: o.id, min_size=1))
def test_it_hides_the_row_and_the_card_of_each_option_left_out(shown) -> None:
    # Shown in any order: the table always lists every option in the catalogue's order.
    expected = {
        place.format(row)
        for row, option in enumerate(OPTIONS, start=1)
        if option not in shown
        for place in (HIDDEN_ROW, HIDDEN_CARD)
    }
    assert _selectors(hiding_style(OPTIONS, shown)) == expected


def test_with_every_option_shown_it_hides_nothing() -> None:
    assert _selectors(hiding_style(OPTIONS, OPTIONS)) == set()


def test_with_none_shown_it_hides_the_whole_comparison() -> None:
    # The table's heading and a hint to clear the filters stay.
    assert _selectors(hiding_style(OPTIONS, [])) == {".st-key-comparison"}


def test_the_stylesheet_finds_a_cards_short_answers_as_the_code_names_them() -> None:
    # The short answers have no container of their own: app.css finds them as
    # the element just before the card's fold, and so do the browser tests.
    assert app_css().count(SHORT_ANSWERS) == 2  # on a phone's card, and on paper
    assert f"st-key-{IN_FULL}-" in SHORT_ANSWERS
