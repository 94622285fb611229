"""Tell a person when their tab came back to a server that did not know it.

Streamlit keeps a tab's session in one server process. When that process
stops (a replica crashed, or was replaced in an update) the tab reconnects,
through the load balancer, to another one, which starts a fresh session. The
web address still holds the filters, the picked options and the slide, so the
view comes back. Answers a person typed or ticked on What matters to me and
Questions for my visit lived only in the lost session: by design they are
kept nowhere else. This says so, once, so nobody prints a visit sheet they
think is complete.

How it knows: when a tab reconnects, Streamlit's browser code sends the id of
the session it had in the WebSocket's ``Sec-WebSocket-Protocol`` header (after
"streamlit" and the XSRF token). On the first run of a session, such an id
means the tab had a session here before and this process does not have it. A
tab that reconnects to the same live process keeps its session, so it never
gets this far; a newly opened or reloaded tab sends no id.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from treatments.i18n import N_, gettext

_STARTED_KEY = "session-started"
_NOTICE_KEY = "reconnected-notice"
NOTICE = N_(
    "We lost touch with this page for a moment, and it has come back. "
    "What you picked on the page and in the web address is still here. "
    "Answers you typed or ticked on What matters to me or Questions for my visit "
    "may be gone. We do not keep them anywhere, to keep them private. "
    "Please check them before you print."
)
DISMISS = N_("OK, I will check")


def earlier_session_id(headers: Mapping[str, str]) -> str | None:
    """The session id a reconnecting tab names in its WebSocket handshake, if any.

    The header reads ``streamlit, <xsrf token>, <earlier session id>``; the
    last two entries are left out when there is nothing to send.
    """
    value = next((v for k, v in headers.items() if k.lower() == "sec-websocket-protocol"), "")
    entries = [entry.strip() for entry in value.split(",")]
    return entries[2] if len(entries) >= 3 and entries[2] else None


def _dismiss() -> None:
    st.session_state[_NOTICE_KEY] = False


def say_if_reconnected() -> None:
    """On a session's first run after a lost one, say what came back and what did not."""
    if _STARTED_KEY not in st.session_state:
        st.session_state[_STARTED_KEY] = True
        st.session_state[_NOTICE_KEY] = earlier_session_id(st.context.headers) is not None
    if st.session_state.get(_NOTICE_KEY):
        with st.container(key="reconnected"):
            st.warning(gettext(NOTICE), icon=":material/sync_problem:")
            st.button(gettext(DISMISS), key="reconnected-ok", on_click=_dismiss)
