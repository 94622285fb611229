"""Which language a run speaks, and the interface's words in it.

The interface's words are gettext messages, extracted with Babel
(``pybabel extract``, see ``babel.cfg``) into ``locales/messages.pot`` and
translated in ``locales/<code>/LC_MESSAGES/messages.po``, which Poedit or
Weblate can edit. The ``.po`` file is read as it is (no compiled ``.mo`` to
keep in step), once per process and version of the file.

A language is chosen per run, never per process: :func:`activate` sets it
for the code running now (a :class:`~contextvars.ContextVar`, as Django's
``translation.activate`` holds one per request), so two visitors served by
one process each read their own. :func:`gettext` and :func:`ngettext` read
it; :func:`N_` only marks a message for extraction where it is defined (a
module constant), to be translated where it is shown.

The languages there are come from files, not code (:func:`languages`): a
language is offered once its content translation sits beside the data file
and says so in its header.
"""

from __future__ import annotations

import contextvars
import datetime as _dt
import functools
import gettext as _gettext
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from treatments.translation import read_translation, translation_files

ENV_VAR = "TREATMENTS_LOCALES"
DEFAULT_LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


@dataclass(frozen=True)
class Language:
    """One language a person can read the tool in."""

    code: str
    # Its name in itself, as the switch shows it: a person who reads only
    # Spanish looks for "Español", not "Spanish".
    name: str
    english_name: str
    direction: Literal["ltr", "rtl"] = "ltr"
    offered: bool = True
    # Empty until a professional medical translator has checked it.
    checked_by: str | None = None
    translated: str = ""


ENGLISH = Language("en", "English", "English")


def locales_dir() -> Path:
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override) if override else DEFAULT_LOCALES


def languages(data_file: Path | None = None) -> tuple[Language, ...]:
    """English, then every language whose content translation sits beside
    the data file, in the order of their codes."""
    # Imported here: the loader's own modules (the schema, the facts' words)
    # import this one for gettext.
    from treatments.loader import default_path

    english = Path(data_file) if data_file is not None else default_path()
    return _languages(str(english), _stamp(english.parent))


def _stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.yaml")))
    except OSError:
        return ()


@functools.lru_cache(maxsize=8)
def _languages(english: str, stamp: tuple[tuple[str, int], ...]) -> tuple[Language, ...]:
    del stamp  # the key: read again when a file beside the data file changes
    found = [ENGLISH]
    for path in translation_files(Path(english)):
        try:
            header = read_translation(path).language
        except Exception:
            continue
        found.append(
            Language(
                header.code,
                header.name,
                header.english_name,
                header.direction,
                header.offered,
                header.checked_by,
                header.translated.isoformat(),
            )
        )
    return tuple(found)


def language(code: str, data_file: Path | None = None) -> Language | None:
    return next((lang for lang in languages(data_file) if lang.code == code), None)


def from_locale(locale: str | None, data_file: Path | None = None) -> Language:
    """The offered language a browser's locale (``es-MX``) asks for, else English."""
    if locale:
        wanted = locale.replace("_", "-").split("-")[0].lower()
        for lang in languages(data_file):
            if lang.offered and lang.code.split("-")[0] == wanted:
                return lang
    return ENGLISH


def _po_path(code: str) -> Path:
    return locales_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(code: str) -> _gettext.NullTranslations:
    """The interface's words in ``code``; English (no catalogue) passes them through."""
    path = _po_path(code)
    try:
        stat = path.stat()
    except OSError:
        return _gettext.NullTranslations()
    return _read(str(path), code, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _read(path: str, code: str, modified_ns: int, size: int) -> _gettext.NullTranslations:
    del modified_ns, size  # the key: read again when the file changes
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=code.replace("-", "_").split("_")[0])
    buffer = io.BytesIO()
    # Fuzzy entries are a translator's guesses: they stay English until checked.
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


_active: contextvars.ContextVar[tuple[str, _gettext.NullTranslations]] = contextvars.ContextVar(
    "language", default=("en", _gettext.NullTranslations())
)


def activate(code: str) -> None:
    """Speak ``code`` in the code running now (this run of this session)."""
    _active.set((code, translations(code) if code != ENGLISH.code else _gettext.NullTranslations()))


def active() -> str:
    """The code of the language the code running now speaks."""
    return _active.get()[0]


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Speak ``code`` inside the block, then whatever was spoken before."""
    token = _active.set(
        (code, translations(code) if code != ENGLISH.code else _gettext.NullTranslations())
    )
    try:
        yield
    finally:
        _active.reset(token)


def gettext(message: str) -> str:
    """``message`` in the active language."""
    return _active.get()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for ``n``, in the active language."""
    return _active.get()[1].ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the active language, where the same English means two things."""
    return _active.get()[1].pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message


def format_date(day: _dt.date) -> str:
    """A date as the active language writes it in full: "02 December 2026" (as
    the app has always written it), "2 de diciembre de 2026"."""
    code = active()
    if code == ENGLISH.code or _babel_locale(code).language == "en":
        return _format_date(day, format="dd MMMM y", locale="en_GB")
    return _format_date(day, format="long", locale=_babel_locale(code))


@functools.lru_cache(maxsize=16)
def _babel_locale(code: str) -> Locale:
    # English dates are written day first, as the app always wrote them.
    if code == ENGLISH.code:
        return Locale.parse("en_GB")
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        # A language CLDR does not know (a pseudo-language for tests) writes
        # dates as English does.
        return Locale.parse("en_GB")
