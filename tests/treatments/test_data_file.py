"""The shipped data file: complete, sourced, balanced and plain."""

from __future__ import annotations

import re

from treatments.model import FIGURE_SOURCE_KINDS
from treatments.readability import (
    ANSWER_LIMIT,
    WHOLE_LIMIT,
    catalogue_passages,
    grade,
    measure,
)
from treatments.schema import NO_TREATMENT_KIND, Catalogue
from treatments.sources import citations


def test_has_the_four_mayo_treatments_and_watchful_waiting(catalogue: Catalogue) -> None:
    names = [option.name for option in catalogue.options]
    assert names == [
        "Botulinum toxin injections",
        "Anticonvulsants and other medicines",
        "Microvascular decompression (surgery)",
        "Radiofrequency thermocoagulation",
        "No treatment for now (watch and wait)",
    ]
    assert [o.kind for o in catalogue.options].count(NO_TREATMENT_KIND) == 1


def test_every_source_is_cited_and_every_citation_exists(catalogue: Catalogue) -> None:
    supports = citations(catalogue)
    keys = {source.key for source in catalogue.sources}
    assert set(supports) == keys
    uncited = [key for key, used in supports.items() if not used]
    assert uncited == []


def test_every_source_has_a_web_link(catalogue: Catalogue) -> None:
    for source in catalogue.sources:
        assert re.match(r"^https?://[^\s]+\.[a-z]{2,}", source.url), source.key


def test_benefits_and_harms_have_equal_detail(catalogue: Catalogue) -> None:
    """Every option states its benefit and at least one harm of each kind, each
    with a count or the reason there is none."""
    for option in catalogue.options:
        assert option.helps, option.id
        for benefit in option.helps:
            assert benefit.per_100 is not None or benefit.no_figure_because
            assert benefit.per_100 is None or benefit.per_100.out_of == 100
        assert option.side_effects, option.id
        assert option.serious_risks, option.id
        for harm in option.side_effects:
            assert harm.per_100 is not None or harm.no_figure_because
        for harm in option.serious_risks:
            assert harm.per_1000 is not None or harm.no_figure_because


def test_no_one_in_x_wording(catalogue: Catalogue) -> None:
    """IPDAS: never "1 in X"; counts are "out of 100" or "out of 1,000"."""
    text = catalogue.model_dump_json()
    assert not re.search(r"\b\d+ in (?:\d|every)", text)


def test_whole_text_reads_at_grade_six_or_lower(catalogue: Catalogue) -> None:
    grades = measure(catalogue_passages(catalogue))
    assert grades.words > 1500, "the measure must cover the real text"
    assert grades.flesch_kincaid <= WHOLE_LIMIT


def test_no_single_answer_is_above_grade_eight(catalogue: Catalogue) -> None:
    too_hard = {
        p.where: round(grade(p.text), 1)
        for p in catalogue_passages(catalogue)
        if grade(p.text) > ANSWER_LIMIT
    }
    assert too_hard == {}


def test_every_count_rests_on_a_study_review_guideline_or_label(catalogue: Catalogue) -> None:
    kinds = {source.key: source.kind for source in catalogue.sources}
    for option in catalogue.options:
        counted = [
            *(b for b in option.helps if b.per_100 is not None),
            *(h for h in option.side_effects if h.per_100 is not None),
            *(h for h in option.serious_risks if h.per_1000 is not None),
        ]
        for item in counted:
            assert {kinds[key] for key in item.sources} & FIGURE_SOURCE_KINDS, (option.id, item)


def test_the_audit_s_misleading_benefit_figures_stay_gone(catalogue: Catalogue) -> None:
    """Evidence audit rows 1 and 4: 11 people with no comparison, and one
    unusual group, are not "X out of 100"; the reason is said instead."""
    by_id = {option.id: option for option in catalogue.options}
    for option_id in ("medicines", "watch-and-wait"):
        for benefit in by_id[option_id].helps:
            assert benefit.per_100 is None
            assert "No fair study gives a number" in benefit.no_figure_because


def test_radiofrequency_leads_with_its_one_year_figure(catalogue: Catalogue) -> None:
    """Audit row 5 and re-read B16: the right-after figure never stands alone
    beside surgery's long-term one; the one-year figure comes first, and
    surgery gives its own right-after figure to set beside the needle's."""
    by_id = {option.id: option for option in catalogue.options}
    heat = by_id["radiofrequency"]
    assert [b.when for b in heat.helps] == ["one year", "right after"]
    one_year, right_after = (b.per_100 for b in heat.helps)
    assert right_after is not None and one_year is not None
    assert one_year.high < right_after.low
    assert "right after" in [b.when for b in by_id["mvd"].helps]


def test_every_counted_harm_says_what_it_counts(catalogue: Catalogue) -> None:
    """Re-read A2 to A4: a count per round of shots is labelled per round,
    and the injections also give a person's risk over the years of shots."""
    for option in catalogue.options:
        harms = [*option.side_effects, *option.serious_risks]
        assert all(h.counts is not None for h in harms if h.count is not None), option.id
    injections = catalogue.options[0]
    bases = {h.counts for h in [*injections.side_effects, *injections.serious_risks]}
    assert {"each round", "over time"} <= bases


def test_daily_tablets_have_no_made_up_count_of_repeats(catalogue: Catalogue) -> None:
    """Re-read A1: "about 20 dose checks in 5 years" was our own sum."""
    tablets = catalogue.options[1]
    assert tablets.repeat.pattern == "daily"
    assert tablets.repeat.times_in_5_years is None


def test_no_link_is_a_search_page(catalogue: Catalogue) -> None:
    for source in catalogue.sources:
        assert "?term=" not in source.url and "/search?" not in source.url, source.key
