"""Present: a slide deck for a group session, one option or one question per slide."""

from __future__ import annotations

import streamlit as st

from components.catalogue import get_catalogue
from components.present import (
    deck_cards,
    deck_options,
    draw_slide,
    enter_projector_button,
    handout_download,
    in_projector_view,
    leave_projector_button,
    room_link,
    slide_controls,
    slide_style,
    slides_download,
    speaker_note,
    speaker_notes_toggle,
)
from treatments.deck import build_deck

catalogue = get_catalogue()
slide_style()

# The slide is drawn above the controls, but the controls decide which slide
# it is, so its place on the page is kept first and filled in last.
slide_area = st.container()
# In the projector view these stay on the page, out of sight, so the keys
# that work them still move the slides.
with st.container(key="slide-controls"):
    *controls, projector, settings = st.columns([1, 1, 2, 1, 1.3, 1.5], vertical_alignment="bottom")
with projector:
    enter_projector_button()
leave_projector_button()
with settings.popover("Slides and handout", icon=":material/tune:", width="stretch"):
    options = deck_options(catalogue)
    cards = deck_cards(catalogue)
    show_notes = speaker_notes_toggle()
    # The address that hands the room this deck's view: the last slide, the
    # handout and the PowerPoint file all carry the same one.
    link = room_link(catalogue, options)
    handout_download(catalogue, options, cards, link)
    slides_download(catalogue, options, cards, link)
    st.caption(
        "To share this deck, copy the web address from your browser. It keeps the "
        "slide you are on and the slides you chose."
    )

slides = build_deck(catalogue, options, cards)
number = slide_controls(slides, controls)
slide = slides[number - 1]
with slide_area:
    draw_slide(slide, number, len(slides), options, catalogue, link)
# The room never sees the notes: not in the projector view.
if show_notes and not in_projector_view():
    speaker_note(slide)
