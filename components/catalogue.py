"""The catalogue, held once per version of the data file.

The catalogue is a frozen object that nothing changes, so it is held with
``st.cache_resource``: one shared object, not a copy unpickled on every call
as ``st.cache_data`` would make. Its key is the file's fingerprint (a hash of
its bytes), and every cache derived from the catalogue (charts, grades) is
keyed on the same fingerprint, so an educator's edit shows up everywhere on
the next page load, without a restart, even if it keeps the file's length.
The file is hashed again only when its time or size changes.

A page in another language reads the same catalogue with that language's
words laid over it (:mod:`treatments.translation`): one frozen object per
version of the data file, language and version of its translation. No
person's picks go in it.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import streamlit as st

from treatments import i18n
from treatments.loader import CatalogueError, default_path, load_catalogue
from treatments.schema import Catalogue
from treatments.translation import translation_path


def fingerprint() -> str:
    """The key of every cache built from the catalogue a run reads: the data
    file's, and its translation's in the run's language."""
    code = i18n.active()
    english = _file_fingerprint(default_path())
    if code == i18n.ENGLISH.code:
        return english
    return f"{english}:{code}:{_file_fingerprint(translation_path(default_path(), code))}"


def _file_fingerprint(path: Path) -> str:
    """A short hash of the data file's bytes: the key of every cache built from it.

    The file is hashed once per change the file system sees (its time and
    size), not on every call: a page asks for the fingerprint once per chart.
    An unreadable file gives a key of its own; loading it then reports why.
    """
    try:
        stat = Path(path).stat()
    except OSError as exc:
        return f"unreadable:{path}:{exc.errno}"
    return _hash(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _hash(path: str, modified_ns: int, size: int) -> str:
    del modified_ns, size  # the key: hash again when the file changes
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:32]
    except OSError as exc:
        return f"unreadable:{path}:{exc.errno}"


@st.cache_resource(show_spinner=False, max_entries=8)
def _load(path: str, version: str, language: str) -> Catalogue:
    del version  # the key: a new version of the file is a new entry
    return load_catalogue(path, language)


def get_catalogue() -> Catalogue:
    """The catalogue from ``$TREATMENTS_FILE`` or ``data/treatments.yaml``.

    Raises
    ------
    CatalogueError
        If the file is missing or broken. Errors are not cached.
    """
    return _load(str(default_path()), fingerprint(), i18n.active())


def catalogue_error() -> CatalogueError | None:
    """The reason the catalogue cannot be used, or ``None`` if it is fine."""
    try:
        get_catalogue()
    except CatalogueError as exc:
        return exc
    return None


def catalogue_in(code: str) -> Catalogue:
    """The catalogue in the words of ``code``, whatever the run speaks (to read
    a link made in another language)."""
    with i18n.speaking(code):
        return get_catalogue()
