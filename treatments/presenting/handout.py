"""The group handout: every option of a deck side by side, then its issue cards,
with the code that opens the same view on a phone, for a room to take home."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from treatments.presenting.script import IssueCard
from treatments.presenting.share import IT_OPENS, TYPE_IT, address_in_words, qr_png
from treatments.printout import (
    fact_cell,
    finish,
    option_groups,
    side_by_side,
    sources_section,
    start_document,
)
from treatments.schema import Catalogue, Option
from treatments.sources import source_numbers

# The handout's QR code: 40 mm scans easily from a sheet held in the hand.
HANDOUT_QR_MM = 40


def group_handout(
    catalogue: Catalogue,
    options: Sequence[Option],
    *,
    cards: Sequence[IssueCard] = (),
    link: str | None = None,
    made_on: _dt.date | None = None,
) -> bytes:
    """The options side by side, then the issue cards, for a group to take home.

    ``link`` is the address of the same view for a phone (see
    :mod:`treatments.presenting.share`); the first page carries it as a QR code and in words.
    """
    made_on = made_on or _dt.date.today()
    numbers = source_numbers(catalogue)
    cited: set[str] = set()
    out = start_document(
        catalogue, "Hemifacial spasm: the options side by side", f"Printed on {made_on:%d %B %Y}"
    )
    if link:
        share = catalogue.deck.share_slide
        words = [share.text or "", f"{TYPE_IT} {address_in_words(link)}", f"{IT_OPENS} {link}"]
        out.heading(share.title)
        out.picture_beside(qr_png(link), "\n".join(w for w in words if w), size=HANDOUT_QR_MM)
    for group in option_groups(options):
        names = ", ".join(o.short_name for o in group)
        out.heading(f"Side by side: {names}")
        side_by_side(out, group, numbers, cited)
    if not options:
        out.para("No options were picked for this handout.")
    elif cards:
        out.heading("One question at a time")
        for card in cards:
            out.grid(
                [card.question],
                [
                    (option.name, [fact_cell(option, card.field, numbers, cited)])
                    for option in options
                ],
            )
    sources_section(out, catalogue, cited)
    return finish(out)
