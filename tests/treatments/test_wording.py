"""Numbers in words: one denominator per kind, ranges, "fewer than"."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatments.facts import ANSWER_FIELDS, FIELDS, harm_phrase
from treatments.schema import Per100, Per1000, Range, SeriousRisk, SideEffect
from treatments.wording import (
    basis_phrase,
    count_phrase,
    invasiveness_phrase,
    nights_phrase,
    per_100_equivalent,
)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (Per100(low=73, high=98), "73 to 98 out of 100"),
        (Per100(low=7, high=7), "7 out of 100"),
        (Per1000(low=20, high=30), "20 to 30 out of 1,000"),
        (Per1000(low=1, high=3, low_is_fewer_than=True), "up to 3 out of 1,000"),
        (Per1000(low=1, high=1, low_is_fewer_than=True), "1 or fewer out of 1,000"),
    ],
)
def test_count_phrase(count, expected: str) -> None:
    assert count_phrase(count) == expected


@given(st.integers(0, 1000), st.integers(0, 1000))
def test_count_phrase_always_names_its_denominator(a: int, b: int) -> None:
    low, high = sorted((a, b))
    phrase = count_phrase(Per1000(low=low, high=high))
    assert phrase.endswith("out of 1,000")
    assert str(high) in phrase
    assert " in " not in phrase  # never "1 in X"


@given(st.integers(0, 1000), st.integers(0, 1000), st.booleans())
def test_every_count_can_be_said_aloud(a: int, b: int, fewer_than: bool) -> None:
    """Patients: "fewer than 1 to 2 out of 100" cannot be read aloud."""
    low, high = sorted((a, b))
    count = Per1000(
        low=max(low, 1) if fewer_than else low, high=max(high, 1), low_is_fewer_than=fewer_than
    )
    for phrase in (count_phrase(count), per_100_equivalent(count)):
        assert not re.search(r"fewer than \d+ to", phrase), phrase


def test_nights_and_levels() -> None:
    assert nights_phrase(Range(low=0, high=0)) == "No hospital stay"
    assert nights_phrase(Range(low=0, high=1)) == "None to 1 night"
    assert nights_phrase(Range(low=1, high=2)) == "1 to 2 nights"
    longer = nights_phrase(Range(low=1, high=2), longer_in_some=True)
    assert longer == "1 to 2 nights, longer in some hospitals"
    assert invasiveness_phrase(4) == "Level 4 of 4: Brain surgery, fully asleep"


def test_every_question_an_option_answers_has_a_label() -> None:
    assert tuple(FIELDS) == ANSWER_FIELDS
    assert all(FIELDS[name].label and FIELDS[name].short for name in ANSWER_FIELDS)


@pytest.mark.parametrize(
    ("low", "high", "fewer_than", "expected"),
    [
        (20, 30, False, "20 to 30 out of 1,000 (2 to 3 out of 100)"),
        (9, 20, False, "9 to 20 out of 1,000 (about 1 to 2 out of 100)"),
        (7, 27, False, "7 to 27 out of 1,000 (about 1 to 3 out of 100)"),
        (3, 20, False, "3 to 20 out of 1,000 (up to 2 out of 100)"),
        (25, 25, False, "25 out of 1,000 (about 3 out of 100)"),
        (1, 3, True, "up to 3 out of 1,000 (fewer than 1 out of 100)"),
        (1, 6, True, "up to 6 out of 1,000 (fewer than 1 out of 100)"),
    ],
)
def test_a_rare_count_also_says_it_out_of_100(low, high, fewer_than, expected) -> None:
    risk = SeriousRisk(
        name="Stroke",
        per_1000=Per1000(low=low, high=high, low_is_fewer_than=fewer_than),
        counts="each operation",
        sources=["X"],
    )
    figure, equivalent = expected.split(" (")
    assert (
        harm_phrase(risk) == f"Stroke: {figure} people ({equivalent}. Counted for each operation."
    )


@pytest.mark.parametrize(
    ("counts", "over", "expected"),
    [
        ("each round", None, "Counted for each round of shots."),
        ("over time", "up to 4 years of shots", "Counted over up to 4 years of shots."),
        ("each operation", None, "Counted for each operation."),
        ("each time", None, "Counted for each time it is done."),
        ("new users", None, "Counted in everyone who starts it, for any illness."),
    ],
)
def test_a_counted_harm_says_what_it_counts(counts, over, expected) -> None:
    harm = SideEffect(
        name="Dry eye",
        per_100=Per100(low=12, high=17),
        counts=counts,
        over=over,
        sources=["X"],
    )
    assert harm_phrase(harm) == f"Dry eye: 12 to 17 out of 100 people. {expected}"
    assert basis_phrase(counts, over) == expected


def test_a_harm_with_no_count_says_so_and_nothing_about_counting() -> None:
    harm = SideEffect(name="Dry eye", no_figure_because="No study counted it.", sources=["X"])
    assert harm_phrase(harm) == "Dry eye: no reliable number"


@given(st.integers(0, 1000), st.integers(0, 1000))
def test_the_out_of_100_words_never_understate_the_risk(a: int, b: int) -> None:
    count = Per1000(low=min(a, b), high=max(a, b))
    words = per_100_equivalent(count)
    top = words.removesuffix(" out of 100").split(" to ")[-1].removeprefix("about ")
    if top == "fewer than 1":
        assert count.high < 10
    else:
        assert abs(int(top) - count.high / 10) <= 0.5
