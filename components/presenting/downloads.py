"""What an educator takes away from the Present page: the deck as a PowerPoint
file and the group handout, each made when its button is pressed."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import streamlit as st

from treatments.i18n import gettext
from treatments.presenting.deck import chosen_cards
from treatments.presenting.handout import group_handout
from treatments.presenting.powerpoint import deck_file
from treatments.schema import Catalogue, Option


def slides_download(
    catalogue: Catalogue, options: Sequence[Option], card_ids: Sequence[str], link: str
) -> None:
    """This deck as a PowerPoint file, made when the button is pressed."""
    st.download_button(
        gettext("Download the slides (PowerPoint)"),
        data=functools.partial(deck_file, catalogue, list(options), list(card_ids), link=link),
        file_name="hemifacial-spasm-options-slides.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        icon=":material/slideshow:",
        on_click="ignore",
        key="download_slides",
    )


def handout_download(
    catalogue: Catalogue, options: Sequence[Option], card_ids: Sequence[str], link: str
) -> None:
    """The group handout for this deck, made when the button is pressed."""
    cards = chosen_cards(catalogue, card_ids)
    st.download_button(
        gettext("Download the group handout (PDF)"),
        data=functools.partial(group_handout, catalogue, list(options), cards=cards, link=link),
        file_name="hemifacial-spasm-options-handout.pdf",
        mime="application/pdf",
        icon=":material/download:",
        on_click="ignore",
        key="download_handout",
    )
