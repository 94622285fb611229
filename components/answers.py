"""A person's answers, kept for the length of their browser session only.

Streamlit forgets a widget's value when the person moves to a page that does
not draw it. Each answer is therefore copied to a plain session key when it
changes, and put back when its page is drawn again. Nothing here is written
to disk, logged, or put in the URL: the answers are personal, and a shared
link must not carry them.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

_KEPT = "kept:"


def _keep(key: str) -> None:
    st.session_state[_KEPT + key] = st.session_state[key]


def remembered(key: str) -> dict[str, Any]:
    """Widget arguments that make the widget ``key`` survive a page change.

    Pass them to the widget as ``**remembered(key)``.
    """
    if key not in st.session_state and _KEPT + key in st.session_state:
        st.session_state[key] = st.session_state[_KEPT + key]
    return {"key": key, "on_change": _keep, "args": (key,)}


def keep(key: str, value: Any) -> None:
    """Keep ``value`` as the answer for ``key`` for other pages to read, as it is now."""
    st.session_state[_KEPT + key] = value


def seed(key: str, value: Any) -> None:
    """Start the widget ``key`` at ``value`` if the person has not answered it yet."""
    if key not in st.session_state and _KEPT + key not in st.session_state:
        st.session_state[key] = value


def answer(key: str, default: Any = None) -> Any:
    """The person's latest answer for ``key``, from any page."""
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(_KEPT + key, default)


def forget(keys: list[str]) -> None:
    """Clear these answers (a button callback)."""
    for key in keys:
        st.session_state.pop(key, None)
        st.session_state.pop(_KEPT + key, None)
