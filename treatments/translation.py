"""The data file's words in another language: one file per language, words only.

``data/treatments.es.yaml`` sits beside ``data/treatments.yaml``. It holds a
``language`` header (its code, its name in itself, when it was translated and
whether a professional medical translator has checked it) and ``texts``: one
entry per text of the English file, keyed by where that text is
(``options.injections.repeat.note``; list items by their id, key or letter
where they have one, else by their place). Each entry keeps the fingerprint
of the English it was made from (``from``), so editing an English text makes
its translation stale, and the validator says so.

Numbers, ranges, source keys, links and every other key stay in the English
file only: :func:`translate` lays the words over a copy of the English data,
and :func:`problems` refuses a translation that is missing a text, is stale,
names a text the English does not have, or carries a number (or a
``{placeholder}``) its English does not.

Sources keep their titles and citations as published; only a source's own
``note`` is translated.
"""

from __future__ import annotations

import copy
import datetime as _dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, StringConstraints

from treatments.model import Model

# The keys whose values are words a person reads. Everything else (ids, keys,
# links, numbers, the closed choices such as ``when`` or ``counts``) is the
# same in every language and lives in the English file only.
WORD_KEYS = frozenset(
    {
        "title",
        "update_policy",
        "funding",
        "made_by",
        "disclaimer",
        "term",
        "meaning",
        "heading",
        "text",
        "name",
        "short_name",
        "note",
        "every",
        "means",
        "caveat",
        "over",
        "no_figure_because",
        "label",
        "harms_about",
        "about",
        "items",
        "question",
        "why",
        "intro",
        "points",
        "speaker_note",
        "option_note",
        "option_harms_note",
        "check_note",
        "answer_note",
        "citation_gap",
    }
)
# A source's title and citation are its published name, quoted as it is.
_NOT_WORDS_UNDER = {"sources": frozenset({"title"})}
# ``kind`` names a kind in web addresses, so it stays English there; its
# translation is the name a page shows (``kind_name``).
KIND_KEY = "kind"
# Keys that name a list item in a text's place.
_ITEM_NAMES = ("id", "key", "letter")

Path_ = str
Direction = Literal["ltr", "rtl"]
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def fingerprint(text: str) -> str:
    """A short hash of a text, its spaces evened out (YAML folds lines)."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:10]


def english_texts(data: Mapping[str, Any]) -> dict[Path_, str]:
    """Every text of the English data a translation must give, by its place."""
    return dict(_walk(data, "", None))


def _walk(node: Any, where: str, key: str | None) -> Iterator[tuple[Path_, str]]:
    if isinstance(node, Mapping):
        for name, value in node.items():
            name = str(name)
            here = f"{where}.{name}" if where else name
            top = where.split(".", 1)[0]
            if name in _NOT_WORDS_UNDER.get(top, frozenset()):
                continue
            if name in WORD_KEYS or (name == "meaning" and isinstance(value, Mapping)):
                yield from _words(value, here)
            elif _is_option_kind(where, name, value):
                yield here, value
            elif isinstance(value, (Mapping, list)):
                yield from _walk(value, here, name)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{where}.{_item_name(item, index)}", key)


def _is_option_kind(where: str, name: Any, value: Any) -> bool:
    # An option's own kind (options.<id>.kind), not its anaesthesia's.
    return (
        name == KIND_KEY
        and where.startswith("options.")
        and where.count(".") == 1
        and isinstance(value, str)
    )


def _words(value: Any, where: str) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield f"{where}.{index}", item
            else:
                yield from _walk(item, f"{where}.{_item_name(item, index)}", None)
    elif isinstance(value, Mapping):
        for name, item in value.items():
            if isinstance(item, str):
                yield f"{where}.{_yaml_key(name)}", item


def _yaml_key(name: Any) -> str:
    # YAML reads a bare no as False: "no" is the key the file meant.
    if isinstance(name, bool):
        return "yes" if name else "no"
    return str(name)


def _item_name(item: Any, index: int) -> str:
    if isinstance(item, Mapping):
        for name in _ITEM_NAMES:
            value = item.get(name)
            if isinstance(value, str) and value:
                return value
    return str(index)


LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


class LanguageHeader(Model):
    """Who a translation is for and how far it can be trusted."""

    code: LanguageCode
    # The language's name in itself ("Español"), as the language switch shows it.
    name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    english_name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    direction: Direction = "ltr"
    translated: _dt.date
    # Empty until a professional medical translator has checked every text.
    checked_by: str | None = None
    checked: _dt.date | None = None
    # Offered in the language switch. A pseudo-language for tests is not.
    offered: bool = True


class Entry(Model):
    """One text in the other language, and the English it was made from."""

    from_: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{10}$")] = Field(alias="from")
    # Empty while it waits for its translator: it counts as missing.
    text: Annotated[str, StringConstraints(max_length=2000, strip_whitespace=True)]


class ContentTranslation(Model):
    language: LanguageHeader
    texts: dict[str, Entry] = Field(default_factory=dict)


@dataclass(frozen=True)
class TranslationProblem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def translation_path(english: Path, code: str) -> Path:
    """Where the ``code`` translation of an English data file lives."""
    return english.with_name(f"{english.stem}.{code}{english.suffix}")


def back_translation_path(english: Path, code: str) -> Path:
    """Where a reviewer's English, made from the ``code`` words alone, lives."""
    return english.with_name(f"{english.stem}.{code}.back{english.suffix}")


def translation_files(english: Path) -> list[Path]:
    """The translations beside an English data file, by language code."""
    pattern = re.compile(rf"^{re.escape(english.stem)}\.([a-z]{{2,3}}(?:-[A-Za-z0-9]+)*)$")
    found = []
    for path in sorted(english.parent.glob(f"{english.stem}.*{english.suffix}")):
        if pattern.match(path.stem):
            found.append(path)
    return found


def read_translation(path: Path) -> ContentTranslation:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return ContentTranslation.model_validate(data)


def problems(
    english: Mapping[str, Any], translation: ContentTranslation
) -> list[TranslationProblem]:
    """Everything that keeps a translation from standing in for the English."""
    wanted = english_texts(english)
    found: list[TranslationProblem] = []
    for where, text in wanted.items():
        entry = translation.texts.get(where)
        if entry is None or not entry.text:
            found.append(TranslationProblem(where, "no translation of this text"))
            continue
        if entry.from_ != fingerprint(text):
            found.append(
                TranslationProblem(
                    where, "the English changed after this was translated: translate it again"
                )
            )
        missing, extra = _differ(_NUMBER, text, entry.text)
        if missing or extra:
            found.append(TranslationProblem(where, _numbers_message(missing, extra)))
        missing, extra = _differ(_PLACEHOLDER, text, entry.text)
        if missing or extra:
            found.append(
                TranslationProblem(
                    where,
                    "keep the {placeholders} of the English as they are: "
                    + ", ".join(sorted(set(missing) | set(extra))),
                )
            )
    for where in translation.texts.keys() - wanted.keys():
        found.append(TranslationProblem(where, "the English file has no text here"))
    return found


def _differ(pattern: re.Pattern[str], english: str, other: str) -> tuple[list[str], list[str]]:
    wanted, given = Counter(pattern.findall(english)), Counter(pattern.findall(other))
    return sorted((wanted - given).elements()), sorted((given - wanted).elements())


def _numbers_message(missing: list[str], extra: list[str]) -> str:
    parts = []
    if missing:
        parts.append(f"the English has {', '.join(missing)}, which this does not")
    if extra:
        parts.append(f"this has {', '.join(extra)}, which the English does not")
    return "numbers live in the English file only: " + "; ".join(parts)


def translate(english: Mapping[str, Any], translation: ContentTranslation) -> dict[str, Any]:
    """A copy of the English data with each translated text in its place.

    A text with no translation stays English (the validator reports it); a
    question ``answered_by`` names follows its question into the language.
    """
    data = copy.deepcopy(dict(english))
    texts = {where: entry.text for where, entry in translation.texts.items() if entry.text}
    _lay(data, "", texts)
    for option, english_option in zip(
        data.get("options", []), english.get("options", []), strict=False
    ):
        if isinstance(option, dict) and isinstance(english_option, Mapping):
            option["address_name"] = english_option.get("short_name")
    questions = data.get("questions")
    english_questions = english.get("questions")
    if isinstance(questions, dict) and isinstance(english_questions, Mapping):
        renamed = dict(
            zip(english_questions.get("items", []), questions.get("items", []), strict=False)
        )
        answered = questions.get("answered_by")
        if isinstance(answered, dict):
            questions["answered_by"] = {renamed.get(q, q): f for q, f in answered.items()}
    return data


def _lay(node: Any, where: str, texts: Mapping[str, str]) -> None:
    if isinstance(node, dict):
        top = where.split(".", 1)[0] if where else ""
        for name in list(node):
            value = node[name]
            here = f"{where}.{name}" if where else str(name)
            if str(name) in _NOT_WORDS_UNDER.get(top, frozenset()):
                continue
            if name in WORD_KEYS or (name == "meaning" and isinstance(value, dict)):
                node[name] = _lay_words(value, here, texts)
            elif _is_option_kind(where, name, value):
                if here in texts:
                    node["kind_name"] = texts[here]
            elif isinstance(value, (dict, list)):
                _lay(value, here, texts)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _lay(item, f"{where}.{_item_name(item, index)}", texts)


def _lay_words(value: Any, where: str, texts: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return texts.get(where, value)
    if isinstance(value, list):
        laid = []
        for index, item in enumerate(value):
            if isinstance(item, str):
                laid.append(texts.get(f"{where}.{index}", item))
            else:
                _lay(item, f"{where}.{_item_name(item, index)}", texts)
                laid.append(item)
        return laid
    if isinstance(value, dict):
        return {k: _lay_words(v, f"{where}.{_yaml_key(k)}", texts) for k, v in value.items()}
    return value
