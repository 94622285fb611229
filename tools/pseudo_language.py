"""Write a pseudo-language: every word of the tool marked and made longer.

    python -m tools.pseudo_language OUT_DIR

Writes ``OUT_DIR/treatments.yaml`` (a copy of the data file),
``OUT_DIR/treatments.qps.yaml`` (its texts in the pseudo-language) and
``OUT_DIR/locales/qps/LC_MESSAGES/messages.po`` (the interface's words, from
``locales/messages.pot``). Point the app at them with ``TREATMENTS_FILE`` and
``TREATMENTS_LOCALES`` and it offers a third language, with no change to its
code: the proof that adding a language is adding files. Every letter of a
pseudo word is accented (``Compare`` becomes ``Çóómpááréé``) and each vowel
doubled, about a third longer, as Spanish runs: a plain ASCII word left on a
page is a word that skipped translation, and a layout that breaks with
longer words shows it.
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from treatments.loader import default_path
from treatments.translation import english_texts, fingerprint

CODE = "qps"
ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "locales" / "messages.pot"

_LETTERS = str.maketrans(
    "aAcCeEiInNoOsSuUyYzZ",
    "áÁçÇéÉíÍñÑóÓšŠúÚýÝžŽ",
)
# Kept as they are: placeholders, links' addresses, icons, Markdown's escapes
# and entities, and numbers (a translation never changes a number).
_KEEP = re.compile(
    r"\{[a-z_]*\}|\]\([^)]*\)|:material/[a-z_]+:|https?://\S+|&[a-z]+;|<[^>]+>|\\.|\d+"
)
_VOWELS = re.compile(r"([aeiouAEIOU])")


def pseudo(text: str) -> str:
    """``text`` in the pseudo-language, its placeholders, links and numbers kept."""
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append(_word_by_word(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_word_by_word(text[last:]))
    return "".join(out)


def _word_by_word(text: str) -> str:
    return _VOWELS.sub(r"\1\1", text).translate(_LETTERS)


def write(out: Path, data_file: Path | None = None, template: Path = TEMPLATE) -> None:
    data_file = data_file or default_path()
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(data_file, out / "treatments.yaml")
    english = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    texts = {
        where: {"from": fingerprint(text), "text": pseudo(text)}
        for where, text in english_texts(english).items()
    }
    header = {
        "code": CODE,
        "name": pseudo("Pseudo"),
        "english_name": "Pseudo-language",
        "translated": "2026-12-03",
    }
    (out / f"treatments.{CODE}.yaml").write_text(
        yaml.safe_dump({"language": header, "texts": texts}, allow_unicode=True),
        encoding="utf-8",
    )
    with template.open("rb") as handle:
        pot = read_po(handle)
    catalog = Catalog(locale="en", domain="messages")
    for message in pot:
        if not message.id:
            continue
        if isinstance(message.id, (tuple, list)):
            strings = tuple(pseudo(str(part)) for part in message.id)
            catalog.add(tuple(message.id), strings, context=message.context)
        else:
            catalog.add(message.id, pseudo(str(message.id)), context=message.context)
    po = out / "locales" / CODE / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as handle:
        write_po(handle, catalog)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.pseudo_language")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    write(args.out)
    print(f"wrote the {CODE} pseudo-language to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
