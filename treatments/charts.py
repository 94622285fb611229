"""Altair charts and the plain-text summary that goes with each.

Every chart has a one-line text version for screen readers and for anyone
who reads text faster than a chart. Meaning never rests on colour alone:
each group in the icon array also has its own shape.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import altair as alt
import pandas as pd

from treatments import wording
from treatments.schema import MAX_INVASIVENESS, SOON_TIMEFRAMES, Benefit, Option, Per100

# Colours meet 3:1 contrast against white (WCAG 1.4.11) and stay apart in
# grey-scale print; shapes carry the same meaning without colour.
HELPED_COLOUR = "#1b5e20"
MAYBE_COLOUR = "#8a5a00"
NOT_HELPED_COLOUR = "#6b6b6b"
TEXT_COLOUR = "#1a1a1a"
_GRID = 10
_TITLE_WIDTH = 22  # characters a line of bold title in a 200-pixel-wide picture
_LEGEND = alt.Legend(
    title=None,
    orient="bottom",
    direction="vertical",
    labelLimit=0,
    labelFontSize=14,
    labelColor=TEXT_COLOUR,
)


def icon_array_groups(benefit: Benefit) -> list[str]:
    """The legend's words, one per group of people, in drawing order.

    The low and high ends of a range are the lowest and highest counts the
    studies found: the words say exactly that, and nothing about "all" or
    "some" studies, which would claim more than the range shows. They are
    short, because the picture is about 200 pixels wide.
    """
    count = _count(benefit)
    low, high = count.low, count.high
    if low == high:
        return [f"Helped: {low}", f"Not helped: {100 - high}"]
    return [
        f"Helped, lowest count: {low}",
        f"Helped, highest count: +{high - low}",
        f"Not helped: {100 - high}",
    ]


def _count(benefit: Benefit) -> Per100:
    if benefit.per_100 is None:
        raise ValueError("a benefit with no number has no picture; say why instead")
    return benefit.per_100


def icon_array_data(benefit: Benefit) -> pd.DataFrame:
    """100 people in a 10 by 10 grid, each in one of the legend's groups."""
    count = _count(benefit)
    groups = icon_array_groups(benefit)
    rows = []
    for person in range(100):
        if person < count.low:
            group = groups[0]
        elif person < count.high:
            group = groups[1]
        else:
            group = groups[-1]
        # Row 0 at the top, filled left to right, like reading a page.
        rows.append({"row": person // _GRID, "column": person % _GRID, "group": group})
    return pd.DataFrame(rows)


def icon_array(option: Option, benefit: Benefit) -> alt.Chart:
    """How many of 100 people the option helps at one time, as 100 figures."""
    groups = icon_array_groups(benefit)
    # The middle group (helped only by the highest figure) exists only for a range.
    colours = [HELPED_COLOUR, MAYBE_COLOUR, NOT_HELPED_COLOUR]
    shapes = ["circle", "diamond", "cross"]
    if len(groups) == 2:
        del colours[1], shapes[1]
    # Vega cuts a long title short with "…"; broken into lines, every word shows.
    title = alt.Title(
        [option.short_name, *textwrap.wrap(wording.timeframe_phrase(benefit.when), _TITLE_WIDTH)],
        subtitle=textwrap.wrap(benefit.caveat or "", _TITLE_WIDTH),
        anchor="start",
        subtitleColor=TEXT_COLOUR,
        subtitleFontSize=14,
    )
    return (
        alt.Chart(icon_array_data(benefit), title=title)
        .mark_point(filled=True, size=150, opacity=1)
        .encode(
            x=alt.X("column:Q", axis=None, scale=alt.Scale(domain=[-0.5, _GRID - 0.5])),
            y=alt.Y("row:Q", axis=None, scale=alt.Scale(domain=[-0.5, _GRID - 0.5], reverse=True)),
            color=alt.Color(
                "group:N", scale=alt.Scale(domain=groups, range=colours), legend=_LEGEND
            ),
            shape=alt.Shape(
                "group:N", scale=alt.Scale(domain=groups, range=shapes), legend=_LEGEND
            ),
            tooltip=[alt.Tooltip("group:N", title="Group")],
        )
        .properties(width=200, height=200)
    )


def icon_array_summary(option: Option, benefit: Benefit) -> str:
    """The icon array in words."""
    caveat = f" {benefit.caveat}" if benefit.caveat else ""
    return (
        f"{option.name}: {wording.count_phrase(_count(benefit))} people were helped, "
        f"{wording.timeframe_phrase(benefit.when)}.{caveat} Here, helped means: "
        f"{benefit.means[:1].lower()}{benefit.means[1:]}"
    )


def counted_benefits(options: Sequence[Option], *, soon: bool) -> list[tuple[Option, Benefit]]:
    """The benefits with a number, measured soon after treatment or later."""
    return [
        (option, benefit)
        for option in options
        for benefit in option.helps
        if benefit.per_100 is not None and (benefit.when in SOON_TIMEFRAMES) == soon
    ]


def uncounted_benefits(options: Sequence[Option]) -> list[tuple[Option, Benefit]]:
    """The benefits no fair study gives a number for: no picture, a reason."""
    return [(o, b) for o in options for b in o.helps if b.per_100 is None]


def repeats_data(options: Sequence[Option]) -> pd.DataFrame:
    rows = []
    for option in options:
        times = option.repeat.times_in_5_years
        rows.append(
            {
                "option": option.short_name,
                "level": option.invasiveness.level,
                "low": times.low,
                "high": times.high,
                "middle": (times.low + times.high) / 2,
                "times": wording.range_phrase(times, "time") if times.high else "0 times",
                "how_invasive": wording.invasiveness_phrase(option.invasiveness.level),
            }
        )
    return pd.DataFrame(
        rows, columns=["option", "level", "low", "high", "middle", "times", "how_invasive"]
    )


def repeats_chart(options: Sequence[Option]) -> alt.LayerChart:
    """Treatments (or dose checks) over 5 years against how invasive each is."""
    data = repeats_data(options)
    x = alt.X(
        "level:Q",
        # Short enough for a phone; the caption says what 0 and 4 mean.
        title="How invasive (0 to 4)",
        # Room on the right for the label of a level-4 option.
        scale=alt.Scale(domain=[-0.5, MAX_INVASIVENESS + 1.2]),
        axis=alt.Axis(values=list(range(MAX_INVASIVENESS + 1)), format="d"),
    )
    base = alt.Chart(data)
    tooltip = [
        alt.Tooltip("option:N", title="Option"),
        alt.Tooltip("times:N", title="In 5 years"),
        alt.Tooltip("how_invasive:N", title="How invasive"),
    ]
    bars = base.mark_rule(strokeWidth=6, color=HELPED_COLOUR).encode(
        x=x,
        y=alt.Y("low:Q", title="Treatments or dose checks in 5 years"),
        y2="high:Q",
        tooltip=tooltip,
    )
    points = base.mark_point(filled=True, size=120, color=HELPED_COLOUR).encode(
        x=x, y="middle:Q", tooltip=tooltip
    )
    labels = base.mark_text(align="left", dx=10, fontSize=15, color=TEXT_COLOUR).encode(
        x=x, y="middle:Q", text="option:N"
    )
    return (bars + points + labels).properties(height=320)


REPEATS_INTRO = (
    "Treatments or dose checks in 5 years, against how invasive each option is: "
    "0 means nothing is done to the body, 4 means brain surgery."
)


def repeats_lines(options: Sequence[Option]) -> list[str]:
    """One sentence per option for the repeats chart."""
    lines = []
    for option in options:
        times = option.repeat.times_in_5_years
        count = wording.range_phrase(times, "time") if times.high else "0 times"
        lines.append(
            f"{option.short_name}, invasive level {option.invasiveness.level} of "
            f"{MAX_INVASIVENESS}: {count}."
        )
    return lines


def repeats_summary(options: Sequence[Option]) -> str:
    """The repeats chart in words."""
    # One sentence per option: a list joined by semicolons reads as one long sentence.
    return " ".join([REPEATS_INTRO, *repeats_lines(options)])
