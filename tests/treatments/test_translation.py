"""A translation holds words only: what it must give, and what it may not change."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import ROOT
from treatments import i18n
from treatments.loader import CatalogueError, english_data, load_catalogue
from treatments.readability import (
    INFLESZ_ANSWER_MIN,
    INFLESZ_WHOLE_MIN,
    catalogue_passages,
    inflesz,
)
from treatments.translation import (
    ContentTranslation,
    back_translation_path,
    english_texts,
    fingerprint,
    problems,
    read_translation,
    translate,
    translation_path,
)

DATA = ROOT / "data" / "treatments.yaml"
SPANISH = translation_path(DATA, "es")


@pytest.fixture(scope="module")
def english() -> dict[str, Any]:
    return english_data(DATA)[1]


@pytest.fixture(scope="module")
def spanish() -> ContentTranslation:
    return read_translation(SPANISH)


def _with(translation: ContentTranslation, where: str, **changes: str) -> ContentTranslation:
    data = translation.model_dump(by_alias=True, mode="json")
    data["texts"][where] |= changes
    return ContentTranslation.model_validate(data)


def _without(translation: ContentTranslation, where: str) -> ContentTranslation:
    data = translation.model_dump(by_alias=True, mode="json")
    del data["texts"][where]
    return ContentTranslation.model_validate(data)


def test_every_word_of_the_english_has_a_place_and_no_key_does(english: dict[str, Any]) -> None:
    texts = english_texts(english)
    assert texts["options.injections.repeat.note"].startswith("The effect wears off")
    assert texts["options.injections.kind"] == "Injections"
    assert texts["priorities.avoid-brain-surgery.meaning.no"] == "It is brain surgery."
    assert texts["sure.items.S.question"].startswith("Do you feel sure")
    assert texts["questions.items.0"].startswith("What are all my choices?")
    # Ids, links, closed choices and sources' published titles are not words to translate.
    assert not any(
        where.endswith((".id", ".url", ".when", ".counts", ".pattern")) for where in texts
    )
    assert "options.injections.anaesthesia.kind" not in texts
    assert not any(w.startswith("sources.") and w.endswith((".title", ".citation")) for w in texts)
    assert "sources.SURE-TEST.note" in texts


def test_the_spanish_gives_every_text_from_the_english_as_it_is(
    english: dict[str, Any], spanish: ContentTranslation
) -> None:
    assert problems(english, spanish) == []
    assert spanish.texts.keys() == english_texts(english).keys()
    assert spanish.language.code == "es" and spanish.language.name == "Español"
    # Honest: no professional medical translator has checked it yet.
    assert spanish.language.checked_by is None


def test_a_missing_or_empty_text_is_reported(
    english: dict[str, Any], spanish: ContentTranslation
) -> None:
    where = "options.mvd.repeat.note"
    assert [p.where for p in problems(english, _without(spanish, where))] == [where]
    found = problems(english, _with(spanish, where, text=""))
    assert [(p.where, p.message) for p in found] == [(where, "no translation of this text")]


def test_editing_the_english_makes_its_translation_stale(
    english: dict[str, Any], spanish: ContentTranslation
) -> None:
    edited = copy.deepcopy(english)
    edited["options"][0]["onset"]["text"] += " Ask your doctor."
    found = problems(edited, spanish)
    assert [p.where for p in found] == ["options.injections.onset.text"]
    assert "the English changed" in found[0].message


def test_a_number_the_english_does_not_have_is_refused(
    english: dict[str, Any], spanish: ContentTranslation
) -> None:
    where = "options.injections.repeat.every"
    text = spanish.texts[where].text
    found = problems(english, _with(spanish, where, text=text.replace("3", "2")))
    assert [p.where for p in found] == [where]
    assert "numbers live in the English file only" in found[0].message
    assert "2" in found[0].message and "3" in found[0].message


def test_a_lost_placeholder_is_refused(
    english: dict[str, Any], spanish: ContentTranslation
) -> None:
    where = "deck.option_note"
    text = spanish.texts[where].text.replace("{option}", "la opción")
    found = problems(english, _with(spanish, where, text=text))
    assert [p.where for p in found] == [where] and "{option}" in found[0].message


def test_a_text_the_english_has_not_is_reported(
    english: dict[str, Any], spanish: ContentTranslation
) -> None:
    data = spanish.model_dump(by_alias=True, mode="json")
    data["texts"]["options.lasers.name"] = {"from": "0123456789", "text": "Láser"}
    found = problems(english, ContentTranslation.model_validate(data))
    assert [(p.where, p.message) for p in found] == [
        ("options.lasers.name", "the English file has no text here")
    ]


def test_translating_keeps_every_number_key_and_link(
    english: dict[str, Any], spanish: ContentTranslation
) -> None:
    en = load_catalogue(DATA)
    es = load_catalogue(DATA, "es")
    for a, b in zip(en.options, es.options, strict=True):
        assert (a.id, a.kind, a.repeat.times_in_5_years, a.hospital_stay.nights) == (
            b.id,
            b.kind,
            b.repeat.times_in_5_years,
            b.hospital_stay.nights,
        )
        assert [h.per_100 for h in a.helps] == [h.per_100 for h in b.helps]
        assert [h.per_1000 for h in a.serious_risks] == [h.per_1000 for h in b.serious_risks]
        assert [h.sources for h in a.side_effects] == [h.sources for h in b.side_effects]
        assert a.name != b.name
    assert es.options[0].kind_label == "Inyecciones" and en.options[0].kind_label == "Injections"
    assert [s.url for s in en.sources] == [s.url for s in es.sources]
    assert [s.title for s in en.sources] == [s.title for s in es.sources]
    # A question's answers follow it into the language.
    assert es.questions is not None and en.questions is not None
    assert list(es.questions.answered_by.values()) == list(en.questions.answered_by.values())
    assert set(es.questions.answered_by) <= set(es.questions.items)


def test_harm_words_must_pick_the_same_harms(tmp_path: Path, spanish: ContentTranslation) -> None:
    shutil.copyfile(DATA, tmp_path / "treatments.yaml")
    broken = _with(spanish, "priorities.avoid-hearing-loss.harms_about.0", text="oído")
    data = broken.model_dump(by_alias=True, mode="json")
    (tmp_path / "treatments.es.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path / "treatments.yaml", "es")
    assert [p.where for p in caught.value.problems] == ["priorities.avoid-hearing-loss.harms_about"]


@given(st.text(min_size=1, max_size=200))
def test_a_fingerprint_ignores_how_yaml_folded_the_lines(text: str) -> None:
    folded = "\n  ".join(text.split(" "))
    assert fingerprint(folded) == fingerprint(text)
    assert len(fingerprint(text)) == 10


def test_languages_come_from_the_files_beside_the_data_file() -> None:
    codes = [lang.code for lang in i18n.languages(DATA)]
    assert codes[0] == "en" and "es" in codes
    assert i18n.language("es", DATA) is not None
    assert i18n.from_locale("es-MX", DATA).code == "es"
    assert i18n.from_locale("fr-FR", DATA).code == "en"
    assert i18n.from_locale(None, DATA).code == "en"


def test_each_run_speaks_its_own_language_whatever_another_speaks() -> None:
    # Two visitors on one process: the language is the run's, never the process's.
    heard: dict[str, str] = {}
    ready = threading.Barrier(2)

    def visit(code: str) -> None:
        i18n.activate(code)
        ready.wait(timeout=10)
        heard[code] = i18n.format_date(dt.date(2026, 12, 2))

    threads = [threading.Thread(target=visit, args=(code,)) for code in ("es", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert heard == {"es": "2 de diciembre de 2026", "en": "02 December 2026"}
    assert i18n.active() == "en"


def test_translate_leaves_the_english_data_alone(
    english: dict[str, Any], spanish: ContentTranslation
) -> None:
    before = copy.deepcopy(english)
    translate(english, spanish)
    assert english == before


def test_every_spanish_text_has_a_back_translation_made_from_it_as_it_is(
    spanish: ContentTranslation,
) -> None:
    # For a reviewer: English made from the Spanish alone, to find a meaning
    # that shifted. An edited Spanish text needs its back-translation again.
    back = yaml.safe_load(back_translation_path(DATA, "es").read_text(encoding="utf-8"))
    assert back["back_translation_of"] == "es"
    texts = back["texts"]
    assert texts.keys() == spanish.texts.keys()
    stale = [w for w, e in spanish.texts.items() if texts[w]["from"] != fingerprint(e.text)]
    assert stale == []
    assert all(texts[w]["text"].strip() for w in texts)


def test_the_spanish_content_is_fairly_easy_to_read() -> None:
    # INFLESZ: 65 or more is "bastante fácil"; no answer long enough to judge
    # (8 words or more) below 55, "normal".
    with i18n.speaking("es"):
        passages = list(catalogue_passages(load_catalogue(DATA, "es")))
        whole = " ".join(p.text for p in passages)
        assert inflesz(whole) >= INFLESZ_WHOLE_MIN
        hard = {
            p.where: round(inflesz(p.text), 1)
            for p in passages
            if len(p.text.split()) >= 8 and inflesz(p.text) < INFLESZ_ANSWER_MIN
        }
    assert hard == {}
