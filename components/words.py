"""The data file's words as Compare draws them, worded once per version.

Every visitor's Compare page shows the same comparison table, the same cards
and the same pictures of 100: only a stylesheet says which options fit a
person's filters, and the side-by-side cards are looked up here by option.
So each is worded once per version of the data file and language (the
catalogue's fingerprint says both) and shared by every visitor, rather than
built again on each visitor's run. Nothing a person types or picks goes in:
the key is the fingerprint alone.

The caches are ``functools.lru_cache``: a lookup is a dictionary's, where
``st.cache_resource`` hashes its arguments (with ``inspect``) on every call,
which cost about as much as wording a card again, and Compare looks here once
for each card and picture. The catalogue itself stays in ``st.cache_resource``
(components/catalogue.py).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from components.catalogue import fingerprint, get_catalogue
from treatments import charts
from treatments.markdown import escape
from treatments.table import card_in_full, card_in_short, comparison_markdown


@dataclass(frozen=True)
class Picture:
    """A picture of 100 as the page shows it: the people, the picture's text
    version (its alt text) and its legend, in Markdown."""

    svg: str
    alt: str
    legend: str


def comparison_table() -> str:
    """The comparison table of every option, in Markdown."""
    return _table(fingerprint())


def option_cards(fields: tuple[str, ...]) -> Mapping[str, tuple[str, str]]:
    """Each option's short answers to ``fields`` and the fold under them, by option id."""
    return _cards(fingerprint(), fields)


def picture(option_id: str, position: int) -> Picture:
    """The picture of the ``position``-th benefit of the option ``option_id``."""
    return _pictures(fingerprint())[option_id, position]


@functools.lru_cache(maxsize=16)
def _table(version: str) -> str:
    del version  # the key
    catalogue = get_catalogue()
    return comparison_markdown(catalogue.options, catalogue)


@functools.lru_cache(maxsize=32)
def _cards(version: str, fields: tuple[str, ...]) -> Mapping[str, tuple[str, str]]:
    del version  # the key
    catalogue = get_catalogue()
    return MappingProxyType(
        {
            option.id: (card_in_short(option, fields), card_in_full(option, catalogue, fields))
            for option in catalogue.options
        }
    )


@functools.lru_cache(maxsize=16)
def _pictures(version: str) -> Mapping[tuple[str, int], Picture]:
    del version  # the key
    drawn = {}
    for option in get_catalogue().options:
        for benefit in charts.pictured(option):
            position = option.helps.index(benefit)
            legend = "\n\n".join(escape(group.words) for group in charts.icon_array_key(benefit))
            drawn[option.id, position] = Picture(
                charts.icon_grid_svg(benefit), charts.icon_array_summary(option, benefit), legend
            )
    return MappingProxyType(drawn)
