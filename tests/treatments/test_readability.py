"""Stored page grades: read back as written, and a bad file shows nothing."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from treatments.readability import PageGrade, grade, load_page_grades


def test_page_grades_read_back(tmp_path: Path) -> None:
    grades = [PageGrade("compare", "Compare options", 3.3, 7.0, 421, 6.7)]
    path = tmp_path / "grades.json"
    path.write_text(json.dumps([asdict(g) for g in grades]))
    assert load_page_grades(path) == grades


@pytest.mark.parametrize(
    "content",
    [None, "", "{not json", '{"page": "compare"}', '[{"page": "compare"}]', "[1, 2]"],
    ids=["missing", "empty", "broken", "not a list", "fields missing", "not objects"],
)
def test_a_bad_grades_file_gives_no_grades(tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "grades.json"
    if content is not None:
        path.write_text(content)
    assert load_page_grades(path) == []


def test_short_plain_words_grade_low_and_long_words_grade_high() -> None:
    assert grade("The cat sat on the mat. It was warm.") < 3
    assert (
        grade(
            "Microvascular decompression necessitates craniectomy under general anaesthesia, "
            "with considerable postoperative hospitalisation."
        )
        > 12
    )
