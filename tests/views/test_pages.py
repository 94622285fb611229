"""Every page runs, shows what it must, and its widgets do what they say."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from components import charts
from tests.helpers import ALL_OPTIONS, write_data
from tests.views.apptest import (
    APP,
    PAGES,
    TIMEOUT,
    comparison_table,
    hidden_cards,
    markdown_tables,
    option_names,
    plain,
)
from treatments.facts import ANSWER_FIELDS, FIELDS
from treatments.markdown import escape
from treatments.schema import Catalogue
from treatments.table import TABLE_FIELDS

ALL = ALL_OPTIONS


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_and_carries_the_footer(open_page, catalogue: Catalogue, page: str) -> None:
    at = open_page(page)
    assert at.title, "every page has a title"
    footer = " ".join(c.value for c in at.caption)
    checked = catalogue.meta.last_reviewed
    assert f"Facts last checked: {checked.day:02} {checked:%B} {checked.year}" in footer
    assert "does not tell you which treatment to choose" in footer
    assert "does not take the place of your doctor" in footer


def test_compare_shows_all_five_options_in_a_table(open_page) -> None:
    at = open_page()
    assert option_names(at) == ALL
    assert at.info[0].value.startswith("This tool does not tell you which treatment to choose")
    frame = comparison_table(at)
    assert "How invasive" in frame.columns
    assert "How often it is repeated" in frame.columns
    # Read aloud, each answer starts with its option's name (hidden from sight).
    assert plain(frame.iloc[2]["How invasive"]).startswith(
        "`Brain surgery:` Level 4 of 4: Brain surgery, fully asleep. Brain surgery."
    )


def test_compare_draws_both_charts_with_text(open_page) -> None:
    at = open_page()
    # One repeats chart, then one picture of 100 for each benefit with a fair
    # number: shots, surgery and heat needle right after, surgery and heat needle later.
    assert len(at.get("vega_lite_chart")) == 1
    alts = [p.proto.imgs[0].alt for p in at.get("image")]
    # Each picture once: in a fold a phone shows shut and a wide screen open
    # (app.css), each benefit's own.
    assert len(alts) == len(set(alts)) == 5
    captions = " ".join(c.value for c in at.caption)
    assert "How many times each option is done in 5 years" in captions
    assert "A dashed line means it is taken every day, so there is no count" in captions
    # Each picture's text version is in sentences, and its legend is text too.
    assert (
        "Botulinum toxin injections, after each round of shots, out of 100 people: "
        "At least 73 were helped. Up to 25 more may have been helped. Studies differ. "
        "The rest were not helped." in " ".join(alts)
    )
    text = " ".join(" ".join(plain(m.value).split()) for m in at.markdown)
    assert "28 were helped. The other 72 were not helped." in text
    assert "From one study of 99 people. Other studies disagree." in text
    headings = [s.value for s in at.subheader]
    assert headings.index("Soon after the treatment") < headings.index("A year or more later")
    # Tablets and watch and wait: no picture, but the reason, where the picture would be.
    text = " ".join(plain(m.value) for m in at.markdown)
    assert "Tablets: No reliable number (in the first weeks). No fair study gives a number" in text
    assert "Watch and wait: No reliable number" in text


def test_the_pictures_keep_every_option_whatever_the_filters_say(open_page) -> None:
    # The filters narrow the table; the pictures stay a fixed reference, so a
    # filter click has six fewer charts to redraw.
    at = open_page(no_general="true", show_wait="false")
    assert len(option_names(at)) == 3
    assert len(at.get("image")) == 5, "one picture for each counted benefit"
    alts = " ".join(p.proto.imgs[0].alt for p in at.get("image"))
    pictured = [ALL[0], ALL[2], ALL[3]]
    assert all(f"{name}, " in alts for name in pictured), "a picture of 100 in words"
    text = " ".join(plain(m.value) for m in at.markdown)
    assert "Tablets: No reliable number" in text and "Watch and wait: No reliable number" in text


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("no_general", True, [ALL[0], ALL[1], ALL[3], ALL[4]]),
        ("no_stay", True, [ALL[0], ALL[1], ALL[3], ALL[4]]),
        ("show_wait", False, ALL[:4]),
        ("most_invasive", 1, [ALL[0], ALL[1], ALL[4]]),
        ("repeat", "once", [ALL[2], ALL[4]]),
        ("repeat", "repeated", [ALL[0], ALL[1], ALL[3], ALL[4]]),
        ("kind", ["Tablets", "Injections"], [ALL[0], ALL[1], ALL[4]]),
    ],
)
def test_each_filter_changes_the_rows(open_page, key: str, value: object, expected) -> None:
    at = open_page()
    if key == "kind":
        at.pills(key=key).set_value(value).run()
    elif key == "most_invasive":
        at.select_slider(key=key).set_value(value).run()
    elif key == "repeat":
        at.radio(key=key).set_value(value).run()
    else:
        at.checkbox(key=key).set_value(value).run()
    assert not at.exception
    assert option_names(at) == expected
    assert f"({len(expected)} of 5)" in at.header[0].value


def test_shared_link_reproduces_the_filtered_view(open_page) -> None:
    at = open_page(no_general="true", most_invasive="2", kind=["Injections", "Heat needle"])
    assert option_names(at) == [ALL[0], ALL[3], ALL[4]]
    assert at.checkbox(key="no_general").value is True
    assert at.select_slider(key="most_invasive").value == 2


def test_a_link_made_before_the_kinds_were_renamed_opens_the_same_view(open_page) -> None:
    """Patients: the shots were "Shots" on the filter and "Injections" elsewhere;
    the kinds now say the short names, and a handout's old QR code still works."""
    old = open_page(no_general="true", kind=["Shots", "Needle procedure"])
    new = open_page(no_general="true", kind=["Injections", "Heat needle"])
    assert option_names(old) == option_names(new) == [ALL[0], ALL[3], ALL[4]]
    assert old.button_group(key="kind").value == ["Injections", "Heat needle"]


def test_the_invasiveness_filter_offers_only_levels_an_option_has(open_page) -> None:
    """Patients: "Level 3: open surgery outside the skull" was a stop no option sits at."""
    at = open_page()
    assert at.select_slider(key="most_invasive").options == ["0", "1", "2", "4"]
    # An old link's level 3 leaves out what it always did: it opens at level 2.
    at = open_page(most_invasive="3")
    assert at.select_slider(key="most_invasive").value == 2
    assert option_names(at) == [ALL[0], ALL[1], ALL[3], ALL[4]]


def test_bad_url_values_fall_back_to_defaults(open_page) -> None:
    at = open_page(most_invasive="99", repeat="sometimes", no_stay="maybe", kind="<script>")
    assert option_names(at) == ALL


def test_empty_result_says_so_and_clears(open_page) -> None:
    at = open_page(kind="", show_wait="false")
    assert option_names(at) == []
    assert "No option fits all of these choices" in at.warning[0].value
    at.button(key="clear_filters").click().run()
    assert not at.exception
    assert option_names(at) == ALL


def test_side_by_side_cards_show_every_field_for_each_choice(open_page) -> None:
    at = open_page(side_by_side=["Injections", "Brain surgery"])
    names = [s.value for s in at.subheader if s.value in ALL][len(ALL) :]
    assert names == ["Botulinum toxin injections", "Microvascular decompression (surgery)"]
    card_text = " ".join(m.value for m in at.markdown)
    for field in ANSWER_FIELDS:
        # Two side-by-side cards, and the comparison's phone cards (one per
        # option) for the questions the comparison table asks; in each card
        # once in the short answers (the question, then its answer on the same
        # line) and once in the fold under them (the question with its unit).
        in_comparison = field in TABLE_FIELDS
        in_short = card_text.count(f"**{escape(FIELDS[field].label)}:**")
        in_fold = card_text.count(f"**{escape(FIELDS[field].heading)}**")
        assert in_short == in_fold == 2 + 5 * in_comparison, field


def test_side_by_side_needs_two(open_page) -> None:
    at = open_page()
    # The first five option headings are the comparison's phone cards.
    assert [s.value for s in at.subheader if s.value in ALL] == ALL
    assert any("Pick at least 2 options" in c.value for c in at.caption)
    at.multiselect(key="side_by_side").set_value(["Tablets", "Watch and wait", "Heat needle"]).run()
    assert [s.value for s in at.subheader if s.value in ALL][5:] == [ALL[1], ALL[4], ALL[3]]


def test_about_page_explains_the_condition(open_page, catalogue: Catalogue) -> None:
    at = open_page("about")
    assert [s.value for s in at.subheader] == [a.heading for a in catalogue.about]
    text = " ".join(plain(m.value) for m in at.markdown)
    assert "MRI" in text and "MRA" in text
    assert "dura" in text


def test_sources_page_lists_every_source_with_its_link(open_page, catalogue: Catalogue) -> None:
    at = open_page("sources")
    text = " ".join(m.value for m in at.markdown)
    for number, source in enumerate(catalogue.sources, start=1):
        # The list number is the one the [n] links in the table use.
        assert re.search(rf"(^|\s){number}\. \*\*[^\n]*Key: `{source.key}`", text), source.key
        assert source.url.replace("(", "%28").replace(")", "%29") in text
    assert "Injections: how many it helps" in text.replace("\\", "")
    assert "Flesch-Kincaid grade: **" in text
    assert "No one paid for this tool" in text


def test_broken_data_file_shows_a_friendly_error_and_no_data(tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("meta:\n  title: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("TREATMENTS_FILE", str(bad))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "This tool cannot show the treatments right now"
    assert "nothing is shown" in at.error[0].value
    assert any("YAML syntax error" in m.value for m in at.markdown)
    assert len(at.table) == 0
    assert markdown_tables(at) == []


def test_cached_chart_data_is_arrow_that_reads_back_every_option(catalogue: Catalogue) -> None:
    # Streamlit passes Arrow bytes straight through instead of converting the
    # rows on every run; the bytes must still hold every option.
    spec = charts.repeats_spec(catalogue.options, "test-version", ("all",))
    (data,) = spec["datasets"].values()
    assert isinstance(data, bytes)
    with pa.ipc.open_stream(io.BytesIO(data)) as reader:
        rows = reader.read_pandas()
    assert set(rows["option"]) >= {o.short_name for o in catalogue.options}


def test_an_edit_that_keeps_the_file_s_length_shows_new_grades(
    tmp_path: Path, monkeypatch, raw_data
) -> None:
    """The Sources page's live grades follow the file, not its review date or length."""
    data = copy.deepcopy(raw_data)
    path = write_data(data, tmp_path / "facts.yaml")
    monkeypatch.setenv("TREATMENTS_FILE", str(path))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page(PAGES["sources"]).run()

    def grade_shown() -> str:
        text = " ".join(m.value for m in at.markdown)
        return re.search(r"Flesch-Kincaid grade: \*\*([\d.]+)\*\*", text).group(1)

    before = grade_shown()
    # Same length, same review date, far harder words in every option's answers.
    hard = "Incomprehensibly multidisciplinary organisational considerations. " * 20
    for option in data["options"]:
        for field in ("what_it_is", "how_it_is_done", "onset", "duration", "usually_for"):
            text = option[field]["text"]
            # Stripped text keeps its length only if it does not end in a space.
            option[field]["text"] = hard[: len(text) - 1] + "s"
    write_data(data, path)
    at.switch_page(PAGES["sources"]).run()
    assert not at.exception
    assert float(grade_shown()) > float(before) + 1


def test_the_phone_cards_follow_the_filters_like_the_table(open_page) -> None:
    at = open_page(no_general="true", show_wait="false")
    shown = option_names(at)
    assert shown == [ALL[0], ALL[1], ALL[3]]
    # Every card is drawn once, in the table's order; the stylesheet hides
    # the same options the table hides.
    assert [s.value for s in at.subheader if s.value in ALL] == ALL
    assert [name for n, name in enumerate(ALL, start=1) if n not in hidden_cards(at)] == shown
