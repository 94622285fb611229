"""A stand-in for one browser tab, speaking Streamlit's own WebSocket protocol.

The crowd test and the benchmark open tens of sessions at once; a real
Chromium tab each would need gigabytes. This client sends what the browser
sends (a ``rerun_script`` message with the URL's query string, the page and
the widget values) and reads what the server sends back (the elements, then
``script_finished``). It uses only packages Streamlit itself installs:
``websockets`` and Streamlit's protobuf messages.

It is for tests and benchmarks only; the app never imports it.
"""

from __future__ import annotations

import io
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

import pandas as pd
import pyarrow as pa
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

from tools.markdown_tables import is_markdown_table, markdown_table_frame

# The widget kinds the tests set, and the field each one's value travels in.
_VALUE_FIELD = {bool: "bool_value", str: "string_value", int: "int_value", float: "double_value"}


class Click:
    """A button press: pass ``Click()`` as the button's value in ``widgets``."""


@dataclass
class Run:
    """What one script run sent back."""

    elements: list[Element] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    seconds: float = 0.0
    first_table_seconds: float | None = None
    finished: str = ""
    # The st.fragment ids the page asked to rerun on a timer (``run_every``),
    # as the browser's own timer then does.
    auto_reruns: list[str] = field(default_factory=list)
    # Every message the run brought, to its end, and their bytes before the
    # WebSocket's compression: each one costs the server a turn to send.
    messages: int = 0
    message_bytes: int = 0

    def tables(self) -> list[pd.DataFrame]:
        """Every table on the page, ``st.table`` or Markdown, as a DataFrame of its cells."""
        frames = []
        for element in self.elements:
            if element.WhichOneof("type") == "table":
                frames.append(_arrow_to_frame(element.table.arrow_data.data))
            elif _is_table(element):
                frames.append(markdown_table_frame(element.markdown.body))
        return frames

    def texts(self) -> list[str]:
        """The body of every Markdown, heading, caption and alert element."""
        out = []
        for element in self.elements:
            kind = element.WhichOneof("type")
            if kind in ("markdown", "heading", "alert"):
                out.append(getattr(element, kind).body)
        return out

    def html(self) -> list[str]:
        """The body of every ``st.html`` element, stylesheets included."""
        return [e.html.body for e in self.elements if e.WhichOneof("type") == "html"]

    def exceptions(self) -> list[str]:
        return [
            f"{e.exception.type}: {e.exception.message}"
            for e in self.elements
            if e.WhichOneof("type") == "exception"
        ]

    def widget_id(self, key: str) -> str:
        """The id Streamlit gave the widget with this ``key``."""
        for element in self.elements:
            widget_id = _widget_id(element)
            if widget_id.endswith(f"-{key}"):
                return widget_id
        raise KeyError(f"no widget with key {key!r} on this page")


def page_cookies(base_url: str, *, timeout: float = 60) -> dict[str, str]:
    """The cookies set by loading the app's page: name -> value."""
    with urllib.request.urlopen(base_url.rstrip("/") + "/", timeout=timeout) as response:
        response.read()
        cookies = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
    return {name: morsel.value for name, morsel in cookies.items()}


def _widget_id(element: Element) -> str:
    """The widget id an element carries, or "" if it is not a widget."""
    widget_id = getattr(getattr(element, element.WhichOneof("type") or "", None), "id", "")
    return widget_id if isinstance(widget_id, str) else ""


def _is_table(element: Element) -> bool:
    kind = element.WhichOneof("type")
    return kind == "table" or (kind == "markdown" and is_markdown_table(element.markdown.body))


def _arrow_to_frame(data: bytes) -> pd.DataFrame:
    with pa.ipc.open_stream(io.BytesIO(data)) as reader:
        return reader.read_pandas()


class Session:
    """One browser tab's connection to a running app.

    Parameters
    ----------
    base_url
        ``http://host:port`` of ``streamlit run``.
    timeout
        Seconds to wait for any one message before giving up.
    like_a_browser
        First load the page over HTTP, as a browser does, and send the cookies
        it set with the WebSocket: behind a load balancer with cookie affinity
        that is what puts the session on one replica.
    """

    def __init__(self, base_url: str, *, timeout: float = 60, like_a_browser: bool = False) -> None:
        ws_url = base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
        self._timeout = timeout
        self.cookies = page_cookies(base_url, timeout=timeout) if like_a_browser else {}
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        # websockets wants a `with` block; Session.close() does its job here.
        self._socket: ClientConnection = connect(
            ws_url,
            subprotocols=[Subprotocol("streamlit")],
            additional_headers=headers if self.cookies else None,
            max_size=None,
            open_timeout=timeout,
        ).__enter__()
        self._pages: dict[str, str] = {}
        self._query = ""
        self._page = ""
        self._fragment_of: dict[str, str] = {}  # widget id -> the st.fragment it is in

    def run(
        self,
        *,
        query: str | None = None,
        page: str | None = None,
        widgets: Mapping[str, bool | str | int | float | Click] | None = None,
        fragment: str | None = None,
    ) -> Run:
        """Rerun the script, as the browser does on load, on a click or on a page change.

        ``query`` is the URL's query string (kept from the last run if not
        given); ``page`` is a page's URL path ("" for the default page);
        ``widgets`` maps widget ids to values. Like the browser, a change to
        widgets that all sit in one ``st.fragment`` reruns only that fragment;
        ``fragment`` reruns one by its id, as the browser's timer does for a
        fragment with ``run_every`` (see :attr:`Run.auto_reruns`). A run the
        script ends early for a rerun (``st.rerun``) is followed to the end of
        that rerun, as the browser shows it.
        """
        if query is not None:
            self._query = query
        if page is not None:
            self._page = page
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self._query
        # Like a browser: the page's hash once the server has named them all,
        # and before that (a first load of /what-matters) the URL path.
        state.page_script_hash = self._pages.get(self._page, "")
        state.page_name = self._page
        fragments = {self._fragment_of.get(widget_id, "") for widget_id in widgets or {}}
        if fragment is not None:
            state.fragment_id = fragment
        elif len(fragments) == 1:
            state.fragment_id = fragments.pop()
        for widget_id, value in (widgets or {}).items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if isinstance(value, Click):
                widget.trigger_value = True
            else:
                setattr(widget, _VALUE_FIELD[type(value)], value)
        start = time.perf_counter()
        self._socket.send(message.SerializeToString())
        return self._collect(start)

    def _collect(self, start: float) -> Run:
        run = Run()
        while True:
            forward = ForwardMsg()
            data = self._socket.recv(timeout=self._timeout)
            run.messages += 1
            run.message_bytes += len(data)
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "navigation":
                for app_page in forward.navigation.app_pages:
                    self._pages[app_page.url_pathname] = app_page.page_script_hash
                run.pages = dict(self._pages)
            elif kind == "page_info_changed":
                # The app changed the URL (a widget bound to it): the browser
                # would send the new query string next time, so do the same.
                self._query = forward.page_info_changed.query_string
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                run.elements.append(element)
                if widget_id := _widget_id(element):
                    self._fragment_of[widget_id] = forward.delta.fragment_id
                if _is_table(element) and run.first_table_seconds is None:
                    run.first_table_seconds = time.perf_counter() - start
            elif kind == "auto_rerun":
                run.auto_reruns.append(forward.auto_rerun.fragment_id)
            elif kind == "script_finished":
                run.seconds = time.perf_counter() - start
                run.finished = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                if run.finished != "FINISHED_EARLY_FOR_RERUN":
                    return run

    @property
    def query(self) -> str:
        """The URL's query string as the browser would show it now."""
        return self._query

    def close(self) -> None:
        self._socket.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
