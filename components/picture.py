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

# Every picture's key holds this, on Compare and on a slide.
PICTURE_MARK = "-picture-"
# A legend is the element just after its picture's people: app.css, the style
# below and the tests find it so. It needs no container of its own, which
# would be one more element to send and draw for each picture.
_AFTER_PEOPLE = (
    ' > [data-testid="stElementContainer"]:has([data-testid="stImage"])'
    ' + [data-testid="stElementContainer"]'
)
LEGEND = f'[class*="st-key-"][class*="{PICTURE_MARK}"]{_AFTER_PEOPLE}'


def legend_of(key: str) -> str:
    """The CSS selector of the legend of the picture keyed ``key``."""
    return f".st-key-{key}{_AFTER_PEOPLE}"


# The legend marks each line with its group's shape in its colour, drawn by
# CSS so the words stay plain text (and a screen reader skips the marks). The
# first line is always the helped, the last the not helped; a middle line is
# the "more may have been". Built from the chart's own looks; no data goes in.
_LEGEND = f'{LEGEND} [data-testid="stMarkdownContainer"]'
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
    people, and the legend, in a container keyed ``key`` (which holds
    :data:`PICTURE_MARK`).

    The picture's text version, in sentences, is its alt text; the legend says
    the same groups in words beside their shapes.
    """
    if PICTURE_MARK not in key:
        raise ValueError(f"a picture's key holds {PICTURE_MARK!r}, for its legend's style: {key!r}")
    first, *rest = title
    drawn = words.picture(option.id, option.helps.index(benefit))
    with st.container(key=key):
        st.markdown("  \n".join([f"**{escape(first)}**", *map(escape, rest)]))
        st.image(drawn.svg, alt=drawn.alt)
        st.markdown(drawn.legend)
