"""The comparison frame and the chart specs."""

from __future__ import annotations

import re
from types import SimpleNamespace
from xml.etree import ElementTree

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.markdown_tables import parse_markdown_table
from treatments import charts
from treatments.facts import FIELDS, fact_lines, most_common_first
from treatments.filters import Filters, apply_filters
from treatments.markdown import escape
from treatments.schema import HARM_FIELDS, SOON_TIMEFRAMES, Catalogue, Per100
from treatments.sources import source_numbers
from treatments.table import (
    COLUMNS,
    TABLE_FIELDS,
    card_in_full,
    card_in_short,
    comparison_markdown,
    comparison_row,
    short_lines,
    spoken_option,
)
from treatments.wording import TIMEFRAME_WORDS


def comparison_frame(options, catalogue: Catalogue) -> pd.DataFrame:
    """The comparison table's cells, one row per option, by column name."""
    return pd.DataFrame([comparison_row(o, catalogue) for o in options], columns=list(COLUMNS))


def test_frame_has_a_row_per_option_and_every_column(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(catalogue.options)
    assert frame.notna().all().all()


def test_invasiveness_and_repeat_cells_carry_their_plain_notes(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    mvd = frame.iloc[2]
    assert mvd["How invasive"].startswith(
        f"**{escape('Level 4 of 4: Brain surgery, fully asleep')}**"
    )
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
        # Each count out of 1,000 is followed, after what it counts, by the
        # same risk out of 100, and no count in this column is out of 100 alone.
        for after in re.split(r"\d out of 1,000", cell)[1:]:
            assert re.match(r" people \\\([^)]*out of 100\\\)", after), after[:80]
        bare = re.sub(r"\\\([^)]*out of 100\\\)", "", cell)
        assert "out of 100 " not in bare and "out of 100)" not in bare
    for option, cell in zip(
        catalogue.options, frame["How many it helps (out of 100 people)"], strict=True
    ):
        counted = [b for b in option.helps if b.per_100 is not None]
        assert re.findall(r"out of ([\d,]+)", cell) == ["100"] * len(counted)


def test_a_rare_risk_also_says_what_it_is_out_of_100(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    mvd = frame.iloc[2]["Serious risks (out of 1,000 people)"]
    assert (
        "21 to 90 out of 1,000 people \\(about 2 to 9 out of 100\\). Counted for each operation."
        in mvd
    )


def test_every_benefit_in_the_table_says_when_it_was_measured(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    for option, cell in zip(
        catalogue.options, frame["How many it helps (out of 100 people)"], strict=True
    ):
        for benefit in option.helps:
            assert escape(TIMEFRAME_WORDS[benefit.when]) in cell, option.id


def test_a_benefit_with_no_number_says_why_in_the_table(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    tablets = frame.iloc[1]["How many it helps (out of 100 people)"]
    assert "No reliable number" in tablets
    assert "dummy pill" in tablets
    assert "out of 100" not in tablets


def test_no_number_for_a_harm_never_stands_without_its_reason(catalogue: Catalogue) -> None:
    frame = comparison_frame(catalogue.options, catalogue)
    for column in (
        "Common side effects (out of 100 people)",
        "Serious risks (out of 1,000 people)",
    ):
        for cell in frame[column]:
            for item in re.findall(r"(?<!\\)\*(.+?)(?<!\\)\*", cell):
                if "no reliable number" in item:
                    reason = item.split("no reliable number.", 1)[1]
                    assert len(reason.split("](http")[0].split()) >= 4, item


def test_frame_follows_the_filtered_options(catalogue: Catalogue) -> None:
    shown = apply_filters(catalogue.options, Filters(max_invasiveness=0))
    frame = comparison_frame(shown, catalogue)
    assert len(frame) == 2
    assert frame["Option"].str.contains("No treatment for now").any()


def _pictures(catalogue: Catalogue):
    return [
        *charts.counted_benefits(catalogue.options, soon=True),
        *charts.counted_benefits(catalogue.options, soon=False),
    ]


def test_every_counted_benefit_has_one_picture_and_no_other_does(catalogue: Catalogue) -> None:
    pictured = [(o.id, b.when) for o, b in _pictures(catalogue)]
    counted = [(o.id, b.when) for o in catalogue.options for b in o.helps if b.per_100]
    assert sorted(pictured) == sorted(counted)
    assert [o.id for o, _ in charts.uncounted_benefits(catalogue.options)] == [
        "medicines",
        "watch-and-wait",
    ]


def test_pictures_soon_after_and_later_are_never_in_one_group(catalogue: Catalogue) -> None:
    soon = charts.counted_benefits(catalogue.options, soon=True)
    later = charts.counted_benefits(catalogue.options, soon=False)
    assert {b.when for _, b in soon} <= SOON_TIMEFRAMES
    assert not {b.when for _, b in later} & SOON_TIMEFRAMES
    for option, benefit in [*soon, *later]:
        title = charts.icon_array(option, benefit).to_dict()["title"]["text"]
        assert title[0] == option.short_name
        assert " ".join(title[1:]) == TIMEFRAME_WORDS[benefit.when]


def test_icon_array_draws_exactly_100_people(catalogue: Catalogue) -> None:
    for _option, benefit in _pictures(catalogue):
        data = charts.icon_array_data(benefit)
        assert len(data) == 100
        counts = data["group"].value_counts()
        low, high = benefit.per_100.low, benefit.per_100.high
        assert counts[data["group"].iloc[0]] == low
        helped, *more, rest = charts.icon_array_groups(benefit)
        assert (data["group"] == helped).sum() == low
        assert data["group"].isin(more).sum() == high - low
        assert (data["group"] == rest).sum() == 100 - high


def test_the_legend_says_what_the_ends_of_a_range_are(catalogue: Catalogue) -> None:
    """Audit: "Helped in all studies" was false where a cited fair test found no help.
    Patients: "+25" meant nothing, and "Not helped: 2" showed the best case as a fact."""
    for _option, benefit in _pictures(catalogue):
        groups = charts.icon_array_groups(benefit)
        assert not any("all studies" in g or "some studies" in g or "+" in g for g in groups)
        assert all(g.endswith(".") and (g[0].isupper() or g[0].isdigit()) for g in groups), (
            "sentences"
        )
        low, high = benefit.per_100.low, benefit.per_100.high
        if low != high:
            assert groups == [
                f"At least {low} were helped.",
                f"Up to {high - low} more may have been helped. Studies differ.",
                "The rest were not helped.",
            ]
        else:
            assert groups == [f"{low} were helped.", f"The other {100 - low} were not helped."]


def test_a_benefit_with_no_number_has_no_picture(catalogue: Catalogue) -> None:
    tablets = catalogue.options[1].helps[0]
    with pytest.raises(ValueError, match="no number has no picture"):
        charts.icon_array_data(tablets)


def test_a_caveat_sits_in_the_picture_under_its_title(catalogue: Catalogue) -> None:
    heat = catalogue.options[3]
    spec = charts.icon_array(heat, heat.helps[0]).to_dict()
    assert (
        " ".join(spec["title"]["subtitle"])
        == "From one study of 99 people. Other studies disagree."
    )


def test_icon_array_spec_uses_shape_as_well_as_colour(catalogue: Catalogue) -> None:
    spec = charts.icon_array(catalogue.options[0], catalogue.options[0].helps[0]).to_dict()
    assert spec["mark"]["type"] == "point"
    assert spec["encoding"]["shape"]["field"] == "group"
    assert spec["encoding"]["color"]["field"] == "group"
    shapes = spec["encoding"]["shape"]["scale"]["range"]
    assert len(set(shapes)) == 3


def test_icon_array_summary_says_the_numbers_and_what_they_mean(catalogue: Catalogue) -> None:
    summary = charts.icon_array_summary(catalogue.options[2], catalogue.options[2].helps[1])
    assert summary.startswith(
        "Microvascular decompression (surgery), after a year or more, out of 100 people: "
        "At least 63 were helped. Up to 28 more may have been helped. Studies differ. "
        "The rest were not helped."
    )
    assert "stopped fully" in summary
    # Words run into each other nowhere: every sentence ends before the next starts.
    assert not re.search(r"[a-z][A-Z]", summary)


def test_repeats_chart_plots_each_option_once(catalogue: Catalogue) -> None:
    spec = charts.repeats_chart(catalogue.options).to_dict()
    # Counted bars, the dashed every-day line, the points and two sets of labels.
    assert len(spec["layer"]) == 5
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


def test_a_daily_treatment_is_drawn_as_daily_not_as_a_count(catalogue: Catalogue) -> None:
    """Re-read A1: tablets are taken every day; the chart draws a dashed line
    the height of the scale, labelled "every day", and its words say there is
    no count, never a number of visits."""
    data = charts.repeats_data(catalogue.options).set_index("option")
    tablets = data.loc["Tablets"]
    assert tablets["daily"] and tablets["label"] == "Tablets: every day"
    spec = charts.repeats_chart(catalogue.options).to_dict()
    top = spec["layer"][0]["encoding"]["y"]["scale"]["domain"][1]
    assert (tablets["low"], tablets["high"]) == (0, top)
    assert top > data.loc[~data["daily"], "high"].max()
    dashed = [layer for layer in spec["layer"] if layer["mark"].get("strokeDash")]
    assert len(dashed) == 1 and dashed[0]["transform"] == [{"filter": "datum.daily"}]
    line = next(line for line in charts.repeats_lines(catalogue.options) if "Tablets" in line)
    assert line == (
        "Tablets, invasive level 0 of 4: Every day, for as long as they help, so there is no count."
    )
    assert "time" not in line


def test_the_table_on_screen_has_the_frame_s_cells(catalogue: Catalogue) -> None:
    table = comparison_markdown(catalogue.options, catalogue)
    columns, rows = parse_markdown_table(table)
    assert columns == [escape(column) for column in COLUMNS]
    frame = comparison_frame(catalogue.options, catalogue)
    for row, option, expected in zip(rows, catalogue.options, frame.values.tolist(), strict=True):
        # Each answer is read aloud with its option's name (app.css hides it from sight).
        spoken = spoken_option(option)
        assert row[0] == expected[0]
        assert row[1:] == [f"{spoken} {cell}" for cell in expected[1:]]


def test_the_spoken_name_is_one_safe_code_span() -> None:
    # A backtick would end the code span early; a pipe would end the table cell.
    option = SimpleNamespace(short_name="Odd `name` | here")
    assert spoken_option(option) == "`Odd 'name' / here:`"  # type: ignore[arg-type]


def test_each_harm_in_a_cell_is_its_own_emphasised_item(catalogue: Catalogue) -> None:
    # app.css shows each emphasised harm as a line of its own.
    botox = catalogue.options[0]
    cell = comparison_frame([botox], catalogue).iloc[0]["Common side effects (out of 100 people)"]
    items = re.findall(r"(?<!\\)\*(.+?)(?<!\\)\*", cell)
    assert len(items) == len(botox.side_effects)
    for item, harm in zip(items, botox.side_effects, strict=True):
        assert item.startswith(escape(harm.name))
        assert "](http" in item, "each harm carries its own source links"


def test_a_phone_card_says_what_the_table_row_says(catalogue: Catalogue) -> None:
    """Issue: the narrow layout has the same facts, citations and order as the wide one.

    The fold under the short answers carries every figure and source link.
    """
    for option in catalogue.options:
        row = comparison_row(option, catalogue)
        short, full = card_in_short(option), card_in_full(option, catalogue)
        questions = [f"**{escape(FIELDS[field].label)}:**" for field in TABLE_FIELDS]
        headings = [f"**{escape(column)}**" for column in COLUMNS[1:]]
        for card, marks in ((short, questions), (full, headings)):
            places = [card.index(mark) for mark in marks]
            assert places == sorted(places), "the questions in the table's order"
        assert "](http" not in short, "the sources wait under the fold"
        for field, column in zip(TABLE_FIELDS, COLUMNS[1:], strict=True):
            links = re.findall(r"\[\\\[\d+\\\]\]\([^)]*\)", row[column])
            assert links and all(link in full for link in links), (option.id, column)
            # Every count of help is in the short answer; of harms, the one of
            # each kind counted most often; the notes' figures wait in the fold,
            # which holds every figure the row has.
            in_short = " ".join(short_lines(option, field))
            for figure in re.findall(r"\d[\d,]* out of 1(?:00|,000)", row[column]):
                assert figure in full, (option.id, figure)
                if field == "helps":
                    assert figure in in_short, (option.id, figure)


def test_a_short_answer_names_the_harm_counted_most_often_and_how_many_more(
    catalogue: Catalogue,
) -> None:
    """Issue 29: at large text a phone's Compare was 19 screens, most of them
    harms in full. Each kind of harm now leads with one, and says how many
    more the fold holds; the same rule for every option."""
    surgery = catalogue.options[2]
    assert short_lines(surgery, "serious_risks") == [
        "Hearing loss in that ear that does not go away, from mild to total: 21 to 90 out of "
        "1,000 people (about 2 to 9 out of 100). Counted for each operation.",
        "And 8 more serious risks, below.",
    ]
    for option in catalogue.options:
        for field in HARM_FIELDS:
            harms = getattr(option, field)
            lines = short_lines(option, field)
            assert lines[0] == fact_lines(option, field)[most_common_first(harms)[0]].short
            counted = [harm.count.high for harm in harms if harm.count]
            shown = harms[most_common_first(harms)[0]]
            assert shown.count is None if not counted else shown.count.high == max(counted)
            if len(harms) > 1:
                assert lines[1:] == [
                    f"And {len(harms) - 1} more {_kind(field, len(harms) - 1)}, below."
                ]
            else:
                assert lines == lines[:1]


def _kind(field: str, count: int) -> str:
    one, many = (
        ("serious risk", "serious risks")
        if field == "serious_risks"
        else ("side effect", "side effects")
    )
    return one if count == 1 else many


def test_a_short_card_is_shorter_than_its_fold(catalogue: Catalogue) -> None:
    # What a phone shows before a tap: well under the words a tap adds.
    for option in catalogue.options:
        short = card_in_short(option)
        full = re.sub(r"\[\\\[\d+\\\]\]\([^)]*\)", "", card_in_full(option, catalogue))
        assert len(short.split()) < 0.7 * len(full.split()), option.id


@settings(max_examples=60, deadline=None)
@given(low=st.integers(0, 100), extra=st.integers(0, 100))
def test_the_slide_picture_draws_each_group_s_people_in_its_own_shape_and_colour(
    catalogue: Catalogue, low: int, extra: int
) -> None:
    high = min(100, low + extra)
    benefit = (
        catalogue.options[0].helps[0].model_copy(update={"per_100": Per100(low=low, high=high)})
    )
    key = charts.icon_array_key(benefit)
    assert sum(group.people for group in key) == 100
    assert [g.kind for g in key] == (
        ["helped", "not-helped"] if low == high else ["helped", "more", "not-helped"]
    )
    picture = ElementTree.fromstring(charts.icon_grid_svg(benefit))
    drawn = {path.get("fill"): path.get("d", "").count("M") for path in picture}
    assert drawn == {g.colour: g.people for g in key if g.people}
    # The three kinds differ in shape as well as colour.
    assert len({g.shape for g in key}) == len(key)


def test_a_slide_picture_s_title_is_its_time_frame_and_caveat(catalogue: Catalogue) -> None:
    heat = catalogue.options[3]
    assert charts.picture_title(heat.helps[0]) == [
        "After about a year",
        "From one study of 99 people. Other studies disagree.",
    ]
    assert charts.picture_title(catalogue.options[0].helps[0]) == ["After each round of shots"]


def test_a_powerpoint_slide_s_picture_has_larger_type_and_leaves_the_name_to_the_slide(
    catalogue: Catalogue,
) -> None:
    option = catalogue.options[3]
    for benefit in option.helps:
        page = charts.icon_array(option, benefit).to_dict()
        slide = charts.icon_array(option, benefit, for_slide=True).to_dict()
        assert page["title"]["text"][0] == option.short_name
        assert " ".join(slide["title"]["text"]) == charts.picture_title(benefit)[0]
        for part in ("color", "shape"):
            page_size = page["encoding"][part]["legend"]["labelFontSize"]
            assert slide["encoding"][part]["legend"]["labelFontSize"] >= 1.5 * page_size
        assert slide["title"]["fontSize"] >= 1.5 * page["title"]["fontSize"]
