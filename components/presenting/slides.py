"""The slide itself: its title, what it shows by kind, and its footer.

Each kind of slide (:data:`treatments.presenting.deck.SlideKind`) is drawn by
one function here from the deck's pure slide; its words and facts come from
the data file through :mod:`treatments.facts`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import streamlit as st

from components.picture import picture_of_100
from components.presenting.poll import (
    answer_on_phone,
    answers_here,
    people_answered,
    room_answers,
    shows_the_room,
)
from components.presenting.room import RoomView, join_corner, join_instructions, join_link
from treatments import charts, check, i18n
from treatments.facts import FIELDS, FactLine, short_answers
from treatments.i18n import format_date, gettext, ngettext
from treatments.markdown import escape, link_target, refs
from treatments.presenting.deck import (
    OPTION_SLIDE_ABOUT,
    Slide,
    harm_lines,
    page_answers,
    slide_density,
)
from treatments.presenting.share import (
    IT_OPENS,
    TYPE_IT,
    address_in_words,
    app_root,
    compare_link,
    qr_alt,
    qr_png,
)
from treatments.schema import Catalogue, CheckQuestion, Option

# The code on the share slide: large enough to scan from the back of a room
# on a projector (about a fifth of a 1366 x 768 screen's width).
QR_PIXELS = 380
# The keys of the presenter view's small picture of the next slide start with this.
PREVIEW_PREFIX = "next-"


def draw_slide(
    slide: Slide,
    number: int,
    count: int,
    options: Sequence[Option],
    catalogue: Catalogue,
    link: str,
    page_path: str,
    room: RoomView | None = None,
    *,
    preview: bool = False,
) -> None:
    """The slide, or (``preview``) a small picture of it for the presenter
    view: the same slide with keys of its own, no title (the view names the
    next slide above it, in type it can read), no footer, and nothing of the room."""
    # How much smaller the projector view's type must be for this slide to fit.
    density = slide_density(slide, options)
    prefix = PREVIEW_PREFIX if preview else ""
    room = None if preview else room
    # The small picture cites no sources: its tiny links would only lengthen
    # the presenter's way through the page by keyboard.
    cite: Cite = _no_sources if preview else functools.partial(refs, catalogue=catalogue)
    with (
        st.container(key=f"{prefix}slide-frame"),
        st.container(key=f"{prefix}slide-fit-{density}"),
    ):
        if not preview:
            st.title(escape(slide.title), anchor=False)
        if slide.kind == "title":
            _title_slide(catalogue)
            join_instructions(room, present_root(page_path), page_path)
        elif slide.kind == "option" and slide.option is not None:
            _option_slide(slide.option, cite, prefix)
        elif slide.kind == "harms" and slide.option is not None:
            _harms_slide(slide, cite)
        elif slide.kind == "issue" and slide.card is not None:
            _issue_slide(slide, options, cite)
        elif slide.kind == "check" and slide.question is not None:
            _check_slide(slide.question, catalogue, room)
        elif slide.kind == "answer" and slide.question is not None:
            _answer_slide(slide, catalogue, room, cite)
        elif slide.kind == "share":
            _share_slide(catalogue, link, with_link=not preview)
        elif slide.kind == "choose":
            _choose_slide(catalogue)
        else:
            _questions_slide(catalogue)
        if preview:
            return
        where = ngettext(
            "Slide {number} of {count}. Facts last checked: {date}.",
            "Slide {number} of {count}. Facts last checked: {date}.",
            count,
        ).format(number=number, count=count, date=format_date(catalogue.meta.last_reviewed))
        footer = f"{where} {escape(catalogue.meta.disclaimer)}"
        # The title slide shows how to join in full; the share slide's code
        # opens Compare, and a second code beside it would be one too many.
        joining = None
        if slide.kind not in ("title", "share"):
            joining = join_link(room, present_root(page_path), page_path)
        if room is None or joining is None:
            st.caption(footer)
            return
        words, corner = st.columns([3, 1], vertical_alignment="bottom", gap="medium")
        words.caption(footer)
        with corner:
            join_corner(room.code, joining)


def _title_slide(catalogue: Catalogue) -> None:
    title = catalogue.deck.title_slide
    st.markdown(escape(title.intro))
    st.markdown("\n".join(f"- {escape(point)}" for point in title.points))


# Markdown links to a fact's sources, or nothing.
Cite = Callable[[Sequence[str]], str]


def _no_sources(keys: Sequence[str]) -> str:
    return ""


def _line(field: str, lines: Sequence[FactLine], cite: Cite) -> str:
    label = gettext(FIELDS[field].short)
    facts = [f"{escape(f.headline)} {cite(f.sources)}".rstrip() for f in lines]
    if len(facts) == 1:
        return f"- **{label}:** {facts[0]}"
    # Several harms: one short line each, under the label.
    return f"- **{label}:**" + "".join(f"\n    - {fact}" for fact in facts)


def next_slide(
    slides: Sequence[Slide],
    number: int,
    options: Sequence[Option],
    catalogue: Catalogue,
    link: str,
    page_path: str,
) -> None:
    """In the presenter view: the next slide's title, and a small picture of it."""
    if number >= len(slides):
        st.markdown(gettext("**Next:** the end"))
        return
    upcoming = slides[number]
    with st.container(key="next-slide", border=True):
        st.markdown(gettext("**Next:** {title}").format(title=escape(upcoming.title)))
        draw_slide(
            upcoming, number + 1, len(slides), options, catalogue, link, page_path, preview=True
        )


def _option_slide(option: Option, cite: Cite, prefix: str = "") -> None:
    """What it is and what it helps, its pictures of 100 people beside.

    Left, what it is, how invasive, how often and what it helps (where no
    fair study gives a number, the "Helps" line says why). Right, one picture
    per time the help was measured, each titled with its time frame. Its
    harms have the next slide to themselves.
    """
    words, pictures = st.columns(2, gap="large")
    with words:
        st.markdown(f"{escape(option.what_it_is.text)} {cite(option.what_it_is.sources)}")
        st.markdown(
            "\n".join(
                _line(field, short_answers(option, field), cite)
                for field in (*OPTION_SLIDE_ABOUT, "helps")
            )
        )
    with pictures:
        counted = charts.pictured(option)
        places = st.columns(len(counted)) if len(counted) > 1 else [st.container()]
        for position, (place, benefit) in enumerate(zip(places, counted, strict=False)):
            with place:
                # The slide names the option: the title is the time frame alone.
                picture_of_100(
                    option,
                    benefit,
                    f"{prefix}slide-picture-{position}",
                    charts.picture_title(benefit),
                )


def _harms_slide(slide: Slide, cite: Cite) -> None:
    """Its harms: common side effects and serious risks in halves of equal
    width, or one kind (or some of its lines) the full width where the deck
    split them."""
    fields = slide.fields
    places = st.columns(len(fields), gap="large") if len(fields) > 1 else [st.container()]
    for place, field in zip(places, fields, strict=True):
        with place:
            st.markdown(_line(field, harm_lines(slide, field), cite))


def _issue_slide(slide: Slide, options: Sequence[Option], cite: Cite) -> None:
    assert slide.card is not None
    rows = []
    option_column, answer_column = gettext("Option"), gettext("Answer")
    for option, facts in page_answers(slide, options):
        answer = "  \n".join(f"{escape(fact.headline)} {cite(fact.sources)}" for fact in facts)
        rows.append({option_column: f"**{escape(option.short_name)}**", answer_column: answer})
    st.table(
        rows,
        hide_index=True,
        alt=gettext("{question} One row for each option.").format(question=slide.card.question),
    )


def _check_slide(question: CheckQuestion, catalogue: Catalogue, room: RoomView | None) -> None:
    """A question put to the room: its choices, large; a phone in the room
    answers it here, and the presenter's windows count who has."""
    if answers_here(room) and room is not None:
        answer_on_phone(room, question, catalogue)
    else:
        st.markdown("\n".join(f"- {escape(c.words)}" for c in check.choices(question, catalogue)))
    if shows_the_room(room) and room is not None:
        people_answered(room, question, catalogue)
    elif room is None:
        st.markdown(gettext("Think of your answer. The next slide shows it."))


def _answer_slide(slide: Slide, catalogue: Catalogue, room: RoomView | None, cite: Cite) -> None:
    """The answer: why it is right and the fact it rests on, with its sources;
    beside them, in a room, how the room answered."""
    question = slide.question
    assert question is not None
    facts = "\n".join(f"- {escape(fact.headline)} {cite(fact.sources)}" for fact in slide.facts)
    label = gettext("**The fact ({which}):**").format(
        which=escape(check.fact_label(question, catalogue))
    )
    said = f"{escape(question.why)}\n\n{label}\n\n{facts}"
    if room is None or room.room is None:
        st.markdown(said)
        return
    words, tally = st.columns(2, gap="large")
    words.markdown(said)
    with tally:
        room_answers(room, question, catalogue)


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


def present_root(page_path: str) -> str:
    """The app's address as this browser sees it (proxy and base path included)."""
    # A test run has none; a local address is the honest stand-in there.
    page_url = st.context.url or f"http://localhost:8501/{page_path}"
    return app_root(page_url, page_path)


def room_link(catalogue: Catalogue, options: Sequence[Option], page_path: str) -> str:
    """The Compare page with the deck's options, at the address this browser sees."""
    return compare_link(present_root(page_path), options, catalogue.options, i18n.active())


def _share_slide(catalogue: Catalogue, link: str, *, with_link: bool = True) -> None:
    share = catalogue.deck.share_slide
    code, words = st.columns([2, 3], gap="large", vertical_alignment="center")
    with code:
        st.image(qr_png(link, scale=12), width=QR_PIXELS, alt=qr_alt(link))
    with words:
        if share.text:
            st.markdown(escape(share.text))
        st.markdown(f"{gettext(TYPE_IT)} **{escape(address_in_words(link))}**")
        if with_link:
            st.caption(f"{gettext(IT_OPENS)} [{escape(link)}]({link_target(link)})")


def speaker_note(slide: Slide) -> None:
    st.info(
        gettext("Speaker note: {note}").format(note=escape(slide.speaker_note)),
        icon=":material/record_voice_over:",
    )
