"""Nothing a person types reaches the server's log or its disk.

A session types a unique note, ticks a question, answers what matters and
makes the PDF printout; then the server's log and every file written under
the project folder or the temp folder since the session began are searched
for the note.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path

from tests.helpers import ROOT
from tools.session_client import Click, Session
from treatments.schema import Catalogue
from views import registry

# Folders whose files the server never writes and the tests' own tools fill.
_SKIP = {".venv", ".git", ".ruff_cache", ".pytest_cache", ".hypothesis", "__pycache__"}


def _written_since(folder: Path, since: float) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if _SKIP & set(path.relative_to(folder).parts):
            continue
        try:
            if path.is_file() and path.stat().st_mtime >= since:
                found.append(path)
        except OSError:  # another process's temp file came and went
            continue
    return found


def test_typed_notes_are_not_logged_or_written_to_disk(
    server: tuple[str, Path], catalogue: Catalogue
) -> None:
    url, log = server
    marker = f"private-note-{uuid.uuid4().hex}"
    since = time.time() - 1

    with Session(url) as tab:
        run = tab.run(page=registry.BY_KEY["matters"].url_path)
        priority = catalogue.priorities[0]
        run = tab.run(widgets={run.widget_id(f"matters-{priority.id}"): "A lot"})
        run = tab.run(page="questions")
        answers = {
            run.widget_id("question-0"): True,
            run.widget_id("notes"): f"My own question: {marker}",
        }
        run = tab.run(widgets=answers)
        run = tab.run(widgets={**answers, run.widget_id("make_printout"): Click()})
        assert not run.exceptions()
        # The printout was made: its download button is on the page.
        assert run.widget_id("download_printout")
        assert marker not in tab.query, "answers never go in the URL"

    logged = log.read_text(errors="replace")
    assert logged.strip() == "" or marker not in logged
    written = _written_since(ROOT, since) + _written_since(Path(tempfile.gettempdir()), since)
    holding = [str(p) for p in written if p != log and marker.encode() in p.read_bytes()]
    assert holding == []
    assert not [p for p in written if p.suffix == ".pdf"], "no printout is saved"
