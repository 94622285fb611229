"""A slide move as the browser reports it: read as untrusted, and ordered by stamp."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatments.presenting.moves import Move, channel_name, is_newer, read_move

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


def test_a_key_press_reads_as_a_move_to_its_slide() -> None:
    assert read_move({"slide": 4, "seq": 7, "via": "key"}) == Move(4, 7, "key")


def test_a_partner_s_deck_comes_with_its_move() -> None:
    move = read_move({"slide": 2, "seq": 3, "via": "partner", "options": ["Tablets"], "cards": []})
    assert move == Move(2, 3, "partner", ("Tablets",), ())
    assert move is not None and move.has_deck


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "4",
        [4, 7],
        {"slide": 4, "seq": 7},
        {"slide": 0, "seq": 7, "via": "key"},
        {"slide": 4, "seq": -1, "via": "key"},
        {"slide": 4.5, "seq": 7, "via": "key"},
        {"slide": True, "seq": 7, "via": "key"},
        {"slide": "4", "seq": 7, "via": "key"},
        {"slide": 4, "seq": 7, "via": "room"},
        {"slide": 4, "seq": 7, "via": "partner", "options": ["Tablets"]},
        {"slide": 4, "seq": 7, "via": "partner", "options": [1], "cards": []},
        {"slide": 4, "seq": 7, "via": "partner", "options": ["x"] * 51, "cards": []},
    ],
)
def test_anything_else_is_not_a_move(raw: object) -> None:
    assert read_move(raw) is None


@given(json_values)
def test_any_json_reads_as_a_move_or_as_nothing(raw: object) -> None:
    move = read_move(json.loads(json.dumps(raw)))
    assert move is None or (move.slide >= 1 and move.seq >= 0 and move.via in ("key", "partner"))


@given(st.integers(min_value=0), st.integers(min_value=0))
def test_a_move_is_taken_once(seq: int, last: int) -> None:
    assert is_newer(Move(1, seq, "key"), last) == (seq > last)


def test_each_room_has_its_own_channel() -> None:
    assert channel_name("KQTW") != channel_name("KQTX")
    assert "KQTW" in channel_name("KQTW")
