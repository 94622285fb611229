"""A room of thirty opens the app at once: each gets its own view, nothing crosses over.

Each session is a protocol-level client (tools/session_client.py): it sends
exactly what a browser tab sends, so thirty of them fit on a small machine.
"""

from __future__ import annotations

import itertools
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from tests.views.apptest import plain, rows_left_showing, the_hiding_style
from tools.session_client import Run, Session
from treatments.filters import apply_filters, filters_from_query, treatment_kinds
from treatments.schema import Catalogue
from views import registry

CROWD = 30
# Every mix of the three yes/no filters, shared out round the room.
MIXES = list(itertools.product([False, True], repeat=3))


def _shown(drawn: Run, latest: Run) -> list[str]:
    """The options in sight: the table ``drawn`` sent (every option), less
    those hidden by the stylesheet of the ``latest`` run (a filter click sends
    only the filters, the count and that stylesheet)."""
    # The comparison table; each phone card's fold is a table of one cell too.
    (table,) = [frame for frame in drawn.tables() if "Option" in frame.columns]
    rows = [plain(cell) for cell in table["Option"]]
    return rows_left_showing(rows, the_hiding_style(latest.html()))


def _expected(catalogue: Catalogue, no_general: bool, no_stay: bool, show_wait: bool) -> list[str]:
    # Read the way a shared link is read, by the same function the tests check.
    query = {"no_general": str(no_general), "no_stay": str(no_stay), "show_wait": str(show_wait)}
    filters = filters_from_query(query, treatment_kinds(catalogue.options))
    return [o.name for o in apply_filters(catalogue.options, filters)]


def journey(
    url: str,
    person: int,
    catalogue: Catalogue,
    start: threading.Barrier,
    *,
    like_a_browser: bool = False,
) -> None:
    """One person: open a shared link, click a filter, answer what matters, come back."""
    no_general, no_stay, show_wait = MIXES[person % len(MIXES)]
    priority = catalogue.priorities[person % len(catalogue.priorities)]
    with Session(url, like_a_browser=like_a_browser) as tab:
        start.wait()
        query = urlencode({"no_general": no_general, "no_stay": no_stay, "show_wait": show_wait})
        run = tab.run(query=query.lower())
        assert run.finished == "FINISHED_SUCCESSFULLY" and not run.exceptions(), person
        assert _shown(run, run) == _expected(catalogue, no_general, no_stay, show_wait), person

        # A click on "No general anaesthetic" flips it; the other filters stay.
        clicked = tab.run(widgets={run.widget_id("no_general"): not no_general})
        assert clicked.finished == "FINISHED_FRAGMENT_RUN_SUCCESSFULLY", person
        assert not clicked.tables(), "a filter click does not send the tables again"
        shown = _shown(run, clicked)
        assert shown == _expected(catalogue, not no_general, no_stay, show_wait), person

        # What matters: this person's answer, and no one else's.
        run = tab.run(page=registry.BY_KEY["matters"].url_path)
        run = tab.run(widgets={run.widget_id(f"matters-{priority.id}"): "A lot"})
        assert not run.exceptions(), person
        (table,) = run.tables()
        assert [plain(cell) for cell in table.iloc[:, 0]] == [f"{priority.label} (a lot)"], person


def test_thirty_people_at_once_each_see_only_their_own_choices(
    server: tuple[str, Path], catalogue: Catalogue
) -> None:
    url, log = server
    start = threading.Barrier(CROWD, timeout=120)
    with ThreadPoolExecutor(max_workers=CROWD) as pool:
        futures = [pool.submit(journey, url, i, catalogue, start) for i in range(CROWD)]
        failures = [repr(f.exception()) for f in futures if f.exception() is not None]
    assert failures == []

    # The server is still healthy, and logged no error while the room used it.
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as response:
        assert response.read() == b"ok"
    logged = log.read_text(errors="replace")
    assert "Traceback" not in logged and "ERROR" not in logged, logged[-2000:]
