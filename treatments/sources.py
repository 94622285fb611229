"""The sources: their reference numbers, and what each one supports.

A source's number is its place in the data file's list; every view cites
sources by that number, and the Sources page lists them in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from treatments.facts import FIELDS
from treatments.i18n import N_, gettext
from treatments.rules import sourced_fields
from treatments.schema import Catalogue


def source_numbers(catalogue: Catalogue) -> dict[str, int]:
    """The reference number of each source: its place in the sources list."""
    return {source.key: number for number, source in enumerate(catalogue.sources, start=1)}


def cited_numbers(keys: Iterable[str], numbers: Mapping[str, int]) -> list[int]:
    """The reference numbers of ``keys``, in the order cited, each once.

    The one rule every view cites by: the table's and cards' links, the slides,
    the PowerPoint file and the printouts. A key with no number is an error,
    which the validator makes impossible.
    """
    return [numbers[key] for key in dict.fromkeys(keys)]


def citation(keys: Iterable[str], numbers: Mapping[str, int]) -> str:
    """``"[3, 12]"``: the sources of one fact, as printed text; ``""`` for none."""
    found = cited_numbers(keys, numbers)
    return f"[{', '.join(map(str, found))}]" if found else ""


def citations(catalogue: Catalogue) -> dict[str, list[str]]:
    """For each source key, what it supports, as ``"Option: field"`` labels (in
    the run's language)."""
    supports: dict[str, list[str]] = {s.key: [] for s in catalogue.sources}
    for section in catalogue.about:
        for key in section.sources:
            supports.setdefault(key, []).append(
                gettext("About: {heading}").format(heading=section.heading)
            )
    for part, label in (
        (catalogue.questions, N_("Questions for my visit")),
        (catalogue.sure, N_("The SURE check")),
    ):
        for key in part.sources if part is not None else ():
            supports.setdefault(key, []).append(gettext(label))
    for option in catalogue.options:
        for field, keys in sourced_fields(option):
            label = gettext("{option}: {question}").format(
                option=option.short_name, question=FIELDS[str(field[0])].label.lower()
            )
            for key in keys:
                if label not in supports.setdefault(key, []):
                    supports[key].append(label)
    return supports
