"""Filters keep exactly the options within a person's limits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from treatments.filters import Filters, apply_filters, is_no_treatment, treatment_kinds
from treatments.loader import load_catalogue
from treatments.schema import MAX_INVASIVENESS, Catalogue

CATALOGUE = load_catalogue()


def _ids(catalogue: Catalogue, filters: Filters) -> list[str]:
    return [option.id for option in apply_filters(catalogue.options, filters)]


def test_defaults_show_everything(catalogue: Catalogue) -> None:
    assert _ids(catalogue, Filters()) == [o.id for o in catalogue.options]


def test_kinds_exclude_no_treatment(catalogue: Catalogue) -> None:
    assert treatment_kinds(catalogue.options) == [
        "Shots",
        "Tablets",
        "Brain surgery",
        "Needle procedure",
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
