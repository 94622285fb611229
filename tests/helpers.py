"""What tests share that is not a fixture: the project's folder, the options a
person should see, how to write a variant data file, and how a test finds a
system program it drives (a skip with its reason locally, a failure in CI)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent


def app_css() -> str:
    """The app's own stylesheet, as the pages send it."""
    return (ROOT / "components" / "app.css").read_text(encoding="utf-8")


# The five options of the shipped data file, in order: what a person should see.
ALL_OPTIONS = [
    "Botulinum toxin injections",
    "Anticonvulsants and other medicines",
    "Microvascular decompression (surgery)",
    "Radiofrequency thermocoagulation",
    "No treatment for now (watch and wait)",
]


def require_tool(command: str, package: str) -> str:
    """The path of a system program a test drives; like the browser tests, a
    skip with its reason on a developer's machine, a failure in CI."""
    path = shutil.which(command)
    if path is None:
        message = f"needs `{command}` (Debian's {package})"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return path


def write_data(data: dict[str, Any], path: Path) -> Path:
    """Write ``data`` as a data file at ``path``, the way an editor would save it."""
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def browser_required() -> bool:
    return bool(os.environ.get("REQUIRE_BROWSER") or os.environ.get("CI"))


def pdf_text(pdf: bytes) -> str:
    """A PDF's words in reading order, each run of spaces and line breaks one space
    (a printout wraps names inside its narrow columns)."""
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


@contextlib.contextmanager
def every_core_busy() -> Iterator[None]:
    """A busy machine, as CI's two shared cores often are: one spinning
    process per core, at the tests' own priority, until the block ends."""
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()
