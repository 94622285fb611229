"""Numbers in words: one denominator per kind, ranges, "fewer than"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatments.schema import Per100, Per1000, Range
from treatments.wording import count_phrase, invasiveness_phrase, nights_phrase


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (Per100(low=73, high=98), "73 to 98 out of 100"),
        (Per100(low=7, high=7), "7 out of 100"),
        (Per1000(low=20, high=30), "20 to 30 out of 1,000"),
        (Per1000(low=1, high=3, low_is_fewer_than=True), "fewer than 1 to 3 out of 1,000"),
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


def test_nights_and_levels() -> None:
    assert nights_phrase(Range(low=0, high=0)) == "No hospital stay"
    assert nights_phrase(Range(low=0, high=1)) == "None to 1 night"
    assert nights_phrase(Range(low=1, high=2)) == "1 to 2 nights"
    assert invasiveness_phrase(4) == "Level 4 of 4: Brain surgery, fully asleep"
