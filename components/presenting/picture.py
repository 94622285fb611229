"""A picture of 100 people on a slide: an SVG that grows with the projector's
screen, under its time frame and over its legend, both text in the slide's type."""

from __future__ import annotations

import streamlit as st

from treatments import charts
from treatments.markdown import escape
from treatments.schema import Benefit, Option

# The slide's legend marks each line with its group's shape in its colour,
# drawn by CSS so the words stay plain text. The first line is always the
# helped, the last the not helped; a middle line is the "more at the highest
# count". Built from the chart's own looks; no data goes in it.
_LEGEND = '[class*="st-key-slide-legend-"] [data-testid="stMarkdownContainer"]'
_LEGEND_LINE: dict[charts.GroupKind, str] = {
    "helped": "p:first-of-type",
    "more": "p:nth-of-type(2):not(:last-of-type)",
    "not-helped": "p:last-of-type",
}
SLIDE_PICTURE_STYLE = "\n".join(
    [
        "<style>",
        *(
            f'{_LEGEND} {line}::before {{ content: "{charts.SHAPE_MARKS[shape]}\\00a0" / ""; '
            f"color: {colour}; }}"
            for kind, line in _LEGEND_LINE.items()
            for colour, shape in [charts.LOOKS[kind]]
        ),
        "</style>",
    ]
)


def slide_picture(option: Option, benefit: Benefit, position: int) -> None:
    """A benefit's picture of 100 for a slide, titled with its time frame.

    The title and legend are text, not part of the picture, so that they take
    the slide's type and grow with a projector's screen; the 100 people are
    an SVG picture, which the slide's style sizes to the screen too.
    """
    when, *caveat = charts.picture_title(benefit)
    with st.container(key=f"slide-picture-{position}"):
        st.markdown("  \n".join([f"**{escape(when)}**", *map(escape, caveat)]))
        st.image(charts.icon_grid_svg(benefit), alt=charts.icon_array_summary(option, benefit))
        with st.container(key=f"slide-legend-{position}"):
            st.markdown("\n\n".join(escape(g.words) for g in charts.icon_array_key(benefit)))
