"""The comparison frame and the chart specs."""

from __future__ import annotations

import re

import pytest

from treatments import charts
from treatments.filters import Filters, apply_filters
from treatments.markdown import escape, parse_markdown_table, source_numbers
from treatments.schema import Catalogue
from treatments.table import COLUMNS, comparison_frame, comparison_markdown


def test_frame_has_a_row_per_option_and_every_column(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(catalogue.options)
    assert frame.notna().all().all()


def test_invasiveness_and_repeat_cells_carry_their_plain_notes(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    mvd = frame.iloc[2]
    assert mvd["How invasive"].startswith("**Level 4 of 4**")
    assert "small hole is made in the skull" in mvd["How invasive"]
    assert mvd["How often it is repeated"].startswith("**Once for most people**")


def test_every_number_in_a_cell_sits_next_to_a_source_link(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    numbers = set(source_numbers(catalogue).values())
    for _, row in frame.iterrows():
        for column in COLUMNS[1:]:
            cell = row[column]
            cited = {int(n) for n in re.findall(r"\[\\\[(\d+)\\\]\]\(http", cell)}
            assert cited, f"{row['Option']} / {column} has no source link"
            assert cited <= numbers


def test_counts_use_fixed_denominators(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    for cell in frame["Serious risks (out of 1,000 people)"]:
        for count in re.findall(r"out of ([\d,]+)", cell):
            assert count == "1,000"
    for cell in frame["How many it helps (out of 100)"]:
        assert re.findall(r"out of ([\d,]+)", cell) == ["100"]


def test_frame_follows_the_filtered_options(catalogue: Catalogue) -> None:
    shown = apply_filters(catalogue.options, Filters(max_invasiveness=0))
    frame = comparison_frame(shown, catalogue)
    assert len(frame) == 2
    assert frame["Option"].str.contains("No treatment for now").any()


@pytest.mark.parametrize("option_index", range(5))
def test_icon_array_draws_exactly_100_people(catalogue: Catalogue, option_index: int) -> None:
    option = catalogue.options[option_index]
    data = charts.icon_array_data(option)
    assert len(data) == 100
    counts = data["group"].str.extract(r"^(\w+)")[0].value_counts().to_dict()
    low, high = option.helps.per_100.low, option.helps.per_100.high
    assert counts.get("Helped", 0) == high
    assert counts.get("Not", 0) == 100 - high
    assert (data["group"].str.startswith("Helped in all")).sum() == low


def test_icon_array_spec_uses_shape_as_well_as_colour(catalogue: Catalogue) -> None:
    spec = charts.icon_array(catalogue.options[0]).to_dict()
    assert spec["mark"]["type"] == "point"
    assert spec["encoding"]["shape"]["field"] == "group"
    assert spec["encoding"]["color"]["field"] == "group"
    shapes = spec["encoding"]["shape"]["scale"]["range"]
    assert len(set(shapes)) == 3


def test_icon_array_summary_says_the_numbers_and_what_they_mean(catalogue: Catalogue) -> None:
    summary = charts.icon_array_summary(catalogue.options[2])
    assert "78 to 91 out of 100 people" in summary
    assert "stopped fully" in summary


def test_repeats_chart_plots_each_option_once(catalogue: Catalogue) -> None:
    spec = charts.repeats_chart(catalogue.options).to_dict()
    assert len(spec["layer"]) == 3
    data = charts.repeats_data(catalogue.options)
    assert list(data["option"]) == [o.short_name for o in catalogue.options]
    assert data.set_index("option").loc["Injections", ["low", "high", "level"]].tolist() == [
        10,
        20,
        1,
    ]


def test_repeats_summary_covers_every_option(catalogue: Catalogue) -> None:
    summary = charts.repeats_summary(catalogue.options)
    for option in catalogue.options:
        assert option.short_name in summary
    assert "Brain surgery, invasive level 4 of 4: 1 to 2 times" in summary


def test_the_table_on_screen_has_the_frame_s_cells(catalogue: Catalogue) -> None:
    table = comparison_markdown(catalogue.options, catalogue)
    columns, rows = parse_markdown_table(table)
    assert columns == [escape(column) for column in COLUMNS]
    frame = comparison_frame(catalogue.options, catalogue)
    assert rows == frame.values.tolist()


def test_each_harm_in_a_cell_is_its_own_emphasised_item(catalogue: Catalogue) -> None:
    # app.css shows each emphasised harm as a line of its own.
    botox = catalogue.options[0]
    cell = comparison_frame([botox], catalogue).iloc[0]["Side effects (out of 100 people)"]
    items = re.findall(r"(?<!\\)\*(.+?)(?<!\\)\*", cell)
    assert len(items) == len(botox.side_effects)
    for item, harm in zip(items, botox.side_effects, strict=True):
        assert item.startswith(escape(harm.name))
        assert "](http" in item, "each harm carries its own source links"
