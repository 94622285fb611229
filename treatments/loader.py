"""Read and check the data file.

One function, :func:`load_catalogue`, serves both the app and the command
line, so an educator sees the same problems in both. It never raises
anything but :class:`CatalogueError`, whose ``problems`` say where each
problem is (option, field and line) and what was expected.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import ValidationError

from treatments.schema import FIGURE_SOURCE_KINDS, HARM_FIELDS, NO_TREATMENT_KIND, Catalogue

ENV_VAR = "TREATMENTS_FILE"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "treatments.yaml"
# A hand-edited catalogue is tens of kilobytes; refuse anything far larger
# rather than spend the server's memory and time on it.
MAX_BYTES = 1_000_000
MAX_DEPTH = 12


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file."""

    where: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        line = f" (line {self.line})" if self.line else ""
        return f"{self.where}{line}: {self.message}"


class CatalogueError(Exception):
    """The data file cannot be used. ``problems`` lists every reason found."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: {len(problems)} problem(s)")


def default_path() -> Path:
    """The data file to use: ``$TREATMENTS_FILE`` if set, else the bundled one."""
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override) if override else DEFAULT_PATH


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    """Read, parse and check a data file.

    Raises
    ------
    CatalogueError
        With one :class:`Problem` per thing wrong. Nothing else escapes.
    """
    path = Path(path) if path is not None else default_path()
    text = _read_text(path)
    root_node, data = _parse(path, text)
    if not isinstance(data, dict):
        raise CatalogueError(
            path,
            [Problem("file", "the top level must be a mapping with meta, sources and options")],
        )
    try:
        catalogue = Catalogue.model_validate(data)
    except ValidationError as exc:
        raise CatalogueError(path, list(_schema_problems(exc, data, root_node))) from None
    problems = list(_cross_check(catalogue, data, root_node))
    if problems:
        raise CatalogueError(path, problems)
    return catalogue


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CatalogueError(path, [Problem("file", f"no file at {path}")]) from None
    except OSError as exc:
        raise CatalogueError(path, [Problem("file", f"cannot read it ({exc.strerror})")]) from None
    if path.is_dir():
        raise CatalogueError(path, [Problem("file", "this is a folder, not a file")])
    if size > MAX_BYTES:
        raise CatalogueError(
            path,
            [
                Problem(
                    "file",
                    f"it is {size:,} bytes; the limit is {MAX_BYTES:,}. Is it the right file?",
                )
            ],
        )
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(
            path, [Problem("file", f"it is not UTF-8 text (byte {exc.start})")]
        ) from None
    except OSError as exc:
        raise CatalogueError(path, [Problem("file", f"cannot read it ({exc.strerror})")]) from None
    if not text.strip():
        raise CatalogueError(path, [Problem("file", "the file is empty")])
    return text


class _AliasError(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses aliases as it composes.

    Aliases let a small file expand into a huge structure; a hand-written
    catalogue never needs them.
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _AliasError(self.peek_event().start_mark.line + 1)
        return super().compose_node(parent, index)


def _parse(path: Path, text: str) -> tuple[yaml.Node, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None and _depth(node) > MAX_DEPTH:
            raise CatalogueError(
                path, [Problem("file", f"the file is nested more than {MAX_DEPTH} levels deep")]
            )
        data = loader.construct_document(node) if node is not None else None
    except _AliasError as exc:
        raise CatalogueError(
            path, [Problem("file", "YAML aliases (*name) are not allowed", exc.line)]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context or "not valid YAML"
        raise CatalogueError(
            path, [Problem("file", f"YAML syntax error: {reason}", line)]
        ) from None
    except yaml.YAMLError as exc:
        raise CatalogueError(path, [Problem("file", f"YAML syntax error: {exc}")]) from None
    except RecursionError:
        raise CatalogueError(path, [Problem("file", "the file is nested too deeply")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise CatalogueError(path, [Problem("file", "the file is empty")])
    return node, data


def _depth(root: yaml.Node) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, depth + 1) for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
    return deepest


def _line_of(root: yaml.Node, loc: Iterable[str | int]) -> int | None:
    """The line of the deepest node on ``loc`` that exists in the file."""
    node, line = root, root.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if 0 <= part < len(node.value) else None
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def _describe(loc: tuple[str | int, ...], data: Any) -> str:
    """``options[2] (mvd).repeat.every`` from a pydantic location."""
    out, here = "", data
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            item = here[part] if isinstance(here, list) and 0 <= part < len(here) else None
            label = item.get("id") or item.get("key") if isinstance(item, dict) else None
            if isinstance(label, str):
                out += f" ({label[:40]})"
            here = item
        else:
            out += f".{part}" if out else part
            here = here.get(part) if isinstance(here, dict) else None
    return out or "file"


def _schema_problems(exc: ValidationError, data: Any, root: yaml.Node) -> Iterator[Problem]:
    for error in exc.errors(include_url=False):
        # Pydantic adds the branch it tried ("function-after[...]") to the
        # location; the educator needs only the path in their file.
        loc = tuple(p for p in error["loc"] if isinstance(p, int) or "[" not in p)
        message = error["msg"]
        if message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        if error["type"] == "missing":
            message = "field required"
        elif error["type"] == "extra_forbidden":
            message = "unknown field (is it misspelt?)"
        elif error["type"] == "string_pattern_mismatch":
            message = _pattern_hint(loc, error.get("input"))
        else:
            message = message[:1].lower() + message[1:]
        yield Problem(_describe(loc, data), message, _line_of(root, loc))


def _pattern_hint(loc: tuple[str | int, ...], value: Any) -> str:
    shown = repr(value)[:60]
    last = next((p for p in reversed(loc) if isinstance(p, str)), "")
    hints = {
        "url": "a link must start with http:// or https://",
        "id": "an id uses only lower-case letters, digits and dashes",
        "key": "a source key uses only capital letters, digits and dashes",
        "sources": "a source key uses only capital letters, digits and dashes",
    }
    return f"{hints.get(last, 'not in the expected form')}, not {shown}"


def _cross_check(catalogue: Catalogue, data: Any, root: yaml.Node) -> Iterator[Problem]:
    """Rules that need the whole file, not one field."""

    def problem(loc: tuple[str | int, ...], message: str) -> Problem:
        return Problem(_describe(loc, data), message, _line_of(root, loc))

    for field, values in (
        ("sources", [s.key for s in catalogue.sources]),
        ("options", [o.id for o in catalogue.options]),
    ):
        counts = Counter(values)
        for index, value in enumerate(values):
            if counts[value] > 1 and values.index(value) != index:
                what = "source key" if field == "sources" else "option id"
                yield problem((field, index), f"duplicate {what} {value!r}")

    short_names = Counter(o.short_name.casefold() for o in catalogue.options)
    for index, option in enumerate(catalogue.options):
        if short_names[option.short_name.casefold()] > 1:
            yield problem(("options", index, "short_name"), "two options share this short name")

    known = {s.key for s in catalogue.sources}
    used: set[str] = set()
    for loc, keys in _cited(catalogue):
        used.update(keys)
        for key in keys:
            if key not in known:
                yield problem(
                    loc, f"unknown source key {key!r} (add it to sources, or fix the spelling)"
                )

    for index, source in enumerate(catalogue.sources):
        if source.key not in used:
            yield problem(
                ("sources", index), f"source {source.key!r} is never cited; cite it or remove it"
            )

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

    yield from _citation_problems(catalogue, problem)
    yield from _mixed_group_problems(catalogue, problem)
    yield from _per_round_problems(catalogue, problem)
    yield from _priority_problems(catalogue, problem)

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


def _citation_problems(
    catalogue: Catalogue, problem: Callable[[tuple[str | int, ...], str], Problem]
) -> Iterator[Problem]:
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


def _mixed_group_problems(
    catalogue: Catalogue, problem: Callable[[tuple[str | int, ...], str], Problem]
) -> Iterator[Problem]:
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


def _per_round_problems(
    catalogue: Catalogue, problem: Callable[[tuple[str | int, ...], str], Problem]
) -> Iterator[Problem]:
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


def _priority_problems(
    catalogue: Catalogue, problem: Callable[[tuple[str | int, ...], str], Problem]
) -> Iterator[Problem]:
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


def _counted_items(catalogue: Catalogue) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every benefit or harm with a count of people (out of 100 or 1,000)."""
    for index, option in enumerate(catalogue.options):
        for i, benefit in enumerate(option.helps):
            if benefit.per_100 is not None:
                yield ("options", index, "helps", i), benefit
        for field in HARM_FIELDS:
            for i, harm in enumerate(getattr(option, field)):
                if harm.count is not None:
                    yield ("options", index, field, i), harm


def _counted(catalogue: Catalogue) -> Iterator[tuple[tuple[str | int, ...], list[str]]]:
    """Every count of people (out of 100 or 1,000), with the sources it cites."""
    for loc, item in _counted_items(catalogue):
        yield (*loc, "sources"), item.sources


def _cited(catalogue: Catalogue) -> Iterator[tuple[tuple[str | int, ...], list[str]]]:
    """Every place that cites sources, with its location in the file."""
    for index, section in enumerate(catalogue.about):
        yield ("about", index, "sources"), section.sources
    for name in ("questions", "sure"):
        if (part := getattr(catalogue, name)) is not None:
            yield (name, "sources"), part.sources
    for index, option in enumerate(catalogue.options):
        for field, loc_value in sourced_fields(option):
            yield ("options", index, *field, "sources"), loc_value


def sourced_fields(option: Any) -> Iterator[tuple[tuple[str | int, ...], list[str]]]:
    for name in type(option).model_fields:
        value = getattr(option, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if hasattr(item, "sources"):
                    yield (name, i), item.sources
        elif hasattr(value, "sources"):
            yield (name,), value.sources
