"""The catalogue, loaded once and cached until the data file changes."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from treatments.loader import CatalogueError, default_path, load_catalogue
from treatments.schema import Catalogue


@st.cache_data(show_spinner=False, max_entries=4)
def _load(path: str, modified_ns: int, size: int) -> Catalogue:
    # The file's time and size are part of the cache key, so an educator's
    # edit shows up on the next page load without a restart.
    del modified_ns, size
    return load_catalogue(path)


def get_catalogue() -> Catalogue:
    """The catalogue from ``$TREATMENTS_FILE`` or ``data/treatments.yaml``.

    Raises
    ------
    CatalogueError
        If the file is missing or broken. Errors are not cached.
    """
    path = default_path()
    try:
        stat = Path(path).stat()
    except OSError:
        return load_catalogue(path)  # raises a CatalogueError that says why
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


def catalogue_error() -> CatalogueError | None:
    """The reason the catalogue cannot be used, or ``None`` if it is fine."""
    try:
        get_catalogue()
    except CatalogueError as exc:
        return exc
    return None
