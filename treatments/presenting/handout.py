"""The group handout: what a room takes home from a session, with the code
that opens the same view on a phone."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from treatments.charts import SHAPE_MARKS, icon_array_key, icon_grid_people, pictured
from treatments.i18n import format_date, gettext
from treatments.pdf import Writer
from treatments.presenting.script import IssueCard
from treatments.presenting.share import IT_OPENS, TYPE_IT, address_in_words, qr_png
from treatments.printout import (
    finish,
    option_groups,
    side_by_side,
    sources_section,
    start_document,
)
from treatments.schema import Catalogue, Option
from treatments.sources import source_numbers
from treatments.wording import timeframe_phrase

# The handout's QR code: 40 mm scans easily from a sheet held in the hand.
HANDOUT_QR_MM = 40
# The pictures of 100: three to a row across the page, each 34 mm square
# (a person is about 3 mm across).
PICTURES_A_ROW = 3
PICTURE_MM = 34
# Ruled lines for a person's own notes.
NOTE_LINES = 8


def group_handout(
    catalogue: Catalogue,
    options: Sequence[Option],
    *,
    cards: Sequence[IssueCard] = (),
    link: str | None = None,
    made_on: _dt.date | None = None,
) -> bytes:
    """What a room takes home from a session: the code to see it all again on a
    phone, the pictures of 100, each option's facts once, side by side, how
    people choose, the questions to ask, room for notes, and the sources.

    ``link`` is the address of the same view for a phone (see
    :mod:`treatments.presenting.share`); the first page carries it as a QR code
    and in words. The deck's issue ``cards`` ask the same facts again, one
    question at a time: on paper each fact is printed once, in the side-by-side
    grid, so they add nothing here.
    """
    del cards
    made_on = made_on or _dt.date.today()
    numbers = source_numbers(catalogue)
    cited: set[str] = set()
    deck = catalogue.deck
    out = start_document(
        catalogue,
        gettext("Hemifacial spasm: the options side by side"),
        gettext("Printed on {day}").format(day=format_date(made_on)),
    )
    if link:
        share = deck.share_slide
        words = [
            share.text or "",
            f"{gettext(TYPE_IT)} {address_in_words(link)}",
            f"{gettext(IT_OPENS)} {link}",
        ]
        out.heading(share.title)
        out.picture_beside(qr_png(link), "\n".join(w for w in words if w), size=HANDOUT_QR_MM)
    if not options:
        out.para(gettext("No options were picked for this handout."))
    _pictures(out, options)
    for group in option_groups(options):
        names = ", ".join(o.short_name for o in group)
        out.heading(gettext("Side by side: {options}").format(options=names))
        side_by_side(out, group, numbers, cited)
    for fixed in (deck.choose_slide, deck.questions_slide):
        out.heading(fixed.title)
        if fixed.text:
            out.para(fixed.text)
        out.bullets(fixed.points)
    if catalogue.questions is not None:
        out.bullets(catalogue.questions.items)
    out.heading(gettext("My notes"))
    out.lines_to_write_on(NOTE_LINES)
    sources_section(out, catalogue, cited)
    return finish(out)


def _pictures(out: Writer, options: Sequence[Option]) -> None:
    """Each counted help as 100 people, three to a row, titled with the option
    and when it was measured; its words say what the range means."""
    items = [
        (
            gettext("{option}, {when}").format(
                option=option.short_name, when=timeframe_phrase(benefit.when)
            ),
            [(group.shape, centres) for group, centres in icon_grid_people(benefit)],
            [f"{SHAPE_MARKS[group.shape]} {group.words}" for group in icon_array_key(benefit)]
            + list(benefit.caveats),
        )
        for option in options
        for benefit in pictured(option)
    ]
    if not items:
        return
    out.heading(gettext("How many it helps, as 100 people"))
    for start in range(0, len(items), PICTURES_A_ROW):
        out.pictures(items[start : start + PICTURES_A_ROW], size=PICTURE_MM)
    unpictured = [o.short_name for o in options if not pictured(o)]
    if unpictured:
        # Translators: joins the names of the options with no picture ("A or B").
        names = gettext(" or ").join(unpictured)
        out.para(
            gettext(
                "No picture for {options}: no fair study gives a number. The facts below say why."
            ).format(options=names)
        )
