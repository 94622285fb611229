"""Compare's words, worded once per version of the data file and language."""

from __future__ import annotations

import copy
from pathlib import Path

from components import words
from tests.helpers import write_data
from treatments import i18n
from treatments.loader import load_catalogue
from treatments.table import TABLE_FIELDS, card_in_full, card_in_short, comparison_markdown


def test_the_words_are_the_table_s_and_cards_own_and_shared(catalogue) -> None:
    assert words.comparison_table() == comparison_markdown(catalogue.options, catalogue)
    # One object for every visitor, not a copy per run.
    assert words.comparison_table() is words.comparison_table()
    cards = words.option_cards(TABLE_FIELDS)
    assert cards is words.option_cards(TABLE_FIELDS)
    for option in catalogue.options:
        assert cards[option.id] == (
            card_in_short(option, TABLE_FIELDS),
            card_in_full(option, catalogue, TABLE_FIELDS),
        )


def test_each_language_has_its_own_words() -> None:
    english = words.comparison_table()
    with i18n.speaking("es"):
        spanish = load_catalogue(None, "es")
        assert words.comparison_table() == comparison_markdown(spanish.options, spanish)
        assert words.picture("injections", 0).legend.startswith("Les ayudó al menos a 73.")
    assert words.comparison_table() == english
    assert words.picture("injections", 0).legend.startswith("At least 73 were helped.")


def test_an_edit_to_the_data_file_shows_at_once(tmp_path: Path, monkeypatch, raw_data) -> None:
    before = words.comparison_table()
    data = copy.deepcopy(raw_data)
    data["options"][0]["name"] = "Shots of botulinum toxin"
    monkeypatch.setenv("TREATMENTS_FILE", str(write_data(data, tmp_path / "facts.yaml")))
    assert "Shots of botulinum toxin" in words.comparison_table()
    monkeypatch.delenv("TREATMENTS_FILE")
    assert words.comparison_table() == before
