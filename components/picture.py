"""A picture of 100 people, on the Compare page and on a slide: an SVG of the
people under its title and over its legend, both text in the page's own type,
so they grow with a phone's large text and with a projector's screen."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components import words
from treatments import charts
from treatments.markdown import escape
from treatments.schema import Benefit, Option

# Every legend sits in a container keyed with this, and app.css and the
# style below find it by the key.
LEGEND_KEY = "picture-legend"

# The legend marks each line with its group's shape in its colour, drawn by
# CSS so the words stay plain text (and a screen reader skips the marks). The
# first line is always the helped, the last the not helped; a middle line is
# the "more may have been". Built from the chart's own looks; no data goes in.
_LEGEND = f'[class*="st-key-{LEGEND_KEY}-"] [data-testid="stMarkdownContainer"]'
_LEGEND_LINE: dict[charts.GroupKind, str] = {
    "helped": "p:first-of-type",
    "more": "p:nth-of-type(2):not(:last-of-type)",
    "not-helped": "p:last-of-type",
}
PICTURE_STYLE = "\n".join(
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


def picture_of_100(option: Option, benefit: Benefit, key: str, title: Sequence[str]) -> None:
    """A benefit's picture of 100: ``title``'s lines (the first in bold), the
    people, and the legend, in a container keyed ``key``.

    The picture's text version, in sentences, is its alt text; the legend says
    the same groups in words beside their shapes.
    """
    first, *rest = title
    drawn = words.picture(option.id, option.helps.index(benefit))
    with st.container(key=key):
        st.markdown("  \n".join([f"**{escape(first)}**", *map(escape, rest)]))
        st.image(drawn.svg, alt=drawn.alt)
        with st.container(key=f"{LEGEND_KEY}-{key}"):
            st.markdown(drawn.legend)
