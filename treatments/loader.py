"""Read and check the data file.

One function, :func:`load_catalogue`, serves both the app and the command
line, so an educator sees the same problems in both. It never raises
anything but :class:`CatalogueError`, whose ``problems`` say where each
problem is (option, field and line) and what was expected.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from treatments.rules import RULES, Problem
from treatments.schema import Catalogue
from treatments.translation import problems as translation_problems_of
from treatments.translation import read_translation, translate, translation_path

ENV_VAR = "TREATMENTS_FILE"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "treatments.yaml"
# A hand-edited catalogue is tens of kilobytes; refuse anything far larger
# rather than spend the server's memory and time on it.
MAX_BYTES = 1_000_000
MAX_DEPTH = 12


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


def load_catalogue(path: Path | str | None = None, language: str = "en") -> Catalogue:
    """Read, parse and check a data file, in English or in a translation's words.

    A translation (:mod:`treatments.translation`) lays its words over the
    checked English data; it must give every text, be made from the English
    as it is now, and keep its numbers.

    Raises
    ------
    CatalogueError
        With one :class:`Problem` per thing wrong. Nothing else escapes.
    """
    path = Path(path) if path is not None else default_path()
    english, data = _load_english(path)
    if language == "en":
        return english
    return _translated(path, english, data, language)


def translation_problems(path: Path, english: Catalogue, data: Any, code: str) -> list[Problem]:
    """Why the ``code`` translation of the data file at ``path`` cannot be used."""
    try:
        _translated(path, english, data, code)
    except CatalogueError as exc:
        return exc.problems
    return []


def english_data(path: Path | str | None = None) -> tuple[Catalogue, Any]:
    """The checked English catalogue and the data it was read from."""
    return _load_english(Path(path) if path is not None else default_path())


def _translated(path: Path, english: Catalogue, data: Any, code: str) -> Catalogue:
    where = translation_path(path, code)
    try:
        translation = read_translation(where)
    except FileNotFoundError:
        raise CatalogueError(
            where, [Problem("file", f"no {code} translation at {where}")]
        ) from None
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise CatalogueError(where, [Problem("file", f"cannot read it: {exc}"[:300])]) from None
    found = [Problem(p.where, p.message) for p in translation_problems_of(data, translation)]
    if found:
        raise CatalogueError(where, found)
    try:
        catalogue = Catalogue.model_validate(translate(data, translation))
    except ValidationError as exc:
        raise CatalogueError(
            where, [Problem(".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()]
        ) from None
    found = list(_same_harms(english, catalogue))
    if found:
        raise CatalogueError(where, found)
    return catalogue


def _same_harms(english: Catalogue, translated: Catalogue) -> Iterator[Problem]:
    """The words that pick harms out by name pick the same harms in both languages."""
    for en, other in zip(english.priorities, translated.priorities, strict=True):
        for field in ("side_effects", "serious_risks"):
            for en_option, option in zip(english.options, translated.options, strict=True):
                if _picked(en_option, field, en.harms_about) != _picked(
                    option, field, other.harms_about
                ):
                    yield Problem(
                        f"priorities.{en.id}.harms_about",
                        f"its words pick other harms of {en_option.id} than the English "
                        f"({', '.join(other.harms_about)}): use words the harms' names hold",
                    )
    if english.check is not None and translated.check is not None:
        options = {o.id: (o, t) for o, t in zip(english.options, translated.options, strict=True)}
        for en_q, q in zip(english.check.questions, translated.check.questions, strict=True):
            if not en_q.fact.about or en_q.fact.option not in options:
                continue
            en_option, option = options[en_q.fact.option]
            field = en_q.fact.field
            if _picked(en_option, field, en_q.fact.about) != _picked(option, field, q.fact.about):
                yield Problem(
                    f"check.questions.{en_q.id}.fact.about",
                    "its words pick other harms than the English: use words the harms' names hold",
                )


def _picked(option: Any, field: str, words: list[str]) -> list[int]:
    harms = getattr(option, field, None)
    if not isinstance(harms, list) or not words:
        return []
    return [
        i
        for i, harm in enumerate(harms)
        if any(word.lower() in getattr(harm, "name", "").lower() for word in words)
    ]


@functools.lru_cache(maxsize=4)
def _load_english_cached(path: str, modified_ns: int, size: int) -> tuple[Catalogue, Any]:
    del modified_ns, size
    return _load_english_uncached(Path(path))


def _load_english(path: Path) -> tuple[Catalogue, Any]:
    try:
        stat = path.stat()
    except OSError:
        return _load_english_uncached(path)
    return _load_english_cached(str(path), stat.st_mtime_ns, stat.st_size)


def _load_english_uncached(path: Path) -> tuple[Catalogue, Any]:
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
    return catalogue, data


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
    """The rules that need the whole file, not one field (:data:`treatments.rules.RULES`)."""

    def problem(loc: tuple[str | int, ...], message: str) -> Problem:
        return Problem(_describe(loc, data), message, _line_of(root, loc))

    for rule in RULES:
        yield from rule(catalogue, problem)
