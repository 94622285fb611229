"""Every page in another language: a pseudo-language finds any word left English.

The pseudo-language (tools/pseudo_language.py) is made of files only, the way
a third language would be added: a copy of the data file, its texts marked
and made longer, and a gettext catalogue of the interface's words. Every
letter of a pseudo word is accented, so a plain ASCII word on a pseudo page is
a word that skipped translation.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from tests.helpers import ROOT
from tests.views.apptest import PAGES, open_app_page, plain
from tools import pseudo_language
from treatments import i18n
from treatments.loader import load_catalogue

# Proto fields that hold no words a person reads.
_NOT_WORDS = frozenset(
    {"id", "form_id", "key", "url", "icon", "page_script_hash", "url_path", "type", "css_class"}
)
# Elements whose strings are code or data, not words: stylesheets, the
# components' data, the charts' specs (their words are checked below, from
# the functions that make them), downloads' bytes.
_NOT_TEXT = frozenset(
    {"html", "bidi_component", "arrow_vega_lite_chart", "download_button", "empty"}
)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+|:material/[a-z_]+:|`[^`]*`|\\.")
_WORD = re.compile(r"[^\W\d_]+")
# Names that are the same in every language: brands, drugs, tests' own names,
# formats and the app's own kind of file.
_NAMES = frozenset(
    {"Botox", "SURE", "PDF", "QR", "PowerPoint", "Ask", "Share", "Know", "IPDAS", "PubMed", "DOI"}
)
# The switch names English in English, and says "Language" in every language.
_SWITCH = frozenset({"English", "Language"})
# Dates come from CLDR (Babel), which knows no pseudo-language: it writes them
# as English does. Spanish dates are Spanish (tests/treatments).
_MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
# A string with no space in lower case is a name for code: an anchor, a key,
# a path, a parameter ("what-matters", "side_by_side", "option-mvd").
_CODE_NAME = re.compile(r"^[a-z0-9_./:#-]+$")


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pseudo")
    pseudo_language.write(out)
    return out


@pytest.fixture
def open_in_pseudo(
    pseudo: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., AppTest]]:
    monkeypatch.setenv("TREATMENTS_FILE", str(pseudo / "treatments.yaml"))
    monkeypatch.setenv("TREATMENTS_LOCALES", str(pseudo / "locales"))
    # AppTest reads a radio's choices back through its format_func in the
    # test's own thread: that thread speaks the page's language too.
    i18n.activate(pseudo_language.CODE)

    def open_(page: str, **query: str) -> AppTest:
        return open_app_page(page, lang=pseudo_language.CODE, **query)

    yield open_
    i18n.activate(i18n.ENGLISH.code)


def _repeated(field: FieldDescriptor) -> bool:
    # protobuf 5 and later: is_repeated; before, the label.
    flag = getattr(field, "is_repeated", None)
    if flag is not None:
        return bool(flag)
    return field.label == FieldDescriptor.LABEL_REPEATED  # type: ignore[attr-defined]


def _strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.name in _NOT_WORDS:
            continue
        values = value if _repeated(field) else [value]
        for item in values:
            if field.type == FieldDescriptor.TYPE_STRING:
                yield item
            elif field.type == FieldDescriptor.TYPE_MESSAGE:
                yield from _strings(item)


def page_strings(at: AppTest) -> list[str]:
    """Every string of every element a person sees on the page."""
    found: list[str] = []

    def walk(node: object) -> None:
        kind = getattr(node, "type", "")
        if kind in _NOT_TEXT:
            return
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message) and not getattr(node, "children", None):
            found.extend(_strings(proto))
        elif isinstance(proto, Message):
            # A block's own words (an expander's label, a tab's name).
            found.extend(_strings(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def english_words(strings: list[str], allowed: frozenset[str]) -> set[str]:
    """The plain ASCII words of three letters or more: words left English."""
    left: set[str] = set()
    for text in strings:
        if _CODE_NAME.match(text) or text.startswith('{"'):
            continue
        for word in _WORD.findall(_LINK_TARGET.sub(" ", text)):
            if len(word) >= 3 and word.isascii() and word not in allowed:
                left.add(word)
    return left


@pytest.fixture(scope="module")
def published_names(pseudo: Path) -> frozenset[str]:
    """Words of the sources' own titles and citations, quoted as published."""
    catalogue = load_catalogue(pseudo / "treatments.yaml")
    words = set(_NAMES | _SWITCH | _MONTHS)
    for source in catalogue.sources:
        words.update(_WORD.findall(f"{source.title} {source.citation} {source.key}"))
    return frozenset(words)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_word_on_the_page_is_translated(
    page: str, open_in_pseudo: Callable[..., AppTest], published_names: frozenset[str]
) -> None:
    at = open_in_pseudo(page)
    strings = page_strings(at)
    assert strings, "the page shows words"
    assert english_words(strings, published_names) == set()


def _ids(path: Path) -> set[object]:
    with path.open("rb") as handle:
        return {
            (m.context, m.id if isinstance(m.id, str) else tuple(m.id))
            for m in read_po(handle)
            if m.id
        }


def test_the_catalogue_template_holds_every_message_in_the_code(tmp_path: Path) -> None:
    # A message added to the code but not to locales/messages.pot would stay
    # English in every language: extract again (docs/content.md, "Languages").
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "-k",
            "pgettext:1c,2",
            "--no-location",
            "--sort-output",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert _ids(fresh) == _ids(ROOT / "locales" / "messages.pot")


def _forms(string: object) -> list[object]:
    return list(string) if isinstance(string, (list, tuple)) else [string]


def test_every_language_translates_every_message() -> None:
    # An empty or fuzzy entry stays English on a page in that language.
    template = _ids(ROOT / "locales" / "messages.pot")
    for po in sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        done = {
            (m.context, m.id if isinstance(m.id, str) else tuple(m.id))
            for m in catalog
            if m.id and not m.fuzzy and all(_forms(m.string))
        }
        assert template - done == set(), po


_NUMBER = re.compile(r"\d+(?:,\d{3})*")


def _numbers(texts: list[str]) -> list[int]:
    """Every number, as a value ("02" and "2" are the same day), in sorted order."""
    found = []
    for text in texts:
        for number in _NUMBER.findall(_LINK_TARGET.sub(" ", text)):
            found.append(int(number.replace(",", "")))
    return sorted(found)


@pytest.fixture
def speaking_spanish() -> Iterator[None]:
    i18n.activate("es")
    yield
    i18n.activate(i18n.ENGLISH.code)


_open = open_app_page


def _shown(at: AppTest) -> list[str]:
    # The page's words, less the language switch and the translation's own
    # footnote (its date is the translation's, which English has not).
    notice = i18n.gettext(
        "Our team made this translation on {date}. No professional medical "
        "translator has checked it yet. The English version is the one we checked."
    ).split("{")[0]
    return [
        s
        for s in page_strings(at)
        if not (s.startswith(notice) or _CODE_NAME.match(s) or s.startswith('{"'))
    ]


def test_the_spanish_compare_page_shows_exactly_the_english_numbers(
    speaking_spanish: None,
) -> None:
    # Numbers live in one place: the table, the cards and two options side by
    # side carry the same numbers in both languages.
    side = ["Injections", "Brain surgery"]
    with i18n.speaking("en"):
        english = _open("compare", side_by_side=side)
        english_numbers = _numbers(_shown(english))
    spanish = _open("compare", lang="es", side_by_side=side)
    assert spanish.multiselect(key="side_by_side").value == side
    assert _numbers(_shown(spanish)) == english_numbers
    assert len(english_numbers) > 200


def test_the_spanish_printout_has_exactly_the_english_numbers() -> None:
    from tests.helpers import pdf_text
    from treatments.printout import visit_printout
    from treatments.visit import VisitAnswers

    def numbers(code: str) -> list[int]:
        with i18n.speaking(code):
            catalogue = load_catalogue(None, code)
            answers = VisitAnswers(options=tuple(catalogue.options[:3]))
            text = pdf_text(visit_printout(catalogue, answers, made_on=dt.date(2026, 12, 3)))
        # Each page's footer says which page it is: the count of pages may differ.
        text = re.sub(r"\b\w+ \d+ (?:of|de) \d+:", "", text)
        return _numbers([text])

    assert numbers("es") == numbers("en")


def test_a_spanish_phone_follows_an_english_presenter_s_room(
    speaking_spanish: None,
) -> None:
    # The room holds the deck by the names addresses use (English in every
    # language) and the slide: a phone in Spanish shows the same slides in
    # its own words.
    from components.presenting.room import room_store
    from treatments.presenting.deck import build_deck
    from treatments.presenting.rooms import Deck

    english = load_catalogue(None)
    spanish = load_catalogue(None, "es")
    options = english.options[:2]
    card = english.deck.issue_cards[0].id
    room = room_store().start(Deck(tuple(o.url_name for o in options), (card,), 3))
    phone = _open("present", room=room.code, lang="es")
    assert int(phone.session_state["slide"]) == 3
    assert phone.multiselect(key="deck_options").value == [o.short_name for o in options]
    assert phone.multiselect(key="deck_cards").value == [card]
    # The slide is the room's third, in Spanish: its one heading.
    slides = build_deck(spanish, spanish.options[:2], [card])
    assert [plain(t.value) for t in phone.title] == [slides[2].title]
    assert slides[2].title != build_deck(english, options, [card])[2].title


def test_a_person_who_switches_language_keeps_every_pick(speaking_spanish: None) -> None:
    # AppTest formats a radio's choices in the test's thread: it speaks the page's language.
    i18n.activate("en")
    at = _open("compare", side_by_side=["Injections", "Watch and wait"])
    at.switch_page(PAGES["matters"]).run()
    at.radio(key="leaning").set_value("mvd").run()
    at.radio(key="matters-quick-relief").set_value("A lot").run()
    at.button_group(key="lang").set_value("es").run()
    i18n.activate("es")
    assert not at.exception
    assert at.radio(key="leaning").value == "mvd"
    assert at.radio(key="matters-quick-relief").value == "A lot"
    at.switch_page(PAGES["questions"]).run()
    assert not at.exception
    assert at.multiselect(key="printout_options").value == ["injections", "watch-and-wait"]
    assert at.title[0].value == "Preguntas para mi consulta"


def test_the_pictures_words_are_translated(
    pseudo: Path, monkeypatch: pytest.MonkeyPatch, published_names: frozenset[str]
) -> None:
    # The pictures' titles, legends and text versions, and the repeats chart's.
    from treatments import charts

    monkeypatch.setenv("TREATMENTS_LOCALES", str(pseudo / "locales"))
    with i18n.speaking(pseudo_language.CODE):
        catalogue = load_catalogue(pseudo / "treatments.yaml", pseudo_language.CODE)
        words: list[str] = []
        for option in catalogue.options:
            for benefit in charts.pictured(option):
                words += charts.picture_title(benefit)
                words += [group.words for group in charts.icon_array_key(benefit)]
                words.append(charts.icon_array_summary(option, benefit))
        words += charts.repeats_lines(catalogue.options)
        words.append(charts.repeats_summary(catalogue.options))
        spec = charts.repeats_chart(catalogue.options).to_dict()
        words += [
            str(value)
            for key, value in _items(spec)
            if key in {"title", "description", "text"} and isinstance(value, str)
        ]
    assert len(words) > 10
    assert english_words(words, published_names) == set()


def _items(node: object) -> Iterator[tuple[str, object]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _items(value)
    elif isinstance(node, list):
        for item in node:
            yield from _items(item)
