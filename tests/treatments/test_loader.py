"""The validator: every broken file gets a clear message, never a traceback."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from treatments.loader import MAX_BYTES, CatalogueError, default_path, load_catalogue


def _problems(path: Path) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert info.value.problems, "an error must list at least one problem"
    return [str(problem) for problem in info.value.problems]


def test_the_shipped_file_is_valid() -> None:
    catalogue = load_catalogue()
    assert len(catalogue.options) == 5


def test_env_var_points_at_another_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "other.yaml"
    monkeypatch.setenv("TREATMENTS_FILE", str(target))
    assert default_path() == target
    monkeypatch.setenv("TREATMENTS_FILE", "")
    assert default_path().name == "treatments.yaml"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the file is empty"),
        ("   \n# only a comment\n", "the file is empty"),
        ("meta: [1, 2\n", "YAML syntax error"),
        ("- a list\n- not a mapping\n", "top level must be a mapping"),
        ("a: &x [1]\nb: *x\n", "aliases"),
        ("a:" + " [" * 40 + " ]" * 40 + "\n", "nested"),
        (b"\xff\xfe bad bytes".decode("latin-1"), "not UTF-8"),
    ],
    ids=["empty", "comment-only", "syntax", "list", "alias", "deep", "not-utf8"],
)
def test_unreadable_files_are_refused_with_a_reason(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "data.yaml"
    path.write_bytes(content.encode("latin-1"))
    problems = _problems(path)
    assert any(expected in p for p in problems), problems


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("meta:\n  title: ok\nsources: [\n", encoding="utf-8")
    (problem,) = _problems(path)
    assert "(line " in problem


def test_missing_file(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path / "nope.yaml")
    assert "no file at" in problem


def test_huge_file_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("x: " + "a" * (MAX_BYTES + 1), encoding="utf-8")
    (problem,) = _problems(path)
    assert "the limit is" in problem


def _option(data: dict[str, Any], option_id: str) -> dict[str, Any]:
    return next(o for o in data["options"] if o["id"] == option_id)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: _option(d, "mvd")["repeat"].pop("every"),
            "options[2] (mvd).repeat.every (line",
        ),
        (
            lambda d: _option(d, "mvd")["repeat"].pop("every"),
            "field required",
        ),
        (
            lambda d: _option(d, "medicines")["invasiveness"].update(level="high"),
            "options[1] (medicines).invasiveness.level",
        ),
        (
            lambda d: _option(d, "injections")["helps"][0]["per_100"].update(high=120),
            "high is 120, but a count out of 100 must be between 0 and 100",
        ),
        (
            lambda d: _option(d, "mvd")["serious_risks"][0]["per_1000"].update(low=-1),
            "low is -1, but a count out of 1,000",
        ),
        (
            lambda d: _option(d, "mvd")["helps"][1]["per_100"].update(low=95),
            "low (95) must not be above high (91)",
        ),
        (
            lambda d: _option(d, "injections").update(colour="blue"),
            "unknown field",
        ),
        (
            lambda d: _option(d, "injections")["side_effects"][0].pop("per_100"),
            "give a count, or say why there is none",
        ),
        (
            lambda d: d["sources"][0].update(url="javascript:alert(1)"),
            "a link must start with http:// or https://",
        ),
        (lambda d: d.update(options=[]), "list should have at least 1 item"),
        (lambda d: d.pop("meta"), "meta (line 1): field required"),
    ],
    ids=[
        "missing-field-path",
        "missing-field-message",
        "wrong-type",
        "above-denominator",
        "negative",
        "low-above-high",
        "unknown-field",
        "no-count-no-reason",
        "bad-url",
        "no-options",
        "no-meta",
    ],
)
def test_schema_problems_say_where_and_what(write_variant, change, expected: str) -> None:
    problems = _problems(write_variant(change))
    assert any(expected in p for p in problems), problems


def test_duplicate_option_is_named(write_variant) -> None:
    def duplicate(data: dict[str, Any]) -> None:
        twin = copy.deepcopy(_option(data, "injections"))
        twin["short_name"] = "Injections again"
        data["options"].append(twin)

    problems = _problems(write_variant(duplicate))
    assert any("duplicate option id 'injections'" in p for p in problems), problems


def test_unknown_source_key_is_named(write_variant) -> None:
    def cite_missing(data: dict[str, Any]) -> None:
        _option(data, "mvd")["onset"]["sources"] = ["NOT-A-SOURCE"]

    problems = _problems(write_variant(cite_missing))
    assert any(
        "options[2] (mvd).onset.sources (line" in p and "unknown source key 'NOT-A-SOURCE'" in p
        for p in problems
    ), problems
    # SATO22 was cited only there, so it is now unused: also reported.
    assert any("source 'SATO22' is never cited" in p for p in problems), problems


def test_no_treatment_option_is_required(write_variant) -> None:
    def drop_waiting(data: dict[str, Any]) -> None:
        data["options"] = [o for o in data["options"] if o["kind"] != "No treatment"]
        # Its only citation goes with it; keep the file otherwise valid.
        data["sources"] = [s for s in data["sources"] if s["key"] not in {"LEE17", "JOST17"}]
        data["about"] = [a for a in data["about"] if "LEE17" not in a["sources"]]

    problems = _problems(write_variant(drop_waiting))
    assert any("exactly one option of kind 'No treatment'" in p for p in problems), problems


def test_a_kind_s_old_name_must_be_free(write_variant) -> None:
    """An old name stands for its kind in old links, so it cannot be a kind now
    or another kind's old name."""

    def clash(data: dict[str, Any]) -> None:
        _option(data, "injections")["kind_was"] = ["Shots", "Tablets"]
        _option(data, "radiofrequency")["kind_was"] = ["Shots"]

    problems = _problems(write_variant(clash))
    assert any(
        "(injections).kind_was[1]" in p and "'Tablets' is the name of a kind now" in p
        for p in problems
    ), problems
    assert any(
        "(radiofrequency).kind_was[0]" in p and "already the old name of 'Injections'" in p
        for p in problems
    ), problems


def test_all_problems_are_reported_at_once(write_variant) -> None:
    def break_three(data: dict[str, Any]) -> None:
        _option(data, "mvd")["repeat"].pop("every")
        _option(data, "injections")["helps"][0]["per_100"]["high"] = 101
        _option(data, "medicines")["anaesthesia"]["kind"] = "sleepy"

    assert len(_problems(write_variant(break_three))) == 3


def test_every_priority_must_line_up_every_option(write_variant) -> None:
    def break_priorities(data: dict[str, Any]) -> None:
        first = data["priorities"][0]
        del first["fit"]["mvd"]
        first["fit"]["laser"] = "fits"
        data["priorities"][1]["fit"]["mvd"] = "partly"  # "partly" has no meaning there
        data["priorities"][2]["id"] = data["priorities"][0]["id"]

    problems = _problems(write_variant(break_priorities))
    assert any("priorities[0]" in p and "say how these options fit: mvd" in p for p in problems)
    assert any("priorities[0]" in p and "unknown option id 'laser'" in p for p in problems)
    assert any("priorities[1]" in p and "say what 'partly' means here" in p for p in problems)
    assert any("priorities[2]" in p and "duplicate priority id" in p for p in problems)
    assert len(problems) == 4, problems


def test_a_judgement_outside_the_list_is_refused(write_variant) -> None:
    def misspell(data: dict[str, Any]) -> None:
        data["priorities"][0]["fit"]["mvd"] = "maybe"

    problems = _problems(write_variant(misspell))
    assert len(problems) == 1
    assert "priorities[0] (avoid-brain-surgery).fit.mvd" in problems[0], problems


def test_a_benefit_needs_a_count_or_the_reason_there_is_none(write_variant) -> None:
    problems = _problems(write_variant(lambda d: _option(d, "mvd")["helps"][0].pop("per_100")))
    assert any(
        "options[2] (mvd).helps[0]" in p and "give a count, or say why there is none" in p
        for p in problems
    ), problems


def test_a_benefit_says_when_it_was_measured(write_variant) -> None:
    problems = _problems(write_variant(lambda d: _option(d, "mvd")["helps"][0].pop("when")))
    assert any("options[2] (mvd).helps[0].when" in p and "field required" in p for p in problems)


def test_a_count_resting_only_on_patient_pages_is_refused(write_variant) -> None:
    def cite_only_a_clinic(data: dict[str, Any]) -> None:
        _option(data, "mvd")["helps"][0]["sources"] = ["MIAN", "DRHONEY-MVD"]

    problems = _problems(write_variant(cite_only_a_clinic))
    assert any(
        p.startswith("options[2] (mvd).helps[0].sources (line ")
        and p.endswith(
            "a count of people needs at least one study, review, guideline or drug label "
            "among its sources; these are not: MIAN (patient page), DRHONEY-MVD (patient page)"
        )
        for p in problems
    ), problems


@pytest.mark.parametrize(
    ("field", "change", "figure"),
    [
        ("recovery", lambda f: f.update(text="Most people feel well in 2 to 4 weeks."), "'2'"),
        ("hospital_stay", lambda f: f.update(nights={"low": 1, "high": 2}), "'1 to 2'"),
    ],
)
def test_any_number_resting_only_on_patient_pages_is_refused(
    write_variant, field: str, change: Any, figure: str
) -> None:
    # Not only counts of people: weeks to recover or nights in hospital
    # from a surgeon's own page are refused too.
    def figure_from_a_clinic(data: dict[str, Any]) -> None:
        fact = _option(data, "mvd")[field]
        change(fact)
        fact["sources"] = ["MIAN", "DRHONEY-MVD"]

    problems = _problems(write_variant(figure_from_a_clinic))
    assert any(
        p.startswith(f"options[2] (mvd).{field} (line ")
        and f"{figure} is a number, so it needs at least one study" in p
        and p.endswith("these are not: MIAN (patient page), DRHONEY-MVD (patient page)")
        for p in problems
    ), problems


def test_a_thesis_or_meeting_abstract_cannot_carry_a_count_alone(write_variant) -> None:
    def count_from_a_thesis(data: dict[str, Any]) -> None:
        harm = _option(data, "radiofrequency")["side_effects"][1]
        harm.pop("no_figure_because")
        harm["per_100"] = {"low": 6, "high": 6}
        harm["counts"] = "each time"

    problems = _problems(write_variant(count_from_a_thesis))
    assert any("JIAXING-THESIS (thesis)" in p for p in problems), problems


def test_a_source_kind_outside_the_list_is_refused(write_variant) -> None:
    problems = _problems(write_variant(lambda d: d["sources"][0].update(kind="blog")))
    assert any("sources[0] (MAYO).kind" in p for p in problems), problems


def test_a_counted_harm_must_say_what_it_counts(write_variant) -> None:
    problems = _problems(
        write_variant(lambda d: _option(d, "mvd")["side_effects"][0].pop("counts"))
    )
    assert any(
        "options[2] (mvd).side_effects[0]" in p and "say what the count counts" in p
        for p in problems
    ), problems


def test_a_count_over_time_names_its_time(write_variant) -> None:
    problems = _problems(
        write_variant(lambda d: _option(d, "injections")["side_effects"][1].pop("over"))
    )
    assert any('a count "over time" says the time it spans' in p for p in problems), problems


def test_a_count_per_round_never_stands_for_a_persons_whole_risk(write_variant) -> None:
    """With the counts over the years of shots gone, the per-round count
    would be an option's only word on how likely a side effect is."""

    def only_per_round(data: dict[str, Any]) -> None:
        option = _option(data, "injections")
        option["side_effects"] = [
            h for h in option["side_effects"] if h.get("counts") != "over time"
        ]

    problems = _problems(write_variant(only_per_round))
    assert any(
        "options[0] (injections).side_effects[0].counts" in p and "not a person's whole risk" in p
        for p in problems
    ), problems


def test_a_daily_treatment_has_no_count_of_repeats(write_variant) -> None:
    def twenty_dose_checks(data: dict[str, Any]) -> None:
        _option(data, "medicines")["repeat"]["times_in_5_years"] = {"low": 20, "high": 20}

    problems = _problems(write_variant(twenty_dose_checks))
    assert any(
        "options[1] (medicines).repeat" in p and "a daily treatment has no times_in_5_years" in p
        for p in problems
    ), problems


def test_a_count_from_mixed_groups_must_say_so(write_variant) -> None:
    def mixed_only(data: dict[str, Any]) -> None:
        source = next(s for s in data["sources"] if s["key"] == "DANTAS25")
        source["mixed_group"] = True
        harm = _option(data, "injections")["side_effects"][2]
        assert harm["sources"] == ["DANTAS25"]

    problems = _problems(write_variant(mixed_only))
    assert any(
        "options[0] (injections).side_effects[2].mixed_group" in p and "set mixed_group: true" in p
        for p in problems
    ), problems


def test_mixed_group_needs_a_mixed_source(write_variant) -> None:
    problems = _problems(
        write_variant(
            lambda d: _option(d, "injections")["side_effects"][0].update(mixed_group=True)
        )
    )
    assert any("none of its sources is marked mixed_group" in p for p in problems), problems


@pytest.mark.parametrize(
    "url",
    [
        "https://api.fda.gov/drug/label.json?search=x",
        "https://moorfields-eh.uksouth01.umbraco.io/page",
        "https://discovery.researcher.life/article/x",
    ],
)
def test_no_link_to_a_data_query_a_staging_host_or_a_reseller(write_variant, url: str) -> None:
    def relink(data: dict[str, Any]) -> None:
        next(s for s in data["sources"] if s["key"] == "MIAN")["url"] = url

    problems = _problems(write_variant(relink))
    assert any("is a data query, a staging host or an abstract reseller" in p for p in problems)


def test_a_study_is_cited_in_full_or_says_what_is_missing(write_variant) -> None:
    def strip(data: dict[str, Any]) -> None:
        source = next(s for s in data["sources"] if s["key"] == "LEE18")
        source["citation"] = "J Neurosurg 2018"
        source.pop("year")
        source["url"] = "https://scilit.com/publications/x"

    problems = _problems(write_variant(strip))
    for expected in ("start with the authors", "give the year", "is not the paper"):
        assert any(expected in p for p in problems), (expected, problems)

    def admit_the_gap(data: dict[str, Any]) -> None:
        strip(data)
        next(s for s in data["sources"] if s["key"] == "LEE18")["citation_gap"] = "its authors"

    load_catalogue(write_variant(admit_the_gap))  # no problem: the gap is said


def test_a_question_answered_by_the_facts_must_be_one_of_the_questions(write_variant) -> None:
    def change(data: dict[str, Any]) -> None:
        data["questions"]["answered_by"]["Will it hurt?"] = ["feels_like"]

    problems = _problems(write_variant(change))
    assert any("answered_by names questions not in items: Will it hurt?" in p for p in problems)


def test_a_question_is_answered_only_by_fields_every_option_has(write_variant) -> None:
    def change(data: dict[str, Any]) -> None:
        data["questions"]["answered_by"]["How much time off work will I need?"] = ["price"]

    problems = _problems(write_variant(change))
    assert any("questions.answered_by" in p for p in problems), problems
