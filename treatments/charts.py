"""Altair charts and the plain-text summary that goes with each.

Every chart has a one-line text version for screen readers and for anyone
who reads text faster than a chart. Meaning never rests on colour alone:
each group in the icon array also has its own shape.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from treatments import wording
from treatments.schema import MAX_INVASIVENESS, Option

# Colours meet 3:1 contrast against white (WCAG 1.4.11) and stay apart in
# grey-scale print; shapes carry the same meaning without colour.
HELPED_COLOUR = "#1b5e20"
MAYBE_COLOUR = "#8a5a00"
NOT_HELPED_COLOUR = "#6b6b6b"
TEXT_COLOUR = "#1a1a1a"
_GRID = 10
_LEGEND = alt.Legend(
    title=None,
    orient="bottom",
    direction="vertical",
    labelLimit=0,
    labelFontSize=14,
    labelColor=TEXT_COLOUR,
)


def icon_array_data(option: Option) -> pd.DataFrame:
    """100 people in a 10 by 10 grid, each in one of three groups.

    The low end of the reported range is drawn as "helped"; the gap up to
    the high end as "helped in some studies"; the rest as "not helped".
    """
    low, high = option.helps.per_100.low, option.helps.per_100.high
    rows = []
    for person in range(100):
        if person < low:
            group = f"Helped in all studies ({low})"
        elif person < high:
            group = f"Helped in some studies ({high - low})"
        else:
            group = f"Not helped ({100 - high})"
        # Row 0 at the top, filled left to right, like reading a page.
        rows.append({"row": person // _GRID, "column": person % _GRID, "group": group})
    return pd.DataFrame(rows)


def icon_array(option: Option) -> alt.Chart:
    """How many of 100 people the option helps, as 100 figures."""
    data = icon_array_data(option)
    low, high = option.helps.per_100.low, option.helps.per_100.high
    domain = [
        f"Helped in all studies ({low})",
        f"Helped in some studies ({high - low})",
        f"Not helped ({100 - high})",
    ]
    return (
        alt.Chart(data, title=alt.Title(option.short_name, anchor="start"))
        .mark_point(filled=True, size=150, opacity=1)
        .encode(
            x=alt.X("column:Q", axis=None, scale=alt.Scale(domain=[-0.5, _GRID - 0.5])),
            y=alt.Y("row:Q", axis=None, scale=alt.Scale(domain=[-0.5, _GRID - 0.5], reverse=True)),
            color=alt.Color(
                "group:N",
                scale=alt.Scale(
                    domain=domain, range=[HELPED_COLOUR, MAYBE_COLOUR, NOT_HELPED_COLOUR]
                ),
                legend=_LEGEND,
            ),
            shape=alt.Shape(
                "group:N",
                scale=alt.Scale(domain=domain, range=["circle", "diamond", "cross"]),
                legend=_LEGEND,
            ),
            tooltip=[alt.Tooltip("group:N", title="Group")],
        )
        .properties(width=200, height=200)
    )


def icon_array_summary(option: Option) -> str:
    """The icon array in words."""
    helps = option.helps
    return (
        f"{option.name}: {wording.count_phrase(helps.per_100)} people were helped "
        f"in the studies. Here, helped means: {helps.means[:1].lower()}{helps.means[1:]}"
    )


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
        title="How invasive (0 = nothing done to the body, 4 = brain surgery)",
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


REPEATS_INTRO = "Treatments or dose checks in 5 years."


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
