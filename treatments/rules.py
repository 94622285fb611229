"""The rules a data file must pass that need the whole file, not one field.

Each rule is one small function that yields the problems it finds, each at its
place in the file; :data:`RULES` lists them, and the loader runs every one.
A new rule is one new function in that list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from treatments import check
from treatments.model import FIGURE_SOURCE_KINDS
from treatments.schema import HARM_FIELDS, NO_TREATMENT_KIND, Catalogue, Range

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file."""

    where: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        line = f" (line {self.line})" if self.line else ""
        return f"{self.where}{line}: {self.message}"


# How a rule reports: a place in the file, and what is wrong there.
Report = Callable[[Where, str], Problem]
Rule = Callable[[Catalogue, Report], Iterator[Problem]]


def unique_keys_and_ids(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    for field, values in (
        ("sources", [s.key for s in catalogue.sources]),
        ("options", [o.id for o in catalogue.options]),
    ):
        counts = Counter(values)
        for index, value in enumerate(values):
            if counts[value] > 1 and values.index(value) != index:
                what = "source key" if field == "sources" else "option id"
                yield problem((field, index), f"duplicate {what} {value!r}")


def unique_short_names(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    short_names = Counter(o.short_name.casefold() for o in catalogue.options)
    for index, option in enumerate(catalogue.options):
        if short_names[option.short_name.casefold()] > 1:
            yield problem(("options", index, "short_name"), "two options share this short name")


def cited_sources_exist(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    known = {s.key for s in catalogue.sources}
    for loc, keys in _cited(catalogue):
        for key in keys:
            if key not in known:
                yield problem(
                    loc, f"unknown source key {key!r} (add it to sources, or fix the spelling)"
                )


def every_source_is_cited(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    used = {key for _, keys in _cited(catalogue) for key in keys}
    for index, source in enumerate(catalogue.sources):
        if source.key not in used:
            yield problem(
                ("sources", index), f"source {source.key!r} is never cited; cite it or remove it"
            )


def counts_rest_on_studies(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    # A number a person weighs rests on a study, review, guideline or label.
    kinds = {s.key: s.kind for s in catalogue.sources}
    for loc, keys in _counted(catalogue):
        if any(key in kinds for key in keys) and not any(
            kinds.get(key) in FIGURE_SOURCE_KINDS for key in keys
        ):
            cited = ", ".join(f"{key} ({kinds[key]})" for key in keys if key in kinds)
            yield problem(
                loc,
                "a count of people needs at least one study, review, guideline or drug "
                f"label among its sources; these are not: {cited}",
            )


def figures_rest_on_studies(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    # Not only a count of people: any number a person reads (nights in
    # hospital, hours, weeks, how often) rests on a study, review, guideline
    # or label. A patient or clinic page may say how a treatment is done, in
    # words with no number. Counts of people have their own rule above.
    kinds = {s.key: s.kind for s in catalogue.sources}
    counted = {loc for loc, _ in _counted_items(catalogue)}
    for loc, item in _sourced_items(catalogue):
        keys = item.sources
        if loc in counted or any(kinds.get(key) in FIGURE_SOURCE_KINDS for key in keys):
            continue
        figure = next(_figures(item), None)
        if figure is not None and any(key in kinds for key in keys):
            cited = ", ".join(f"{key} ({kinds[key]})" for key in keys if key in kinds)
            yield problem(
                loc,
                f"{figure!r} is a number, so it needs at least one study, review, guideline "
                f"or drug label among its sources; these are not: {cited}",
            )


# An option's place on the invasiveness scale is the data file's own
# judgement, not a figure from a source.
_NOT_FIGURES = frozenset({"sources", "level"})
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _figures(node: Any) -> Iterator[str]:
    """The numbers a sourced item states: digits in its words, or a range
    above none (no nights in hospital is how a treatment is done, not a figure)."""
    if isinstance(node, str):
        yield from _DIGITS.findall(node)
    elif isinstance(node, Range):
        if node.high > 0:
            yield f"{node.low} to {node.high}"
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name not in _NOT_FIGURES:
                yield from _figures(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _figures(value)


def old_kind_names_are_free(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    """A kind's old name (``kind_was``) stands for it in old links: it must not
    be any kind's name now, nor another option's old name."""
    kinds = {option.kind for option in catalogue.options}
    seen: dict[str, str] = {}
    for number, option in enumerate(catalogue.options):
        for position, name in enumerate(option.kind_was):
            loc = ("options", number, "kind_was", position)
            if name in kinds:
                yield problem(loc, f"{name!r} is the name of a kind now")
            elif seen.setdefault(name, option.kind) != option.kind:
                yield problem(loc, f"{name!r} is already the old name of {seen[name]!r}")


def one_no_treatment_option(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    waiting = [o for o in catalogue.options if o.kind == NO_TREATMENT_KIND]
    if len(waiting) != 1:
        yield problem(
            ("options",),
            f"there must be exactly one option of kind {NO_TREATMENT_KIND!r} "
            f"(found {len(waiting)}); decision-aid standards require the choice of no treatment",
        )


# Where a source may link. Never to a raw data query, a staging or
# content-management host, or a reseller of abstracts: a person who follows
# the link must reach the paper, its PubMed page, or the official label.
_NEVER_HOSTS = re.compile(
    r"(^api\.|\.umbraco\.io$|staging|^discovery\.researcher\.life$|bvsalud\.org$|omeka\.net$)"
)
# Indexes of abstracts: a link of last resort, only where the source says
# what of its citation could not be found.
_INDEX_HOSTS = re.compile(r"(^scilit\.com$|\.pure\.elsevier\.com$)")
# The paper itself, its record in PubMed or PubMed Central, or the journal's page.
_PAPER_HOSTS = re.compile(
    r"^(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov|pubmed\.gov|www\.ncbi\.nlm\.nih\.gov"
    r"|pmc\.ncbi\.nlm\.nih\.gov|www\.mdpi\.com|jnnp\.bmj\.com|(www\.)?painphysicianjournal\.com"
    r"|www\.karger\.com|annals\.edu\.sg)$"
)
_LABEL_HOSTS = re.compile(r"^(dailymed\.nlm\.nih\.gov|(www\.)?(accessdata\.)?fda\.gov)$")
# "Miller LE, Miller VM." / "Barker FG 2nd, ..." / "Duarte GS et al." / "Hermier M."
_AUTHORS = re.compile(r"^[A-Z][\w'\-]+(?: [A-Z][\w'\-]+)* [A-Z]{1,3}(?: 2nd)?(?:,| et al\.|\.)")


def citations_are_whole(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    # A source a number may rest on is cited in full (authors, year, journal,
    # a link to the paper), unless ``citation_gap`` says what could not be found.
    for index, source in enumerate(catalogue.sources):
        here = ("sources", index, "url")
        host = (urlsplit(source.url).hostname or "").lower()
        if _NEVER_HOSTS.search(host):
            yield problem(
                here,
                f"{host} is a data query, a staging host or an abstract reseller: link the "
                "paper (its DOI), its PubMed page, or the official label page",
            )
            continue
        if source.kind not in FIGURE_SOURCE_KINDS or source.citation_gap:
            continue
        if source.kind == "drug label":
            if not _LABEL_HOSTS.match(host):
                yield problem(here, "link a drug label on DailyMed or the regulator's own site")
            continue
        if _INDEX_HOSTS.search(host) or not _PAPER_HOSTS.match(host):
            yield problem(
                here,
                f"{host} is not the paper, PubMed or the journal: link the DOI or PubMed page, "
                "or say what could not be found in citation_gap",
            )
        if not _AUTHORS.match(source.citation):
            yield problem(
                ("sources", index, "citation"),
                'start with the authors ("Miller LE, Miller VM." or "Duarte GS et al."), '
                "or say in citation_gap that they could not be found",
            )
        if source.year is None:
            yield problem(
                ("sources", index, "year"),
                "give the year, or say in citation_gap that it could not be found",
            )


def mixed_groups_say_so(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    # A count from studies that also had people with other conditions says so
    # beside the number; the sources say which studies those are.
    by_key = {s.key: s for s in catalogue.sources}
    for loc, item in _counted_items(catalogue):
        studies = [by_key[k] for k in item.sources if k in by_key]
        studies = [s for s in studies if s.kind in FIGURE_SOURCE_KINDS]
        mixed = [s.key for s in studies if s.mixed_group]
        if item.mixed_group and not mixed:
            yield problem(
                (*loc, "mixed_group"),
                "mixed_group is set, but none of its sources is marked mixed_group",
            )
        elif not item.mixed_group and studies and len(mixed) == len(studies):
            yield problem(
                (*loc, "mixed_group"),
                "every study behind this count also had people with other conditions "
                f"({', '.join(mixed)}): set mixed_group: true, so the page says so",
            )


def per_round_counts_have_a_whole_risk(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    # A count for each round of shots is not a person's whole risk: an option
    # that gives one also gives a person's risk over the years of treatment.
    for index, option in enumerate(catalogue.options):
        harms = [*option.side_effects, *option.serious_risks]
        if any(h.counts == "over time" for h in harms):
            continue
        for field in HARM_FIELDS:
            for i, harm in enumerate(getattr(option, field)):
                if harm.counts == "each round":
                    yield problem(
                        ("options", index, field, i, "counts"),
                        "a count for each round of shots is not a person's whole risk: "
                        "also give a harm counted over time (counts: over time)",
                    )


def priorities_line_up_every_option(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    # Equal detail: every priority lines up every option, and every judgement
    # it uses says what it means.
    ids = [o.id for o in catalogue.options]
    seen: set[str] = set()
    for index, priority in enumerate(catalogue.priorities):
        here = ("priorities", index)
        if priority.id in seen:
            yield problem(here, f"duplicate priority id {priority.id!r}")
        seen.add(priority.id)
        for option_id in priority.fit:
            if option_id not in ids:
                yield problem((*here, "fit"), f"unknown option id {option_id!r}")
        missing = [i for i in ids if i not in priority.fit]
        if missing:
            yield problem((*here, "fit"), f"say how these options fit: {', '.join(missing)}")
        for judgement in sorted(set(priority.fit.values()) - set(priority.meaning)):
            yield problem((*here, "meaning"), f"say what {judgement!r} means here")


_NUMBER = re.compile(r"\d[\d,.]*")


def _numbers(text: str) -> set[str]:
    return {n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(text)}


def check_rests_on_facts(catalogue: Catalogue, problem: Report) -> Iterator[Problem]:
    """Each check question names known options, and its answer's numbers are
    the fact's own: a number lives once, in the option's fact."""
    if catalogue.check is None:
        return
    by_id = {o.id: o for o in catalogue.options}
    # A room's deck lists its issue cards and its check questions together.
    card_ids = {card.id for card in catalogue.deck.issue_cards}
    for index, question in enumerate(catalogue.check.questions):
        here = ("check", "questions", index)
        if question.id in card_ids:
            yield problem((*here, "id"), f"{question.id!r} is an issue card's id too")
        for position, choice in enumerate(question.choices):
            if choice not in by_id:
                yield problem((*here, "choices", position), f"unknown option id {choice!r}")
        option = by_id.get(question.fact.option)
        if option is None:
            yield problem((*here, "fact", "option"), f"unknown option id {question.fact.option!r}")
            continue
        if question.fact.about and question.fact.field not in HARM_FIELDS:
            yield problem((*here, "fact", "about"), "only a list of harms can be cut down")
            continue
        lines = check.fact_lines(question, catalogue)
        if not lines:
            yield problem((*here, "fact", "about"), "no harm's name holds these words")
            continue
        said = " ".join(line.headline for line in lines)
        for name in ("question", "why"):
            extra = sorted(_numbers(getattr(question, name)) - _numbers(said))
            if extra:
                yield problem(
                    (*here, name),
                    f"{', '.join(extra)} is not in the fact it points at "
                    f"({option.id}, {question.fact.field}): a number lives in the fact alone",
                )


RULES: tuple[Rule, ...] = (
    unique_keys_and_ids,
    unique_short_names,
    cited_sources_exist,
    every_source_is_cited,
    counts_rest_on_studies,
    figures_rest_on_studies,
    citations_are_whole,
    mixed_groups_say_so,
    per_round_counts_have_a_whole_risk,
    priorities_line_up_every_option,
    one_no_treatment_option,
    old_kind_names_are_free,
    check_rests_on_facts,
)


def _counted_items(catalogue: Catalogue) -> Iterator[tuple[Where, Any]]:
    """Every benefit or harm with a count of people (out of 100 or 1,000)."""
    for index, option in enumerate(catalogue.options):
        for i, benefit in enumerate(option.helps):
            if benefit.per_100 is not None:
                yield ("options", index, "helps", i), benefit
        for field in HARM_FIELDS:
            for i, harm in enumerate(getattr(option, field)):
                if harm.count is not None:
                    yield ("options", index, field, i), harm


def _counted(catalogue: Catalogue) -> Iterator[tuple[Where, list[str]]]:
    """Every count of people (out of 100 or 1,000), with the sources it cites."""
    for loc, item in _counted_items(catalogue):
        yield (*loc, "sources"), item.sources


def _cited(catalogue: Catalogue) -> Iterator[tuple[Where, list[str]]]:
    """Every place that cites sources, with its location in the file."""
    for loc, item in _sourced_items(catalogue):
        yield (*loc, "sources"), item.sources


def _sourced_items(catalogue: Catalogue) -> Iterator[tuple[Where, Any]]:
    """Every part of the file that cites sources, with its location."""
    for index, section in enumerate(catalogue.about):
        yield ("about", index), section
    for name in ("questions", "sure"):
        if (part := getattr(catalogue, name)) is not None:
            yield (name,), part
    for index, option in enumerate(catalogue.options):
        for field, item in _sourced_parts(option):
            yield ("options", index, *field), item


def _sourced_parts(option: Any) -> Iterator[tuple[Where, Any]]:
    for name in type(option).model_fields:
        value = getattr(option, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if hasattr(item, "sources"):
                    yield (name, i), item
        elif hasattr(value, "sources"):
            yield (name,), value


def sourced_fields(option: Any) -> Iterator[tuple[Where, list[str]]]:
    """Each field of an option that cites sources, with the keys it cites."""
    for field, item in _sourced_parts(option):
        yield field, item.sources
