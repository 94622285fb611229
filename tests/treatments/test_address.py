"""The web address's records: each reads back what it writes, and reads
anything else as its default."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatments import address
from treatments.address import EVERY_PARAM, Param, settle_slide, slide_number
from treatments.schema import MAX_INVASIVENESS

# What a person or a program may put in an address: any text, one value or several.
raw_values = st.one_of(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=4))
names = st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=4).map(tuple)

# Each parameter's own values, as the app holds them.
VALUES: dict[str, st.SearchStrategy[object]] = {
    address.KIND.name: st.one_of(st.none(), names),
    address.REPEAT.name: st.sampled_from(["any", "once", "repeated"]),
    address.MOST_INVASIVE.name: st.integers(0, MAX_INVASIVENESS),
    address.NO_GENERAL.name: st.booleans(),
    address.NO_STAY.name: st.booleans(),
    address.SHOW_WAIT.name: st.booleans(),
    address.SIDE_BY_SIDE.name: names,
    address.DECK_OPTIONS.name: names,
    address.DECK_CARDS.name: names,
    address.DECK_CHECKS.name: names,
    address.SLIDE.name: st.one_of(
        st.integers(1, 500).map(float), st.floats(1, 500, allow_nan=False, allow_infinity=False)
    ),
    address.VIEW.name: st.sampled_from(["", address.PROJECTOR, address.PRESENTER]),
    address.ROOM.name: st.text(min_size=1, max_size=8),
    address.LEAD.name: st.text(min_size=1, max_size=8),
    address.LANG.name: st.sampled_from(["es", "en", "qps"]),
}


def test_every_parameter_has_values_to_try() -> None:
    assert sorted(VALUES) == sorted(p.name for p in EVERY_PARAM)


@pytest.mark.parametrize("param", EVERY_PARAM, ids=lambda p: p.name)
@given(data=st.data())
def test_a_parameter_reads_back_what_it_writes(param: Param[object], data: st.DataObject) -> None:
    value = data.draw(VALUES[param.name])
    assert param.value(param.query(value)) == value


@pytest.mark.parametrize("param", EVERY_PARAM, ids=lambda p: p.name)
def test_a_default_is_never_written(param: Param[object]) -> None:
    assert param.query(param.default) == {}
    assert param.value({}) == param.default


@pytest.mark.parametrize("param", EVERY_PARAM, ids=lambda p: p.name)
@given(raw=raw_values)
def test_anything_in_the_address_reads_as_a_value_or_the_default(
    param: Param[object], raw: str | list[str]
) -> None:
    """Hostile, cut short or mistyped: reading never fails, and what it gives
    can be written back and read the same."""
    value = param.value({param.name: raw})
    assert param.value(param.query(value)) == value


@pytest.mark.parametrize("raw", ["inf", "-inf", "1e309", "nan", "0", "-3", "abc", ""])
def test_a_slide_number_is_a_finite_number_from_one(raw: str) -> None:
    assert slide_number(raw) is None


@pytest.mark.parametrize(
    ("raw", "settled"),
    [
        *[("3", None), ("18", None), ("abc", None), ("-3", None)],
        *[("99", "18"), ("18.5", "18"), ("inf", ""), ("1e309", ""), ("nan", "")],
    ],
)
def test_a_slide_number_settles_into_the_deck(raw: str, settled: str | None) -> None:
    assert settle_slide(raw, 18) == settled


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_settled_slide_number_is_one_the_deck_has(number: float) -> None:
    settled = settle_slide(repr(number), 18)
    if settled:
        assert slide_number(settled) == 18
    elif settled is None and slide_number(repr(number)) is not None:
        assert 1 <= number <= 18 and not math.isinf(number)
