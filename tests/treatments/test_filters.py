"""Filters keep exactly the options within a person's limits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatments.filters import (
    FILTERS,
    Filters,
    apply_filters,
    current_kinds,
    filters_from_query,
    filters_on,
    invasiveness_levels,
    is_no_treatment,
    level_stop,
    query_from_filters,
    treatment_kinds,
)
from treatments.loader import load_catalogue
from treatments.schema import MAX_INVASIVENESS, Catalogue

CATALOGUE = load_catalogue()


def _ids(catalogue: Catalogue, filters: Filters) -> list[str]:
    return [option.id for option in apply_filters(catalogue.options, filters)]


def test_defaults_show_everything(catalogue: Catalogue) -> None:
    assert _ids(catalogue, Filters()) == [o.id for o in catalogue.options]


def test_kinds_exclude_no_treatment(catalogue: Catalogue) -> None:
    assert treatment_kinds(catalogue.options) == [
        "Injections",
        "Tablets",
        "Brain surgery",
        "Heat needle",
    ]


def test_each_filter_removes_what_it_says(catalogue: Catalogue) -> None:
    assert _ids(catalogue, Filters(no_general_anaesthetic=True)) == [
        "injections",
        "medicines",
        "radiofrequency",
        "watch-and-wait",
    ]
    assert _ids(catalogue, Filters(no_hospital_stay=True)) == [
        "injections",
        "medicines",
        "radiofrequency",
        "watch-and-wait",
    ]
    assert _ids(catalogue, Filters(max_invasiveness=1)) == [
        "injections",
        "medicines",
        "watch-and-wait",
    ]
    assert _ids(catalogue, Filters(repeat="once")) == ["mvd", "watch-and-wait"]
    assert _ids(catalogue, Filters(repeat="repeated")) == [
        "injections",
        "medicines",
        "radiofrequency",
        "watch-and-wait",
    ]
    assert _ids(catalogue, Filters(kinds=frozenset({"Tablets"}))) == [
        "medicines",
        "watch-and-wait",
    ]


def test_no_treatment_is_hidden_only_when_asked(catalogue: Catalogue) -> None:
    strictest = Filters(kinds=frozenset(), max_invasiveness=0, repeat="once")
    assert _ids(catalogue, strictest) == ["watch-and-wait"]
    assert _ids(catalogue, Filters(show_no_treatment=False))[-1] == "radiofrequency"
    assert _ids(catalogue, Filters(kinds=frozenset(), show_no_treatment=False)) == []


filters_strategy = st.builds(
    Filters,
    kinds=st.none()
    | st.frozensets(st.sampled_from([*treatment_kinds(CATALOGUE.options), "Unknown kind"])),
    max_invasiveness=st.integers(min_value=0, max_value=MAX_INVASIVENESS),
    repeat=st.sampled_from(["any", "once", "repeated"]),
    no_general_anaesthetic=st.booleans(),
    no_hospital_stay=st.booleans(),
    show_no_treatment=st.booleans(),
)


@given(filters_strategy)
def test_every_shown_option_is_within_every_limit(filters: Filters) -> None:
    for option in apply_filters(CATALOGUE.options, filters):
        if is_no_treatment(option):
            assert filters.show_no_treatment
            continue
        assert option.invasiveness.level <= filters.max_invasiveness
        assert filters.kinds is None or option.kind in filters.kinds
        assert not (filters.no_general_anaesthetic and option.anaesthesia.kind == "general")
        assert not (filters.no_hospital_stay and option.hospital_stay.nights.low > 0)


@given(filters_strategy)
def test_no_treatment_follows_its_own_switch_only(filters: Filters) -> None:
    shown = apply_filters(CATALOGUE.options, filters)
    assert any(is_no_treatment(o) for o in shown) == filters.show_no_treatment


@given(filters_strategy, filters_strategy)
def test_filters_keep_catalogue_order_and_never_invent(a: Filters, b: Filters) -> None:
    for filters in (a, b):
        shown = apply_filters(CATALOGUE.options, filters)
        positions = [CATALOGUE.options.index(o) for o in shown]
        assert positions == sorted(positions)


KINDS = treatment_kinds(CATALOGUE.options)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, Filters()),
        ({"no_general": "true"}, Filters(no_general_anaesthetic=True)),
        (
            {"no_stay": "TRUE", "show_wait": "false"},
            Filters(no_hospital_stay=True, show_no_treatment=False),
        ),
        ({"most_invasive": "1"}, Filters(max_invasiveness=1)),
        ({"repeat": "once"}, Filters(repeat="once")),
        ({"kind": ["Tablets", "Injections"]}, Filters(kinds=frozenset({"Tablets", "Injections"}))),
        ({"kind": "Tablets"}, Filters(kinds=frozenset({"Tablets"}))),
        # What people and programs do to links: nonsense falls back to the default.
        ({"most_invasive": "9"}, Filters()),
        ({"most_invasive": "-1"}, Filters()),
        ({"most_invasive": "1e309"}, Filters()),
        ({"repeat": "<script>"}, Filters()),
        ({"no_general": "yes"}, Filters()),
        ({"kind": ["Tablets", "Magic beans"]}, Filters(kinds=frozenset({"Tablets"}))),
        ({"unknown": "1"}, Filters()),
    ],
)
def test_a_web_address_gives_these_filters(query, expected: Filters) -> None:
    assert filters_from_query(query, KINDS) == expected


FILTER_VALUES = st.builds(
    Filters,
    kinds=st.one_of(st.none(), st.frozensets(st.sampled_from(KINDS), min_size=1)),
    max_invasiveness=st.integers(0, MAX_INVASIVENESS),
    repeat=st.sampled_from(["any", "once", "repeated"]),
    no_general_anaesthetic=st.booleans(),
    no_hospital_stay=st.booleans(),
    show_no_treatment=st.booleans(),
)


@given(FILTER_VALUES)
def test_a_link_made_from_filters_reads_back_as_the_same_view(filters: Filters) -> None:
    read_back = filters_from_query(query_from_filters(filters, KINDS), KINDS)
    options = CATALOGUE.options
    assert apply_filters(options, read_back) == apply_filters(options, filters)


def test_every_filter_is_one_record_with_a_unique_url_name() -> None:
    params = [f.param.name for f in FILTERS]
    assert len(set(params)) == len(params)
    # The filters' defaults are their parameters' defaults, declared once.
    default = Filters()
    assert all(f.to_address(getattr(default, f.field), KINDS) == f.param.default for f in FILTERS)
    assert all(f.label for f in FILTERS)
    assert [f.field for f in FILTERS if f.keeps is None] == ["show_no_treatment"]


def test_the_filters_on_are_named_by_what_they_do() -> None:
    kinds = treatment_kinds(CATALOGUE.options)
    assert filters_on(Filters(), kinds) == []
    # Unticking "Show ..." hides the option: the line above the table must not
    # say "Show" for it.
    assert filters_on(Filters(show_no_treatment=False), kinds) == ["Hide “No treatment for now”"]
    assert filters_on(Filters(no_general_anaesthetic=True, max_invasiveness=2), kinds) == [
        "The most invasive I would consider",
        "No general anaesthetic",
    ]


def test_the_level_stops_are_the_levels_options_have_and_the_top(catalogue: Catalogue) -> None:
    levels = invasiveness_levels(catalogue.options)
    assert levels == sorted({o.invasiveness.level for o in catalogue.options} | {MAX_INVASIVENESS})


@given(st.sets(st.integers(0, MAX_INVASIVENESS), min_size=1), st.integers(0, MAX_INVASIVENESS))
def test_a_level_lands_on_the_highest_stop_at_or_below_it(stops: set[int], asked: int) -> None:
    levels = sorted(stops)
    stop = level_stop(levels, asked)
    assert stop in levels
    assert stop <= asked or stop == levels[0]
    assert not any(stop < level <= asked for level in levels)


def test_an_old_kind_name_reads_as_the_kind_it_became(catalogue: Catalogue) -> None:
    assert current_kinds(["Shots", "Tablets"], catalogue.options) == ["Injections", "Tablets"]
    assert current_kinds(["Needle procedure", "Heat needle"], catalogue.options) == ["Heat needle"]
    assert current_kinds(["<script>"], catalogue.options) == ["<script>"], "unknown stays unknown"
    for option in catalogue.options:
        assert option.kind == option.short_name or option.kind == "No treatment", option.id
