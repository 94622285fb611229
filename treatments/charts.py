"""Altair charts and the plain-text summary that goes with each.

Every chart has a one-line text version for screen readers and for anyone
who reads text faster than a chart. Meaning never rests on colour alone:
each group in the icon array also has its own shape.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import altair as alt
import pandas as pd

from treatments import wording
from treatments.i18n import N_, gettext, ngettext
from treatments.schema import MAX_INVASIVENESS, SOON_TIMEFRAMES, Benefit, Option, Per100

# Colours meet 3:1 contrast against white (WCAG 1.4.11) and stay apart in
# grey-scale print; shapes carry the same meaning without colour.
HELPED_COLOUR = "#1b5e20"
MAYBE_COLOUR = "#8a5a00"
NOT_HELPED_COLOUR = "#6b6b6b"
TEXT_COLOUR = "#1a1a1a"
_GRID = 10
_TITLE_WIDTH = 22  # characters a line of bold title in a 200-pixel-wide picture
_TYPE = 14  # the legend's and title's type on a page, in pixels
# On a PowerPoint slide the picture is scaled to the slide's text: type about
# as large as the slide's smaller lines, and a title broken shorter to match.
_SLIDE_TYPE = 24
_SLIDE_TITLE_WIDTH = 16


GroupKind = Literal["helped", "more", "not-helped"]
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Group:
    """One group of people in a picture of 100: its legend words and how it is drawn."""

    kind: GroupKind
    words: str
    people: int
    colour: str
    shape: str  # a Vega-Lite point shape; the slide's picture draws the same three


# What each kind of person looks like, wherever a picture of 100 is drawn.
LOOKS: dict[GroupKind, tuple[str, str]] = {
    "helped": (HELPED_COLOUR, "circle"),
    "more": (MAYBE_COLOUR, "diamond"),
    "not-helped": (NOT_HELPED_COLOUR, "cross"),
}


def icon_array_key(benefit: Benefit) -> list[Group]:
    """The picture's groups of people, in drawing order, with the legend's words.

    The low and high ends of a range are the lowest and highest counts the
    studies found. So the words say "at least" the low end were helped, and
    that up to the difference "may have been": never a bare "+25", and never
    the best case's "not helped" as if it were a fact. Each is a short
    sentence, for a legend read beside its shape and for a screen reader. The
    middle group exists only for a range.
    """
    count = _count(benefit)
    low, high = count.low, count.high
    if low == high:
        kinds: list[tuple[GroupKind, str, int]] = [
            ("helped", ngettext("{count} was helped.", "{count} were helped.", low), low),
            (
                "not-helped",
                ngettext(
                    "The other {count} was not helped.",
                    "The other {count} were not helped.",
                    100 - low,
                ),
                100 - low,
            ),
        ]
    else:
        kinds = [
            (
                "helped",
                ngettext("At least {count} was helped.", "At least {count} were helped.", low),
                low,
            ),
            (
                "more",
                ngettext(
                    "Up to {count} more may have been helped. Studies differ.",
                    "Up to {count} more may have been helped. Studies differ.",
                    high - low,
                ),
                high - low,
            ),
            ("not-helped", gettext("The rest were not helped."), 100 - high),
        ]
    return [
        Group(kind, words.format(count=people), people, *LOOKS[kind])
        for kind, words, people in kinds
    ]


def icon_array_groups(benefit: Benefit) -> list[str]:
    """The legend's words, one per group of people, in drawing order."""
    return [group.words for group in icon_array_key(benefit)]


def _count(benefit: Benefit) -> Per100:
    if benefit.per_100 is None:
        raise ValueError("a benefit with no number has no picture; say why instead")
    return benefit.per_100


def picture_title(benefit: Benefit) -> list[str]:
    """A slide's title lines above a picture of 100: when it was measured, and any caveat.

    The slide names the option already, so the title need not.
    """
    when = wording.capitalised(wording.timeframe_phrase(benefit.when))
    return [when, *benefit.caveats]


def icon_array_data(benefit: Benefit) -> pd.DataFrame:
    """100 people in a 10 by 10 grid, each in one of the legend's groups."""
    people = [group.words for group in icon_array_key(benefit) for _ in range(group.people)]
    # Row 0 at the top, filled left to right, like reading a page.
    return pd.DataFrame(
        {
            "row": [person // _GRID for person in range(100)],
            "column": [person % _GRID for person in range(100)],
            "group": people,
        }
    )


# Each shape as a letter, for a legend written as text.
SHAPE_MARKS = {"circle": "\u25cf", "diamond": "\u25c6", "cross": "\u271a", "square": "\u25a0"}

# The pictures of people, each person a shape in a 10 by 10 cell, around the
# cell's centre: a circle of this radius, or a polygon with these corners.
# The shapes match Vega-Lite's circle, diamond and cross. An SVG picture (for
# slides and screens, where it scales) and the handout's PDF draw the same.
CIRCLE_RADIUS = 4.0
POLYGONS: dict[str, tuple[tuple[float, float], ...]] = {
    "diamond": ((0, -4.6), (4.6, 0), (0, 4.6), (-4.6, 0)),
    "cross": (
        (-1.5, -4.5),
        (1.5, -4.5),
        (1.5, -1.5),
        (4.5, -1.5),
        (4.5, 1.5),
        (1.5, 1.5),
        (1.5, 4.5),
        (-1.5, 4.5),
        (-1.5, 1.5),
        (-4.5, 1.5),
        (-4.5, -1.5),
        (-1.5, -1.5),
    ),
    "square": ((-3.6, -3.6), (3.6, -3.6), (3.6, 3.6), (-3.6, 3.6)),
}
# A circle in SVG as four Bézier curves, not arcs (0.5523 of the radius is
# the usual handle for a quarter circle): a PDF writer cuts an arc into many.
_R, _H = CIRCLE_RADIUS, round(CIRCLE_RADIUS * 0.5523, 3)
_CIRCLE_PATH = (
    f"M{{x}},{{y}}m{-_R:g},0c0,{-_H:g} {_R - _H:g},{-_R:g} {_R:g},{-_R:g}"
    f"s{_R:g},{_R - _H:g} {_R:g},{_R:g}s{_H - _R:g},{_R:g} {-_R:g},{_R:g}"
    f"s{-_R:g},{_H - _R:g} {-_R:g},{-_R:g}z"
)


def _shape_path(shape: str, x: float, y: float) -> str:
    """One person's shape, centred on (x, y), as SVG path data."""
    if shape == "circle":
        return _CIRCLE_PATH.format(x=x, y=y)
    return "M" + "L".join(f"{x + dx:g},{y + dy:g}" for dx, dy in POLYGONS[shape]) + "z"


# A room's answers to a question: the right answer first, in the helped
# people's colour and shape, then each other choice in a look of its own.
OTHER_COLOUR = "#3949ab"
TALLY_LOOKS: tuple[tuple[str, str], ...] = (
    (HELPED_COLOUR, "circle"),
    (MAYBE_COLOUR, "diamond"),
    (NOT_HELPED_COLOUR, "cross"),
    (OTHER_COLOUR, "square"),
)


# The room's picture is 400 pixels wide and never more than this high: ten
# people to a row (40 pixels each) in a small room, more in a big one.
TALLY_WIDTH, TALLY_MOST_HEIGHT = 400, 160


def tally_per_row(people: int) -> int:
    """How many people a row of the room's picture holds: ten, or twice as
    many as often as it takes to keep the picture low enough for a slide."""
    per_row = 10
    while -(-people // per_row) * TALLY_WIDTH / per_row > TALLY_MOST_HEIGHT:
        per_row *= 2
    return per_row


def tally_svg(counts: Sequence[int]) -> str:
    """The people in a room who answered, in rows, grouped by their answer in
    ``counts``' order (each group drawn in :data:`TALLY_LOOKS`' look in turn)."""
    per_row = tally_per_row(sum(counts))
    shapes = []
    person = 0
    for people, (colour, shape) in zip(counts, TALLY_LOOKS, strict=False):
        cells = []
        for _ in range(people):
            x, y = 5 + 10 * (person % per_row), 5 + 10 * (person // per_row)
            cells.append(_shape_path(shape, x, y))
            person += 1
        if cells:
            shapes.append(f'<path fill="{colour}" d="{"".join(cells)}"/>')
    rows = max(1, -(-person // per_row))
    width, height = 10 * per_row, 10 * rows
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{TALLY_WIDTH}" height="{TALLY_WIDTH * height // width}">'
        f"{''.join(shapes)}</svg>"
    )


def icon_grid_people(benefit: Benefit) -> list[tuple[Group, list[tuple[int, int]]]]:
    """Each group with people in it, and the centre of each of its people's
    cells in the 100 by 100 picture, ten to a row, in drawing order."""
    people: list[tuple[Group, list[tuple[int, int]]]] = []
    person = 0
    for group in icon_array_key(benefit):
        centres = []
        for _ in range(group.people):
            centres.append((5 + 10 * (person % _GRID), 5 + 10 * (person // _GRID)))
            person += 1
        if centres:
            people.append((group, centres))
    return people


def icon_grid_svg(benefit: Benefit) -> str:
    """The 100 people alone, as an SVG picture; the page writes the title and legend as text.
    (Paper draws the same people in black: the shapes alone tell the groups apart.)"""
    shapes = []
    for group, centres in icon_grid_people(benefit):
        path = "".join(_shape_path(group.shape, x, y) for x, y in centres)
        shapes.append(f'<path fill="{group.colour}" d="{path}"/>')
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" '
        f'width="200" height="200">{"".join(shapes)}</svg>'
    )


def icon_array(option: Option, benefit: Benefit, *, for_slide: bool = False) -> alt.Chart:
    """How many of 100 people the option helps at one time, as 100 figures.

    ``for_slide`` draws it for a PowerPoint slide, whose heading names the
    option already: the title is the time frame alone, and the words are in
    type large enough to read on a projector beside the slide's own text.
    """
    key = icon_array_key(benefit)
    if for_slide:
        size, width = _SLIDE_TYPE, _SLIDE_TITLE_WIDTH
        when, *caveat = picture_title(benefit)
        heading = textwrap.wrap(when, width)
    else:
        size, width = _TYPE, _TITLE_WIDTH
        caveat = list(benefit.caveats)
        heading = [option.short_name, *textwrap.wrap(wording.timeframe_phrase(benefit.when), width)]
    # Each legend line broken as the title is, so a long group's words widen
    # neither the picture nor, on a slide, the room it takes from the text.
    groups = ["\n".join(textwrap.wrap(group.words, width + 4)) for group in key]
    people = icon_array_data(benefit)
    people["group"] = people["group"].map(dict(zip([g.words for g in key], groups, strict=True)))
    colours = [group.colour for group in key]
    shapes = [group.shape for group in key]
    legend = alt.Legend(
        title=None,
        orient="bottom",
        direction="vertical",
        labelLimit=0,
        labelExpr="split(datum.label, '\\n')",
        labelFontSize=size,
        labelColor=TEXT_COLOUR,
        symbolSize=size * 9,
    )
    # Vega cuts a long title short with "…"; broken into lines, every word shows.
    title = alt.Title(
        heading,
        subtitle=[line for text in caveat for line in textwrap.wrap(text, width)],
        anchor="start",
        fontSize=size,
        subtitleColor=TEXT_COLOUR,
        subtitleFontSize=size,
    )
    return (
        alt.Chart(people, title=title)
        .mark_point(filled=True, size=150, opacity=1)
        .encode(
            x=alt.X("column:Q", axis=None, scale=alt.Scale(domain=[-0.5, _GRID - 0.5])),
            y=alt.Y("row:Q", axis=None, scale=alt.Scale(domain=[-0.5, _GRID - 0.5], reverse=True)),
            color=alt.Color(
                "group:N", scale=alt.Scale(domain=groups, range=colours), legend=legend
            ),
            shape=alt.Shape("group:N", scale=alt.Scale(domain=groups, range=shapes), legend=legend),
            tooltip=[alt.Tooltip("group:N", title=gettext("Group"))],
        )
        .properties(width=200, height=200)
    )


def icon_array_summary(option: Option, benefit: Benefit) -> str:
    """The picture in words, as sentences: the option, when, each group, what
    helped means. It is the picture's alt text, so a screen reader hears it whole."""
    groups = " ".join(group.words for group in icon_array_key(benefit))
    caveat = "".join(f" {text}" for text in benefit.caveats)
    return gettext(
        "{option}, {when}, out of 100 people: {groups}{caveats} Here, helped means: {means}"
    ).format(
        option=option.name,
        when=wording.timeframe_phrase(benefit.when),
        groups=groups,
        caveats=caveat,
        means=f"{benefit.means[:1].lower()}{benefit.means[1:]}",
    )


def pictured(option: Option) -> list[Benefit]:
    """An option's benefits with a number, in order: each has a picture of 100."""
    return [benefit for benefit in option.helps if benefit.per_100 is not None]


def counted_benefits(options: Sequence[Option], *, soon: bool) -> list[tuple[Option, Benefit]]:
    """The benefits with a number, measured soon after treatment or later."""
    return [
        (option, benefit)
        for option in options
        for benefit in pictured(option)
        if (benefit.when in SOON_TIMEFRAMES) == soon
    ]


def uncounted_benefits(options: Sequence[Option]) -> list[tuple[Option, Benefit]]:
    """The benefits no fair study gives a number for: no picture, a reason."""
    return [(o, b) for o in options for b in o.helps if b.per_100 is None]


def _times_words(option: Option) -> str:
    """``"10 to 20 times"``, ``"0 times"``, or for a daily treatment its pattern."""
    times = option.repeat.times_in_5_years
    if times is None:
        return gettext("{every}, so there is no count").format(
            every=wording.capitalised(option.repeat.every)
        )
    return wording.times_phrase(times)


def _chart_top(options: Sequence[Option]) -> int:
    """The top of the repeats chart's scale: a little above the highest count."""
    highs = [o.repeat.times_in_5_years.high for o in options if o.repeat.times_in_5_years]
    return max([5, *highs]) + 2


def repeats_data(options: Sequence[Option]) -> pd.DataFrame:
    """One row per option. A daily treatment spans the whole scale, drawn dashed."""
    top = _chart_top(options)
    rows = []
    for option in options:
        times = option.repeat.times_in_5_years
        low, high = (times.low, times.high) if times is not None else (0, top)
        rows.append(
            {
                "option": option.short_name,
                "label": option.short_name
                if times is not None
                else gettext("{option}: every day").format(option=option.short_name),
                "level": option.invasiveness.level,
                "daily": times is None,
                "low": low,
                "high": high,
                # A daily line's label sits just under the top, where it is not cut off.
                "middle": (low + high) / 2 if times is not None else top - 1,
                "times": _times_words(option),
                "how_invasive": wording.invasiveness_phrase(option.invasiveness.level),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "option",
            "label",
            "level",
            "daily",
            "low",
            "high",
            "middle",
            "times",
            "how_invasive",
        ],
    )


# The chart's words, as messages (said with ``gettext`` where they are shown).
REPEATS_AXIS = N_("Times it is done in 5 years")


def _label_sides(rightmost: str) -> tuple[tuple[str, Align, int], ...]:
    """Which labels read right of their line, and which left of it."""
    return ((f"!({rightmost})", "left", 10), (rightmost, "right", -10))


def repeats_chart(options: Sequence[Option]) -> alt.LayerChart:
    """How many times each option is done in 5 years against how invasive it is.

    A treatment taken every day has no count: it is drawn as a dashed line up
    the whole scale, labelled "every day", never as a number of visits.
    """
    data = repeats_data(options)
    x = alt.X(
        "level:Q",
        # Short enough for a phone; the caption says what 0 and 4 mean.
        title=gettext("How invasive ({least} to {most})").format(least=0, most=MAX_INVASIVENESS),
        # Room on the right for the labels of the options left of level 4.
        scale=alt.Scale(domain=[-0.5, MAX_INVASIVENESS + 0.5]),
        axis=alt.Axis(values=list(range(MAX_INVASIVENESS + 1)), format="d"),
    )
    y = alt.Y(
        "low:Q", title=gettext(REPEATS_AXIS), scale=alt.Scale(domain=[0, _chart_top(options)])
    )
    tooltip = [
        alt.Tooltip("option:N", title=gettext("Option")),
        alt.Tooltip("times:N", title=gettext("In 5 years")),
        alt.Tooltip("how_invasive:N", title=gettext("How invasive")),
    ]
    counted = alt.Chart(data).transform_filter("!datum.daily")
    daily = alt.Chart(data).transform_filter("datum.daily")
    bars = counted.mark_rule(strokeWidth=6, color=HELPED_COLOUR).encode(
        x=x, y=y, y2="high:Q", tooltip=tooltip
    )
    every_day = daily.mark_rule(strokeWidth=4, strokeDash=[6, 4], color=HELPED_COLOUR).encode(
        x=x, y=y, y2="high:Q", tooltip=tooltip
    )
    points = counted.mark_point(filled=True, size=120, color=HELPED_COLOUR).encode(
        x=x, y="middle:Q", tooltip=tooltip
    )
    # Labels read to the right of their line, but the most invasive option's
    # to the left, so that on a phone's narrow chart it is not cut off.
    rightmost = f"datum.level >= {MAX_INVASIVENESS}"
    labels = [
        alt.Chart(data)
        .transform_filter(keep)
        .mark_text(align=align, dx=dx, baseline="middle", fontSize=15, color=TEXT_COLOUR)
        .encode(x=x, y="middle:Q", text="label:N")
        for keep, align, dx in _label_sides(rightmost)
    ]
    return (bars + every_day + points + labels[0] + labels[1]).properties(height=320)


REPEATS_INTRO = N_(
    "How many times each option is done in 5 years (rounds of shots, operations or "
    "needle treatments), against how invasive it is: 0 means nothing is done to the body, "
    "4 means brain surgery. A dashed line means it is taken every day, so there is no count."
)


def repeats_lines(options: Sequence[Option]) -> list[str]:
    """One sentence per option for the repeats chart."""
    return [
        gettext("{option}, invasive level {level} of {most}: {times}.").format(
            option=option.short_name,
            level=option.invasiveness.level,
            most=MAX_INVASIVENESS,
            times=_times_words(option),
        )
        for option in options
    ]


def repeats_summary(options: Sequence[Option]) -> str:
    """The repeats chart in words."""
    # One sentence per option: a list joined by semicolons reads as one long sentence.
    return " ".join([gettext(REPEATS_INTRO), *repeats_lines(options)])
