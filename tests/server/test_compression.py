"""The page travels compressed over its WebSocket, as a browser asks for it."""

from __future__ import annotations

from pathlib import Path

from websockets.sync.client import connect
from websockets.typing import Subprotocol

from tools.session_client import Session
from treatments.loader import load_catalogue


def test_the_socket_agrees_to_deflate_and_the_page_arrives_whole(
    server: tuple[str, Path],
) -> None:
    url, _ = server
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    # A browser offers permessage-deflate on every WebSocket; so does this client.
    with connect(stream, subprotocols=[Subprotocol("streamlit")], compression="deflate") as socket:
        assert socket.response is not None
        agreed = socket.response.headers.get("Sec-WebSocket-Extensions", "")
    assert "permessage-deflate" in agreed
    # And a compressed page still holds its whole comparison table.
    with Session(url) as tab:
        run = tab.run(query="")
    assert not run.exceptions()
    assert run.finished == "FINISHED_SUCCESSFULLY"
    assert run.tables()
    assert len(run.tables()[0]) == len(load_catalogue().options)
    # Every message is counted, with its bytes as they were before compression:
    # the elements, and at least the message that ends the run.
    assert run.messages >= len(run.elements) + 1
    assert run.message_bytes > sum(element.ByteSize() for element in run.elements)
