"""The printouts' own line breaking breaks where fpdf2's ``multi_cell`` would."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatments.loader import default_path, english_data
from treatments.pdf import BODY_PT, Writer, new_document
from treatments.translation import english_texts, read_translation, translation_path


def _writer(bold: str) -> Writer:
    pdf = new_document("A test", footer="A test")
    pdf.set_font("DejaVu", bold, BODY_PT)
    return Writer(pdf)


def _multi_cell_lines(writer: Writer, text: str, width: float) -> list[str]:
    return writer.pdf.multi_cell(width, 5, text, dry_run=True, output="LINES")  # type: ignore[return-value]


def _every_text() -> list[str]:
    _, data = english_data()
    texts = list(english_texts(data).values())
    spanish = read_translation(translation_path(default_path(), "es"))
    return texts + [entry.text for entry in spanish.texts.values()]


@pytest.mark.parametrize("bold", ["", "B"])
def test_every_text_of_the_data_file_breaks_as_multi_cell_breaks_it(bold: str) -> None:
    writer = _writer(bold)
    epw = writer.pdf.epw
    for width in (epw, epw / 2 - 2.4, epw / 5 - 2.4):
        for text in _every_text():
            assert writer._wrap(text, width) == _multi_cell_lines(writer, text, width), text


_LETTERS = st.sampled_from([*"aeiou nrstlmWQ.,;:-áéñü¿?0123456789\nПγ", "  ", "   ", "Mmmmmmmmmm"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(_LETTERS, max_size=120).map("".join),
    share=st.floats(min_value=0.05, max_value=1.0),
)
def test_any_left_to_right_text_breaks_as_multi_cell_breaks_it(text: str, share: float) -> None:
    # A person's notes too: long words, runs of spaces, blank lines.
    writer = _writer("")
    width = writer.pdf.epw * share
    assert writer._wrap(text, width) == _multi_cell_lines(writer, text, width)
