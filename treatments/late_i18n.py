"""The interface's words for the modules the loader itself imports.

:mod:`treatments.i18n` imports the loader (to find the data file's
languages), and the loader's rules import the words of the facts:
:mod:`treatments.schema`, :mod:`treatments.wording`, :mod:`treatments.facts`
and :mod:`treatments.check`. Those cannot take names from
:mod:`treatments.i18n` as they are imported: whichever of the two Python
reached first would still be half made. These functions find
:mod:`treatments.i18n` when they are called, by then whole; otherwise they
are its own, and gettext's tools find the messages marked with them by
their names as they find any other.
"""

from __future__ import annotations


def gettext(message: str) -> str:
    """:func:`treatments.i18n.gettext`, looked up when called."""
    from treatments import i18n

    return i18n.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """:func:`treatments.i18n.ngettext`, looked up when called."""
    from treatments import i18n

    return i18n.ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Mark ``message`` for extraction, as :func:`treatments.i18n.N_` does."""
    return message
