"""Shared fixtures: the real catalogue, and a way to write variants of it."""

from __future__ import annotations

import copy
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from treatments.loader import DEFAULT_PATH, load_catalogue
from treatments.schema import Catalogue

ROOT = Path(__file__).resolve().parent.parent
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
        if os.environ.get("REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(DEFAULT_PATH)


@pytest.fixture(scope="session")
def raw_data() -> dict[str, Any]:
    """The data file as plain Python data. Deep-copy before changing it."""
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


def write_data(data: dict[str, Any], path: Path) -> Path:
    """Write ``data`` as a data file at ``path``, the way an editor would save it."""
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def write_variant(
    raw_data: dict[str, Any], tmp_path: Path
) -> Callable[[Callable[[dict[str, Any]], None]], Path]:
    """Write the data file after ``change`` edits a copy of it; return the path."""

    def write(change: Callable[[dict[str, Any]], None]) -> Path:
        data = copy.deepcopy(raw_data)
        change(data)
        return write_data(data, tmp_path / "variant.yaml")

    return write
