"""A polite live region: a screen reader hears a result change once, as it happens.

Streamlit gives its own elements no ``aria-live``, and moves no focus when the
button a person pressed is drawn no more. This small ``st.components.v2``
component does both. Its code is static and in this package (announcer.js);
what it says arrives as data and is set as text, never as HTML.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

# The region's id in the page: one region, whichever page draws it.
REGION_ID = "hemifacial-spasm-live-region"
_ANNOUNCER = st.components.v2.component(
    "hemifacial_spasm.announcer",
    js=(Path(__file__).with_name("announcer.js")).read_text(encoding="utf-8"),
)


def announce(message: str, *, focus: str = "", token: int = 0) -> None:
    """Say ``message`` to a screen reader when it differs from the last one drawn
    (not on the first draw: the page shows it). When ``token`` changes, move the
    keyboard focus to the element the CSS selector ``focus`` finds."""
    # No key: a keyed component keeps a value in the session's state that
    # cannot be pickled, and this app asks for state that can (config.toml).
    # The region itself is one element in the page's body (announcer.js).
    _ANNOUNCER(data={"message": message, "focus": focus, "token": token, "region": REGION_ID})
