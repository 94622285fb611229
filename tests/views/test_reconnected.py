"""The notice for a tab whose server session was lost: when it shows, and its words."""

from __future__ import annotations

import pytest

from components.reconnected import NOTICE, earlier_session_id
from treatments.readability import WHOLE_LIMIT, grade


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("streamlit, 2|ab|cd|1795548411, c67eaf93-5383", "c67eaf93-5383"),
        ("streamlit,2|ab|cd|1,c67eaf93", "c67eaf93"),
        # A first visit or a reload: no earlier session to name.
        ("streamlit, 2|ab|cd|1795548411", None),
        ("streamlit, , ", None),
        ("streamlit", None),
        ("", None),
    ],
)
def test_an_earlier_session_is_read_from_the_websocket_handshake(
    header: str, expected: str | None
) -> None:
    assert earlier_session_id({"Sec-Websocket-Protocol": header}) == expected


def test_the_header_name_is_matched_in_any_case() -> None:
    assert earlier_session_id({"sec-websocket-protocol": "streamlit, t, old"}) == "old"
    assert earlier_session_id({}) is None


def test_the_notice_is_plain_words() -> None:
    assert grade(NOTICE) <= WHOLE_LIMIT
