"""Safe Markdown from data-file text, and source references as links.

Text from the data file is shown as text, never as markup: every character
that Markdown, HTML or Streamlit's extensions ($ for maths, :colour[...]
directives) would act on is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from treatments.schema import Catalogue

_ACTIVE = re.compile(r"([\\`*_{}\[\]()#+!|<>~$:^=&])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", flags=re.MULTILINE)


def escape(text: str) -> str:
    """Escape ``text`` so Markdown shows it exactly as written."""
    escaped = _ACTIVE.sub(r"\\\1", text)
    # "1. Foo" at a line start would become a list.
    escaped = _LINE_START.sub(r"\1\2\\\3", escaped)
    return escaped.replace("\n", " ")


def source_numbers(catalogue: Catalogue) -> dict[str, int]:
    """The reference number of each source: its place in the sources list."""
    return {source.key: number for number, source in enumerate(catalogue.sources, start=1)}


def refs(keys: Iterable[str], catalogue: Catalogue) -> str:
    """``[3] [12]`` as Markdown links to each source, in the order cited, each once."""
    numbers = source_numbers(catalogue)
    by_key = {source.key: source for source in catalogue.sources}
    links = []
    for key in dict.fromkeys(keys):
        url = link_target(by_key[key].url)
        links.append(f'[\\[{numbers[key]}\\]]({url} "Source {key}")')
    return " ".join(links)


def link_target(url: str) -> str:
    """A URL safe inside a Markdown link.

    The schema already allows only http(s) URLs with no spaces; parentheses
    are percent-encoded so they cannot end the link early.
    """
    return url.replace("(", "%28").replace(")", "%29")
