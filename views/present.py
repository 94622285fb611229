"""Present: a slide deck for a group session, one option or one question per slide."""

from __future__ import annotations

import functools

import streamlit as st

from components.catalogue import get_catalogue
from components.page import translation_note
from components.presenting.clicker import clicker
from components.presenting.controls import (
    adopt_deck,
    deck_cards,
    deck_checks,
    deck_options,
    slide_controls,
    speaker_notes_toggle,
    take_move,
)
from components.presenting.downloads import handout_download, slides_download
from components.presenting.room import (
    join_room,
    join_screen,
    keep_room,
    lead_a_room,
    presenter_clock,
    projector_window_button,
    room_panel,
    room_status,
    watch_room,
)
from components.presenting.slides import (
    draw_slide,
    next_slide,
    present_root,
    room_link,
    speaker_note,
)
from components.presenting.windows import (
    enter_presenter_button,
    enter_projector_button,
    in_presenter_view,
    in_projector_view,
    leave_presenter_button,
    leave_projector_button,
    presenter_panel,
    slide_style,
)
from treatments.i18n import gettext, pgettext
from treatments.presenting.deck import build_deck
from treatments.presenting.rooms import deck_of
from views.registry import BY_KEY

# This page's path under the app's address: the room's links and the code that
# hands the room the view are built from it.
PRESENT_PATH = BY_KEY["present"].url_path
catalogue = get_catalogue()
slide_style()
# A room's deck and slide are taken on before the controls are drawn.
room = join_room(functools.partial(adopt_deck, catalogue))
in_room = room is not None and room.room is not None
following = in_room and room is not None and not room.leading
presenting = in_presenter_view()
if presenting:
    lead_a_room(room)

room_status(room)
# Where a follower who stepped away sees the presenter's slide and a way back.
watch_place = st.container(key="room-watch")
# The slide is drawn above the controls, but the controls decide which slide
# it is, so its place on the page is kept first and filled in last.
slide_area = st.container()
# In the projector view these stay on the page, out of sight, so the keys
# that work them still move the slides.
with st.container(key="slide-controls"):
    # One row, so the fullest slide and its controls fit a 1366 x 768 screen.
    *controls, projector, presenter, room_menu, settings = st.columns(
        [1.1, 0.6, 1.25, 0.9, 1.15, 1.1, 0.95, 1.75], vertical_alignment="bottom"
    )
# A phone in the room follows: the presenter's windows are not for it (the
# presenter view would start a room of its own, and show the speaker notes).
if not following:
    with projector:
        enter_projector_button()
    with presenter:
        enter_presenter_button()
leave_projector_button()
with settings.popover(gettext("Slides and handout"), icon=":material/tune:", width="stretch"):
    # Only the presenter's own window changes a room's deck: a follower's or
    # the projector's controls could send back a deck a moment out of date.
    locked = following or (in_room and in_projector_view())
    options = deck_options(catalogue, locked=locked)
    # The issue cards and the questions for the room, as the room lists them.
    cards = deck_cards(catalogue, locked=locked) + deck_checks(catalogue, locked=locked)
    show_notes = speaker_notes_toggle() if not (presenting or following) else False
    # The address that hands the room this deck's view: the last slide, the
    # handout and the PowerPoint file all carry the same one.
    link = room_link(catalogue, options, PRESENT_PATH)
    handout_download(catalogue, options, cards, link)
    slides_download(catalogue, options, cards, link)
    st.caption(
        gettext(
            "To share this deck, copy the web address from your browser. It keeps the "
            "slide you are on and the slides you chose."
        )
    )

slides = build_deck(catalogue, options, cards)
number = slide_controls(slides, controls, in_room=in_room)
room = keep_room(room, deck_of([o.url_name for o in options], cards, number))
# Translators: a room of phones that follow the presenter's slides, not a room of a building.
with room_menu.popover(pgettext("phones", "Room"), icon=":material/groups:", width="stretch"):
    room_panel(room, present_root(PRESENT_PATH), PRESENT_PATH)
slide = slides[number - 1]
if presenting:
    current, beside = slide_area.columns([5, 2], gap="medium")
    with current:
        draw_slide(slide, number, len(slides), options, catalogue, link, PRESENT_PATH, room)
    with beside, st.container(key="presenter-panel"):
        projector_window_button(room, present_root(PRESENT_PATH), PRESENT_PATH)
        presenter_clock(room)
        next_slide(slides, number, options, catalogue, link, PRESENT_PATH)
        presenter_panel(slides, number)
        # Here, not in the control row, where its label had no room.
        leave_presenter_button()
else:
    with slide_area:
        draw_slide(slide, number, len(slides), options, catalogue, link, PRESENT_PATH, room)
    # The room never sees the notes: not in the projector view.
    if show_notes and not in_projector_view():
        speaker_note(slide)
    with watch_place:
        watch_room(room)
    # The projected slides carry no such line; the working view does.
    if not in_projector_view():
        translation_note()
# Last, so a move's new slide is on the page when the clicker brings its top
# into view.
with st.container(key="slide-keys"):
    clicker(
        slide=number,
        count=len(slides),
        options=[o.url_name for o in options],
        cards=cards,
        room_code=room.code if room is not None and room.room is not None else None,
        leads=room is not None and room.leading,
        projector=in_projector_view(),
        presenter=presenting,
        join=join_screen(room, present_root(PRESENT_PATH), PRESENT_PATH),
        apply=functools.partial(take_move, catalogue),
    )
