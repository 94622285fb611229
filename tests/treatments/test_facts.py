"""One option's answer to one question: every field worded by its own record."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatments import wording
from treatments.facts import (
    ANSWER_FIELDS,
    FIELDS,
    fact_lines,
    first_sentence,
    most_common_first,
    sentence,
    short_answers,
)
from treatments.loader import load_catalogue
from treatments.schema import HARM_FIELDS, Catalogue, Per100, SideEffect

_CATALOGUE = load_catalogue()


@pytest.mark.parametrize("field", ANSWER_FIELDS)
def test_every_field_words_every_option_with_its_sources(field: str) -> None:
    for option in _CATALOGUE.options:
        lines = fact_lines(option, field)
        assert lines, (option.id, field)
        assert all(line.headline.strip() and line.sources for line in lines), (option.id, field)
        # Every source key named is one the data file lists.
        known = {source.key for source in _CATALOGUE.sources}
        assert {key for line in lines for key in line.sources} <= known


def test_a_short_answer_leads_with_its_value_and_keeps_the_detail_below(
    catalogue: Catalogue,
) -> None:
    surgery = catalogue.options[2]
    (line,) = fact_lines(surgery, "invasiveness")
    assert line.headline == "Level 4 of 4: Brain surgery, fully asleep"
    assert line.note == surgery.invasiveness.note
    (stay,) = fact_lines(surgery, "hospital_stay")
    nights = surgery.hospital_stay.nights
    assert stay.headline == f"{nights.low} to {nights.high} nights, longer in some hospitals"
    (proof,) = fact_lines(surgery, "evidence")
    assert (proof.headline, proof.note) == ("Low", surgery.evidence.text)


def test_a_plain_answer_is_its_text(catalogue: Catalogue) -> None:
    for option in catalogue.options:
        (line,) = fact_lines(option, "what_it_is")
        assert (line.headline, line.note) == (option.what_it_is.text, "")


def test_one_line_per_harm_and_per_time_the_help_was_measured(catalogue: Catalogue) -> None:
    for option in catalogue.options:
        for field in HARM_FIELDS:
            assert len(fact_lines(option, field)) == len(getattr(option, field))
        assert len(fact_lines(option, "helps")) == len(option.helps)


def test_harms_about_keeps_only_the_harms_that_name_it(catalogue: Catalogue) -> None:
    surgery = catalogue.options[2]
    hearing = fact_lines(surgery, "serious_risks", harms_about=["hearing"])
    assert hearing and all("hearing" in line.headline.casefold() for line in hearing)
    assert len(hearing) < len(fact_lines(surgery, "serious_risks"))
    assert fact_lines(surgery, "side_effects", harms_about=["no such harm"]) == []


def test_the_short_form_is_the_headlines_but_help_keeps_what_helped_means(
    catalogue: Catalogue,
) -> None:
    for option in catalogue.options:
        for field in ANSWER_FIELDS:
            short = short_answers(option, field)
            assert all(line.note == "" for line in short)
            if field == "helps":
                assert all("Helped means: " in line.headline for line in short)
            else:
                assert [s.headline for s in short] == [
                    line.headline for line in fact_lines(option, field)
                ]


def test_every_field_has_a_label_and_a_short_label() -> None:
    assert all(FIELDS[name].label and FIELDS[name].short for name in ANSWER_FIELDS)
    assert FIELDS["serious_risks"].heading == "Serious risks (out of 1,000 people)"
    assert FIELDS["what_it_is"].heading == "What it is"


def test_every_short_answer_is_the_start_of_its_full_answer(catalogue: Catalogue) -> None:
    """Issue 29: the short answer a phone shows before a tap is the headline's
    own start, so the fold adds to it and never says something else."""
    for option in catalogue.options:
        for field in ANSWER_FIELDS:
            for line in fact_lines(option, field):
                assert line.headline.startswith(line.short.rstrip(".")), (option.id, field)
                assert len(line.short) <= len(line.headline)


def test_a_short_benefit_keeps_its_time_and_a_short_harm_what_it_counts(
    catalogue: Catalogue,
) -> None:
    for option in catalogue.options:
        for benefit, line in zip(option.helps, fact_lines(option, "helps"), strict=True):
            assert wording.timeframe_phrase(benefit.when) in line.short
            if benefit.per_100 is None:
                # No number, and the first of why, so "no number" never
                # reads as "no help"; the rest of why waits under the fold.
                assert first_sentence(benefit.no_figure_because or "") in line.short
        for field in HARM_FIELDS:
            for harm, line in zip(getattr(option, field), fact_lines(option, field), strict=True):
                if harm.count is not None:
                    assert wording.basis_phrase(harm.counts, harm.over) in line.short
                else:
                    # "No number" must never read as "no risk": the sentence
                    # after it (whether it happens, or how serious it is) stays.
                    why = [*harm.caveats, harm.no_figure_because or ""]
                    after = first_sentence(" ".join(sentence(part) for part in why if part))
                    assert line.short == f"{harm.name}: no reliable number. {after}"


def test_a_caveat_waits_under_the_fold(catalogue: Catalogue) -> None:
    heat_needle = catalogue.options[3]
    year = fact_lines(heat_needle, "helps")[0]
    assert year.short == "28 out of 100 people, after about a year."
    assert "Other studies disagree." in year.headline
    assert "Other studies disagree." not in year.short


def test_first_sentence() -> None:
    assert first_sentence("This can happen. No study counted it.") == "This can happen."
    assert first_sentence("  Only one.  ") == "Only one."
    assert first_sentence("Why? Because.") == "Why?"


def test_a_risk_with_no_number_says_in_short_how_serious_it_is(catalogue: Catalogue) -> None:
    """Issue 29: "no reliable number" under serious risks worried; its short
    form now says at once what the number's absence does not mean."""
    spread = fact_lines(catalogue.options[0], "serious_risks")[0]
    assert spread.short == (
        "Trouble swallowing or breathing, if the medicine spreads in the body: "
        "no reliable number. This can put life at risk."
    )
    assert "No study of face spasm counted it." in spread.headline
    assert "No study of face spasm counted it." not in spread.short


def _harm(count: tuple[int, int] | None) -> SideEffect:
    figure = {"per_100": Per100(low=count[0], high=count[1])} if count else {}
    why = {} if count else {"no_figure_because": "No study counted it."}
    basis = {"counts": "each operation"} if count else {}
    return SideEffect(name="Harm", sources=["KEY"], **figure, **why, **basis)


@given(
    st.lists(
        st.none() | st.tuples(st.integers(0, 100), st.integers(0, 100)).map(sorted).map(tuple),
        max_size=12,
    )
)
def test_most_common_first_puts_the_counted_first_then_the_rest_in_order(
    counts: list[tuple[int, int] | None],
) -> None:
    harms = [_harm(count) for count in counts]
    order = most_common_first(harms)
    assert sorted(order) == list(range(len(harms)))
    counted = [place for place in order if counts[place] is not None]
    assert order[: len(counted)] == counted, "every counted harm before every other"
    highs = [counts[place][1] for place in counted]  # type: ignore[index]
    assert highs == sorted(highs, reverse=True)
    for a, b in itertools.pairwise(order):
        same = counts[a] is None and counts[b] is None
        same = same or (counts[a] and counts[b] and counts[a][1] == counts[b][1])
        if same:
            assert a < b, "a tie keeps the data file's order"
