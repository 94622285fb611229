"""The shipped data file: complete, sourced, balanced and plain."""

from __future__ import annotations

import re

from treatments.loader import citations
from treatments.readability import (
    ANSWER_LIMIT,
    WHOLE_LIMIT,
    catalogue_passages,
    grade,
    measure,
)
from treatments.schema import NO_TREATMENT_KIND, Catalogue


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
    """Every option states a benefit count and at least one harm of each kind."""
    for option in catalogue.options:
        assert option.helps.per_100.out_of == 100
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
