"""The check of what a person understood: its choices, its answers, the facts
they rest on, a room's tally, and the validator's rules for it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatments import charts, check
from treatments.loader import CatalogueError, load_catalogue
from treatments.rules import _numbers
from treatments.schema import Catalogue, CheckQuestion


def _problems(path: Path) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    return [str(problem) for problem in info.value.problems]


def _question(data: dict[str, Any], question_id: str) -> dict[str, Any]:
    return next(q for q in data["check"]["questions"] if q["id"] == question_id)


def _check(catalogue: Catalogue) -> list[CheckQuestion]:
    assert catalogue.check is not None
    return list(catalogue.check.questions)


def test_the_shipped_check_has_four_to_six_questions_each_resting_on_a_fact(
    catalogue: Catalogue,
) -> None:
    questions = _check(catalogue)
    assert 4 <= len(questions) <= 6
    for question in questions:
        lines = check.fact_lines(question, catalogue)
        assert lines, question.id
        assert all(line.sources for line in lines), question.id
        keys = [c.key for c in check.choices(question, catalogue)]
        assert check.right_key(question) in keys


def test_options_are_named_by_their_short_names_and_yes_or_no_in_words(
    catalogue: Catalogue,
) -> None:
    names = {o.id: o.short_name for o in catalogue.options}
    for question in _check(catalogue):
        words = [c.words for c in check.choices(question, catalogue)]
        if question.choices:
            assert words == [names[key] for key in question.choices]
        else:
            assert words == ["Yes", "No"]


def test_only_the_right_key_is_right(catalogue: Catalogue) -> None:
    for question in _check(catalogue):
        right = [
            c.key for c in check.choices(question, catalogue) if check.is_right(question, c.key)
        ]
        assert right == [check.right_key(question)]
        assert not check.is_right(question, None)


def test_a_yes_or_no_answer_is_read_from_yaml_s_bare_yes_and_no(catalogue: Catalogue) -> None:
    waiting = next(q for q in _check(catalogue) if q.id == "waiting")
    tablets = next(q for q in _check(catalogue) if q.id == "tablets")
    assert check.right_key(waiting) == check.YES
    assert check.right_key(tablets) == check.NO
    assert check.right_words(tablets, catalogue) == "No"


def test_the_tally_lists_every_choice_and_ignores_a_key_that_is_not_one(
    catalogue: Catalogue,
) -> None:
    question = next(q for q in _check(catalogue) if q.id == "again")
    rows = check.tally_rows(question, catalogue, {"injections": 5, "mvd": 2, "rubbish": 9})
    assert [(r.choice.key, r.people, r.right) for r in rows] == [
        ("injections", 5, True),
        ("mvd", 2, False),
        ("radiofrequency", 0, False),
    ]
    assert check.answered(rows) == 7
    assert check.tally_summary(rows) == (
        "7 people in the room answered. Injections, the right answer: 5 people. "
        "Brain surgery: 2 people. Heat needle: 0 people."
    )
    assert check.tally_summary(check.tally_rows(question, catalogue, {})) == (
        "No one in the room has answered yet."
    )


@given(st.dictionaries(st.sampled_from(["yes", "no", "maybe"]), st.integers(-5, 500)))
def test_a_tally_never_counts_below_nobody(catalogue: Catalogue, counts: dict[str, int]) -> None:
    question = next(q for q in _check(catalogue) if q.id == "waiting")
    rows = check.tally_rows(question, catalogue, counts)
    assert all(row.people >= 0 for row in rows)
    assert check.answered(rows) == sum(max(0, counts.get(k, 0)) for k in ("yes", "no"))


def test_numbers_are_read_as_a_reader_sees_them() -> None:
    assert _numbers("every 3 to 4 months, 1,000 people.") == {"3", "4", "1000"}


def test_a_number_the_fact_does_not_hold_is_refused(write_variant) -> None:
    def change(data: dict[str, Any]) -> None:
        _question(data, "again")["why"] = "Most people have them again every 7 months."

    problems = _problems(write_variant(change))
    assert any(
        "check.questions[1] (again).why" in p and "7 is not in the fact it points at" in p
        for p in problems
    ), problems


def test_an_unknown_option_is_refused_in_the_choices_and_the_fact(write_variant) -> None:
    def change(data: dict[str, Any]) -> None:
        _question(data, "again")["choices"][1] = "acupuncture"
        _question(data, "once")["fact"]["option"] = "acupuncture"

    problems = _problems(write_variant(change))
    assert any(
        "check.questions[1] (again).choices[1]" in p and "unknown option id" in p for p in problems
    )
    assert any("check.questions[2] (once).fact.option" in p for p in problems), problems


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda q: q.update(answer="medicines"), "the answer must be one of the choices"),
        (lambda q: q.pop("choices"), "with no choices, the answer is yes or no"),
        (lambda q: q.update(choices=["injections"]), "two or more different choices"),
        (lambda q: q["fact"].update(field="price"), "check.questions[1] (again).fact.field"),
    ],
    ids=["answer-not-a-choice", "yes-no-with-an-option-answer", "one-choice", "unknown-field"],
)
def test_a_question_must_be_answerable(write_variant, change, expected: str) -> None:
    problems = _problems(write_variant(lambda d: change(_question(d, "again"))))
    assert any(expected in p for p in problems), problems


def test_a_question_id_must_not_be_an_issue_card_s(write_variant) -> None:
    # A room's deck lists its cards and its questions together, by id.
    problems = _problems(write_variant(lambda d: _question(d, "again").update(id="repeat")))
    assert any("'repeat' is an issue card's id too" in p for p in problems), problems


def test_the_deck_may_only_name_known_questions(write_variant) -> None:
    problems = _problems(write_variant(lambda d: d["check"].update(in_deck=["nope"])))
    assert any("in_deck names unknown check questions: nope" in p for p in problems), problems


def test_a_harm_list_is_cut_down_to_the_harms_a_question_is_about(catalogue: Catalogue) -> None:
    hearing = next(q for q in _check(catalogue) if q.id == "hearing")
    lines = check.fact_lines(hearing, catalogue)
    assert lines and all("hearing" in line.headline.casefold() for line in lines)
    mvd = next(o for o in catalogue.options if o.id == "mvd")
    assert len(lines) < len(mvd.serious_risks)


@pytest.mark.parametrize(
    ("about", "field", "expected"),
    [
        (["toothache"], "serious_risks", "no harm's name holds these words"),
        (["hearing"], "repeat", "only a list of harms can be cut down"),
    ],
)
def test_about_must_name_harms_the_fact_has(
    write_variant, about: list[str], field: str, expected: str
) -> None:
    problems = _problems(
        write_variant(lambda d: _question(d, "hearing")["fact"].update(about=about, field=field))
    )
    assert any("(hearing).fact.about" in p and expected in p for p in problems), problems


def test_the_right_answer_leads_the_tally_whatever_its_place(catalogue: Catalogue) -> None:
    hearing = next(q for q in _check(catalogue) if q.id == "hearing")
    rows = check.tally_rows(hearing, catalogue, {"injections": 1, "mvd": 4})
    assert [(r.choice.key, r.right) for r in rows] == [
        ("mvd", True),
        ("injections", False),
        ("radiofrequency", False),
    ]


def _drawn(svg: str) -> dict[str, int]:
    """How many people the room's picture draws in each colour."""
    return {
        colour: path.count("M")
        for colour, path in re.findall(r'<path fill="(#[0-9a-f]{6})" d="([^"]*)"', svg)
    }


def test_the_room_s_picture_draws_each_person_once_in_their_answer_s_look() -> None:
    svg = charts.tally_svg([4, 1, 0])
    (right_colour, _), (other_colour, _), *_ = charts.TALLY_LOOKS
    assert _drawn(svg) == {right_colour: 4, other_colour: 1}
    assert 'viewBox="0 0 100 10"' in svg


@given(st.lists(st.integers(0, 400), min_size=2, max_size=4))
def test_the_room_s_picture_stays_low_enough_for_a_slide(counts: list[int]) -> None:
    svg = charts.tally_svg(counts)
    height = int(re.search(r'height="(\d+)"', svg).group(1))
    assert height <= charts.TALLY_MOST_HEIGHT
    assert sum(_drawn(svg).values()) == sum(counts)
