"""The Present page's parts: the deck choices, the slide, and the controls.

Which options and issue cards are in the deck, and the slide number, are
bound to the URL, so a link opens the same deck on the same slide.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

import streamlit as st

from components.charts import SLIDE_PICTURE_STYLE, slide_picture
from components.room import RoomView, ask_to_start, join_instructions, note_local_move
from treatments import charts
from treatments.deck import (
    OPTION_SLIDE_ABOUT,
    Slide,
    build_deck,
    card_answers,
    chosen_cards,
    slide_density,
    slide_options,
)
from treatments.facts import FIELDS, short_answers
from treatments.markdown import escape, link_target, refs
from treatments.printout import group_handout
from treatments.rooms import Deck
from treatments.schema import Catalogue, Option
from treatments.share import IT_OPENS, TYPE_IT, address_in_words, app_root, compare_link, qr_png
from treatments.slides_file import deck_file
from views.registry import BY_KEY

SLIDE_KEY = "slide"
OPTIONS_KEY = "deck_options"
CARDS_KEY = "deck_cards"
NOTES_KEY = "speaker_notes"
JUMP_KEY = "jump_to_slide"
_PAST_THE_END_KEY = "slide_past_the_end"
PRESENT_PATH = BY_KEY["present"].url_path
# The code on the share slide: large enough to scan from the back of a room
# on a projector (about a fifth of a 1366 x 768 screen's width).
QR_PIXELS = 380

# Projector type: body text well above 24 px on a 1366 x 768 screen and
# headings larger, scoped to the slide. Static CSS only; no data goes in it.
_SLIDE_STYLE = """
<style>
.st-key-slide-frame [data-testid="stMarkdownContainer"] p,
.st-key-slide-frame [data-testid="stMarkdownContainer"] li,
.st-key-slide-frame [data-testid="stTable"] td,
.st-key-slide-frame [data-testid="stTable"] th {
  font-size: calc(25px * var(--fit, 1));
  line-height: 1.2;
}
/* Streamlit sets the size of a table cell's paragraphs itself: override it. */
.st-key-slide-frame [data-testid="stTable"] :is(td, th) p { font-size: inherit !important; }
.st-key-slide-frame [data-testid="stTable"] td,
.st-key-slide-frame [data-testid="stTable"] th { padding: 0.25em 0.5em; }
.st-key-slide-frame [data-testid="stTable"] [data-testid="stMarkdownContainer"] { max-width: none; }
.st-key-slide-frame [data-testid="stTable"] td:first-child,
.st-key-slide-frame [data-testid="stTable"] th:first-child { width: 20%; }
.st-key-slide-frame [data-testid="stMarkdownContainer"] li { margin-bottom: 0; }
.st-key-slide-frame [data-testid="stMarkdownContainer"] a { font-size: 16px; }
.st-key-slide-frame [data-testid="stCaptionContainer"] p { font-size: 18px; }
.st-key-slide-frame h1 { font-size: 42px; line-height: 1.1; padding: 0 0 0.1em 0; }
.st-key-slide-frame [class*="st-key-slide-picture-"] img {
  width: 170px !important; max-width: 100% !important;
}
.st-key-slide-frame [data-testid="stVerticalBlock"] { gap: 0.6rem; }
[data-testid="stMainBlockContainer"] { padding-top: 3.75rem; padding-bottom: 0.5rem; }
/* Fuller slides get smaller type (treatments.deck.slide_density). */
.st-key-slide-fit-1 { --fit: 0.9; }
.st-key-slide-fit-2 { --fit: 0.8; }
.st-key-slide-fit-3 { --fit: 0.7; }
.st-key-slide-fit-4 { --fit: 0.6; }
.st-key-slide-keys, [data-testid="stLayoutWrapper"]:has(> .st-key-slide-keys) { display: none; }
</style>
"""


# The projector view: the slide alone, filling the screen, in type that grows
# with it. One unit is a hundredth of the width of a 16:9 picture that fits the
# window, so a slide keeps its shape from 1280 x 720 to 1920 x 1080 and beyond.
# Static CSS only; no data goes in it.
_PROJECTOR_STYLE = """
<style>
:root { --u: min(1vw, 1.7778vh); }
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stElementToolbar"], .st-key-page-menu,
[data-testid="stLayoutWrapper"]:has(> .st-key-page-menu),
.st-key-slide-controls, [data-testid="stLayoutWrapper"]:has(> .st-key-slide-controls),
.st-key-room-watch, [data-testid="stLayoutWrapper"]:has(> .st-key-room-watch) {
  display: none !important;
}
[data-testid="stMainBlockContainer"] {
  padding: calc(1.2 * var(--u)) calc(3 * var(--u)) calc(1 * var(--u)) !important;
  max-width: none !important;
}
.st-key-slide-frame [data-testid="stMarkdownContainer"] p,
.st-key-slide-frame [data-testid="stMarkdownContainer"] li,
.st-key-slide-frame [data-testid="stTable"] td,
.st-key-slide-frame [data-testid="stTable"] th {
  font-size: calc(2.2 * var(--u) * var(--fit, 1));
}
.st-key-slide-frame h1 { font-size: calc(3.6 * var(--u) * (0.5 + var(--fit, 1) / 2)); }
.st-key-slide-frame [data-testid="stMarkdownContainer"] a { font-size: calc(1.3 * var(--u)); }
.st-key-slide-frame [data-testid="stCaptionContainer"] p { font-size: calc(1.5 * var(--u)); }
.st-key-slide-frame [data-testid="stVerticalBlock"] { gap: calc(0.6 * var(--u)); }
/* The pictures of 100 grow with the screen (treatments.deck counts them as _GRID_SIDE). */
.st-key-slide-frame [class*="st-key-slide-picture-"] img { width: calc(13 * var(--u)) !important; }
/* Out of the room's sight until the presenter's pointer or keyboard reaches it. */
.st-key-leave-projector { position: fixed; right: 1rem; bottom: 1rem; z-index: 1000;
  width: auto; opacity: 0; }
.st-key-leave-projector:hover, .st-key-leave-projector:focus-within { opacity: 1; }
</style>
"""
# The presenter view: the slide a little smaller, beside the notes, the next
# slide and the clock. Static CSS only; no data goes in it.
_PRESENTER_STYLE = """
<style>
.st-key-slide-frame [data-testid="stMarkdownContainer"] p,
.st-key-slide-frame [data-testid="stMarkdownContainer"] li,
.st-key-slide-frame [data-testid="stTable"] td,
.st-key-slide-frame [data-testid="stTable"] th { font-size: calc(19px * var(--fit, 1)); }
.st-key-slide-frame h1 { font-size: 32px; }
.st-key-presenter-notes [data-testid="stMarkdownContainer"] p {
  font-size: 22px; line-height: 1.35;
}
.st-key-presenter-panel { border-left: 1px solid #c5ccd6; padding-left: 1rem; }
</style>
"""
PROJECTOR_PARAM = "view"
PROJECTOR_VALUE = "projector"
PRESENTER_VALUE = "presenter"


def slide_style() -> None:
    st.html(_SLIDE_STYLE + SLIDE_PICTURE_STYLE)
    if in_projector_view():
        st.html(_PROJECTOR_STYLE)
    elif in_presenter_view():
        st.html(_PRESENTER_STYLE)


def in_projector_view() -> bool:
    """Whether the page shows the slide alone (``?view=projector``, so a reload keeps it)."""
    return st.query_params.get(PROJECTOR_PARAM) == PROJECTOR_VALUE


def in_presenter_view() -> bool:
    """Whether this is the presenter's own window (``?view=presenter``): notes,
    next slide and clock beside the slide. It always leads a room."""
    return st.query_params.get(PROJECTOR_PARAM) == PRESENTER_VALUE


def enter_presenter_button() -> None:
    """The way into the presenter view; it starts a room if there is none, so
    the projector window (and phones) can move with it."""
    if in_presenter_view() or in_projector_view():
        return
    st.button(
        "Presenter",
        icon=":material/co_present:",
        on_click=ask_to_start,
        args=(PRESENTER_VALUE,),
        width="stretch",
        key="enter_presenter",
        help="Your own window, with the notes, the next slide and the time. "
        "From it, open the projector window.",
    )


def _leave_presenter() -> None:
    st.query_params.pop(PROJECTOR_PARAM, None)


def leave_presenter_button() -> None:
    st.button(
        "Leave the presenter view",
        icon=":material/close_fullscreen:",
        on_click=_leave_presenter,
        key="leave_presenter",
        width="stretch",
    )


def presenter_panel(slides: Sequence[Slide], number: int) -> None:
    """Beside the slide in the presenter view: what comes next, and the notes."""
    upcoming = slides[number] if number < len(slides) else None
    st.markdown(
        f"**Next:** {escape(upcoming.title)}" if upcoming is not None else "**Next:** the end"
    )
    with st.container(key="presenter-notes"):
        st.markdown(f"**Speaker note:** {escape(slides[number - 1].speaker_note)}")


def _enter_projector() -> None:
    st.query_params[PROJECTOR_PARAM] = PROJECTOR_VALUE


def _leave_projector() -> None:
    st.query_params.pop(PROJECTOR_PARAM, None)


def enter_projector_button() -> None:
    """The way in: a button, or the P key. Drawn only outside the projector view."""
    if in_projector_view() or in_presenter_view():
        return
    st.button(
        "Projector",
        icon=":material/fullscreen:",
        on_click=_enter_projector,
        shortcut="P",
        width="stretch",
        key="enter_projector",
        help="Shows the slide alone, filling the screen. Press Esc to come back.",
    )


def leave_projector_button() -> None:
    """The way out: Esc, or a button in the corner that shows when the pointer or
    the keyboard reaches it. Drawn only in the projector view, and never inside
    the hidden controls, so it can be seen."""
    if not in_projector_view():
        return
    with st.container(key="leave-projector"):
        st.button(
            "Leave the projector view",
            icon=":material/fullscreen_exit:",
            on_click=_leave_projector,
            shortcut="Esc",
            key="leave_projector",
        )


def deck_options(catalogue: Catalogue, *, locked: bool = False) -> list[Option]:
    """The options in the deck, in the data file's order. ``locked`` while
    following a room: the presenter picks the slides."""
    by_name = {o.short_name: o for o in catalogue.options}
    chosen = st.multiselect(
        "Options in the deck",
        list(by_name),
        default=list(by_name),
        key=OPTIONS_KEY,
        bind="query-params",
        on_change=note_local_move,
        disabled=locked,
    )
    return [o for o in catalogue.options if o.short_name in chosen]


def deck_cards(catalogue: Catalogue, *, locked: bool = False) -> list[str]:
    """The issue cards in the deck, in their usual order."""
    deck = catalogue.deck
    questions = {card.question: card.id for card in deck.issue_cards}
    chosen = st.multiselect(
        "Issue cards in the deck (one question about every option)",
        list(questions),
        default=[card.question for card in chosen_cards(catalogue, deck.default_cards)],
        key=CARDS_KEY,
        bind="query-params",
        on_change=note_local_move,
        disabled=locked,
    )
    return [questions[q] for q in questions if q in chosen]


def adopt_deck(catalogue: Catalogue, deck: Deck) -> None:
    """Show a room's deck and slide: set the controls before they are drawn."""
    questions = {card.id: card.question for card in catalogue.deck.issue_cards}
    names = {o.short_name for o in catalogue.options}
    options = [name for name in deck.options if name in names]
    cards = [questions[card_id] for card_id in deck.cards if card_id in questions]
    in_deck = [o for o in catalogue.options if o.short_name in options]
    count = len(build_deck(catalogue, in_deck, [c for c in deck.cards if c in questions]))
    st.session_state[OPTIONS_KEY] = options
    st.session_state[CARDS_KEY] = cards
    st.session_state[SLIDE_KEY] = min(max(1, deck.slide), count)


def speaker_notes_toggle() -> bool:
    # Not in the URL: notes are for the presenter's own screen.
    return st.toggle("Show speaker notes", key=NOTES_KEY)


def _step(delta: int, count: int) -> None:
    note_local_move()
    current = st.session_state.get(SLIDE_KEY, 1)
    st.session_state[SLIDE_KEY] = min(max(1, current + delta), count)


def _slide_label(titles: tuple[str, ...], number: int) -> str:
    return f"{number}. {titles[number - 1]}"


def _jump() -> None:
    picked = st.session_state.get(JUMP_KEY)
    if picked is not None:
        note_local_move()
        st.session_state[SLIDE_KEY] = picked
    st.session_state[JUMP_KEY] = None


def _settle_slide_number(count: int) -> None:
    """Put a slide number from the URL in range before the number box reads it.

    Past the end (``?slide=99``, or a deck made shorter) goes to the last slide,
    and the page says so. ``?slide=inf`` or ``1e309`` is removed: Streamlit
    1.67's number input turns it into an infinite float and then fails to make
    it a whole number (OverflowError). Any other bad value falls back to slide 1.
    """
    value = st.query_params.get(SLIDE_KEY)
    try:
        number = float(value) if value is not None else None
    except ValueError:
        number = None
    if number is None:
        return
    if math.isinf(number) or math.isnan(number):
        del st.query_params[SLIDE_KEY]
        st.rerun()  # the box reads the URL as it was when the run began
    if number > count:
        st.query_params[SLIDE_KEY] = str(count)
        st.session_state[_PAST_THE_END_KEY] = value
        st.rerun()


def _say_if_past_the_end(count: int) -> None:
    asked = st.session_state.pop(_PAST_THE_END_KEY, None)
    if asked is not None:
        st.toast(
            f"There is no slide {escape(str(asked))}. This deck has {count} slides, "
            "so this is the last one.",
            icon=":material/last_page:",
        )


def _go_to(number: int) -> None:
    note_local_move()
    st.session_state[SLIDE_KEY] = number


def clicker_keys(count: int) -> None:
    """The keys a presentation clicker sends, and Home and End, as hidden buttons.

    Next and Previous answer the arrow keys themselves; a button takes one
    key, so Page Down, Space, Page Up, Home and End each get one of their own
    here, out of sight (app.css) and out of the Tab order.
    """
    keys = (
        ("PageDown", "Next slide (Page Down)", _step, (1, count)),
        ("Space", "Next slide (Space)", _step, (1, count)),
        ("PageUp", "Previous slide (Page Up)", _step, (-1, count)),
        ("Home", "First slide", _go_to, (1,)),
        ("End", "Last slide", _go_to, (count,)),
    )
    with st.container(key="slide-keys"):
        for key, label, action, args in keys:
            st.button(label, on_click=action, args=args, shortcut=key, key=f"key-{key}")


def slide_controls(
    slides: Sequence[Slide], columns: Sequence[Any], *, in_room: bool = False
) -> int:
    """Previous, the slide number, a jump list and next, in four given columns.

    Only the slide number is bound to the URL (``?slide=3``): a number stays
    right when the slide titles change. Returns the slide number, from 1.

    ``in_room``: the number box shows the number but takes no typing. A room
    sets it from elsewhere, and a box's value echoed back by the browser just
    before the new number reached it would look like a person's move and send
    the room back a slide. Buttons, keys and the jump list move the slide.
    """
    back, number_box, jump, forward = columns
    count = len(slides)
    _settle_slide_number(count)
    with number_box:
        number = st.number_input(
            f"Slide (1 to {count})",
            min_value=1,
            max_value=count,
            step=1,
            key=SLIDE_KEY,
            bind="query-params",
            label_visibility="collapsed",
            on_change=note_local_move,
            disabled=in_room,
        )
    current = min(max(1, int(number or 1)), count)
    with jump:
        st.selectbox(
            "Jump to a slide",
            range(1, count + 1),
            index=None,
            # A partial, not a lambda: session state must stay picklable.
            format_func=functools.partial(_slide_label, tuple(s.title for s in slides)),
            placeholder="Jump to a slide",
            label_visibility="collapsed",
            key=JUMP_KEY,
            on_change=_jump,
        )
    back.button(
        "Previous",
        icon=":material/arrow_back:",
        on_click=_step,
        args=(-1, count),
        disabled=current <= 1,
        width="stretch",
        key="previous_slide",
        shortcut="Left",
    )
    forward.button(
        "Next",
        icon=":material/arrow_forward:",
        on_click=_step,
        args=(1, count),
        disabled=current >= count,
        width="stretch",
        type="primary",
        key="next_slide",
        shortcut="Right",
    )
    clicker_keys(count)
    _say_if_past_the_end(count)
    return current


def draw_slide(
    slide: Slide,
    number: int,
    count: int,
    options: Sequence[Option],
    catalogue: Catalogue,
    link: str,
    room: RoomView | None = None,
) -> None:
    # How much smaller the projector view's type must be for this slide to fit.
    density = slide_density(slide, options)
    with st.container(key="slide-frame"), st.container(key=f"slide-fit-{density}"):
        st.title(escape(slide.title), anchor=False)
        if slide.kind == "title":
            _title_slide(catalogue)
            join_instructions(room, present_root(), PRESENT_PATH)
        elif slide.kind == "option" and slide.option is not None:
            _option_slide(slide.option, catalogue)
        elif slide.kind == "harms" and slide.option is not None:
            _harms_slide(slide.option, slide.fields, catalogue)
        elif slide.kind == "issue" and slide.card is not None:
            _issue_slide(slide, options, catalogue)
        elif slide.kind == "share":
            _share_slide(catalogue, link)
        elif slide.kind == "choose":
            _choose_slide(catalogue)
        else:
            _questions_slide(catalogue)
        st.caption(
            f"Slide {number} of {count}. Facts last checked: "
            f"{catalogue.meta.last_reviewed:%d %B %Y}. {escape(catalogue.meta.disclaimer)}"
        )


def _title_slide(catalogue: Catalogue) -> None:
    title = catalogue.deck.title_slide
    st.markdown(escape(title.intro))
    st.markdown("\n".join(f"- {escape(point)}" for point in title.points))


def _line(option: Option, field: str, catalogue: Catalogue) -> str:
    label = FIELDS[field].short
    facts = [
        f"{escape(f.headline)} {refs(f.sources, catalogue)}" for f in short_answers(option, field)
    ]
    if len(facts) == 1:
        return f"- **{label}:** {facts[0]}"
    # Several harms: one short line each, under the label.
    return f"- **{label}:**" + "".join(f"\n    - {fact}" for fact in facts)


def _option_slide(option: Option, catalogue: Catalogue) -> None:
    """What it is and what it helps, its pictures of 100 people beside.

    Left, what it is, how invasive, how often and what it helps (where no
    fair study gives a number, the "Helps" line says why). Right, one picture
    per time the help was measured, each titled with its time frame. Its
    harms have the next slide to themselves.
    """
    words, pictures = st.columns(2, gap="large")
    with words:
        st.markdown(
            f"{escape(option.what_it_is.text)} {refs(option.what_it_is.sources, catalogue)}"
        )
        st.markdown(
            "\n".join(_line(option, field, catalogue) for field in (*OPTION_SLIDE_ABOUT, "helps"))
        )
    with pictures:
        counted = charts.pictured(option)
        places = st.columns(len(counted)) if len(counted) > 1 else [st.container()]
        for position, (place, benefit) in enumerate(zip(places, counted, strict=False)):
            with place:
                slide_picture(option, benefit, position)


def _harms_slide(option: Option, fields: Sequence[str], catalogue: Catalogue) -> None:
    """Its harms: common side effects and serious risks in halves of equal
    width, or one kind the full width where the deck split them."""
    places = st.columns(len(fields), gap="large") if len(fields) > 1 else [st.container()]
    for place, field in zip(places, fields, strict=True):
        with place:
            st.markdown(_line(option, field, catalogue))


def _issue_slide(slide: Slide, options: Sequence[Option], catalogue: Catalogue) -> None:
    assert slide.card is not None
    rows = []
    for option, facts in card_answers(slide.card, slide_options(slide, options)):
        answer = "  \n".join(
            f"{escape(fact.headline)} {refs(fact.sources, catalogue)}" for fact in facts
        )
        rows.append({"Option": f"**{escape(option.short_name)}**", "Answer": answer})
    st.table(rows, hide_index=True, alt=f"{slide.card.question} One row for each option.")


def _choose_slide(catalogue: Catalogue) -> None:
    choose = catalogue.deck.choose_slide
    if choose.text:
        st.markdown(escape(choose.text))
    st.markdown("\n".join(f"- {escape(point)}" for point in choose.points))


def _questions_slide(catalogue: Catalogue) -> None:
    if catalogue.questions is None:
        return
    items = catalogue.questions.items
    half = (len(items) + 1) // 2
    left, right = st.columns(2, gap="large")
    left.markdown("\n".join(f"- {escape(q)}" for q in items[:half]))
    right.markdown("\n".join(f"- {escape(q)}" for q in items[half:]))


def present_root() -> str:
    """The app's address as this browser sees it (proxy and base path included)."""
    # A test run has none; a local address is the honest stand-in there.
    page_url = st.context.url or "http://localhost:8501/present"
    return app_root(page_url, PRESENT_PATH)


def room_link(catalogue: Catalogue, options: Sequence[Option]) -> str:
    """The Compare page with the deck's options, at the address this browser sees."""
    return compare_link(present_root(), options, catalogue.options)


def _share_slide(catalogue: Catalogue, link: str) -> None:
    share = catalogue.deck.share_slide
    code, words = st.columns([2, 3], gap="large", vertical_alignment="center")
    with code:
        st.image(qr_png(link, scale=12), width=QR_PIXELS)
    with words:
        if share.text:
            st.markdown(escape(share.text))
        st.markdown(f"{TYPE_IT} **{escape(address_in_words(link))}**")
        st.caption(f"{IT_OPENS} [{escape(link)}]({link_target(link)})")


def speaker_note(slide: Slide) -> None:
    st.info(f"Speaker note: {escape(slide.speaker_note)}", icon=":material/record_voice_over:")


def slides_download(
    catalogue: Catalogue, options: Sequence[Option], card_ids: Sequence[str], link: str
) -> None:
    """This deck as a PowerPoint file, made when the button is pressed."""
    st.download_button(
        "Download the slides (PowerPoint)",
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
        "Download the group handout (PDF)",
        data=functools.partial(group_handout, catalogue, list(options), cards=cards, link=link),
        file_name="hemifacial-spasm-options-handout.pdf",
        mime="application/pdf",
        icon=":material/download:",
        on_click="ignore",
        key="download_handout",
    )
