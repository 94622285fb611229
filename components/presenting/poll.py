"""A question put to the room: phones answer it, and the presenter's windows
show how many have answered, then the room's answers as a picture of people.

A phone's answer goes to the room's store as one more count for that choice
(and one fewer for its first answer, if it changes its mind). The phone keeps
what it picked in its own session, to show it and to take it back; the store
keeps only the counts, never who answered what, and drops them with the room.
"""

from __future__ import annotations

import streamlit as st

from components.language import session_language
from components.presenting.room import WATCH_EVERY, RoomView, room_store
from treatments import charts, check
from treatments.address import PROJECTOR, VIEW
from treatments.i18n import gettext, ngettext
from treatments.markdown import escape
from treatments.presenting.rooms import RoomStoreError
from treatments.schema import Catalogue, CheckQuestion

# Every line of the room's answers sits in a container keyed with this;
# the style below marks each line with its group's shape, in its colour.
TALLY_LEGEND_KEY = "tally-legend"
_LEGEND = f'.st-key-{TALLY_LEGEND_KEY} [data-testid="stMarkdownContainer"]'
TALLY_STYLE = "\n".join(
    [
        "<style>",
        *(
            f"{_LEGEND} p:nth-of-type({place})::before "
            f'{{ content: "{charts.SHAPE_MARKS[shape]}\\00a0" / ""; color: {colour}; }}'
            for place, (colour, shape) in enumerate(charts.TALLY_LOOKS, start=1)
        ),
        "</style>",
    ]
)


def _said_key(code: str, question_id: str) -> str:
    return f"room-said-{code}-{question_id}"


def _answer_key(question_id: str) -> str:
    return f"room-answer-{question_id}"


def answers_here(view: RoomView | None) -> bool:
    """Whether this window answers the room's questions: a phone in the room,
    not the presenter's windows."""
    return (
        view is not None
        and view.room is not None
        and not view.leading
        and not view.paired
        and VIEW.value(st.query_params) != PROJECTOR
    )


def shows_the_room(view: RoomView | None) -> bool:
    """Whether this window shows the room's answers as they come: the presenter's windows."""
    return (
        view is not None
        and view.room is not None
        and (view.leading or VIEW.value(st.query_params) == PROJECTOR)
    )


def _send(code: str, question_id: str, known: tuple[str, ...]) -> None:
    """The phone picked an answer: count it, and take back its first one."""
    picked = st.session_state.get(_answer_key(question_id))
    said = _said_key(code, question_id)
    before = st.session_state.get(said)
    if picked not in known or picked == before:
        return
    try:
        room_store().answer(code, question_id, picked, before)
    except RoomStoreError:
        st.session_state[_answer_key(question_id)] = before
        st.toast(
            gettext("Your answer could not be sent. Please try again."),
            icon=":material/cloud_off:",
        )
        return
    st.session_state[said] = picked


def answer_on_phone(view: RoomView, question: CheckQuestion, catalogue: Catalogue) -> None:
    """The phone's answer to the question on the room's screen."""
    words = {c.key: c.words for c in check.choices(question, catalogue)}
    said = st.session_state.get(_said_key(view.code, question.id))
    # The widget forgets its value when the slide moves on; what was sent stays.
    st.session_state.setdefault(_answer_key(question.id), said)
    with st.container(key="room-answer", border=True):
        st.radio(
            gettext("Your answer"),
            list(words),
            format_func=words.__getitem__,
            index=None,
            key=_answer_key(question.id),
            on_change=_send,
            args=(view.code, question.id, tuple(words)),
        )
        if said is not None:
            st.markdown(
                gettext(
                    "Your answer is in: **{answer}**. You can change it. "
                    "No one sees who answered what."
                ).format(answer=escape(words[said]))
            )
        else:
            st.caption(gettext("No one sees who answered what. The room sees only how many."))


def _counts(view: RoomView, question: CheckQuestion) -> dict[str, int] | None:
    try:
        return room_store().tally(view.code, question.id)
    except RoomStoreError:
        return None


@st.fragment(run_every=WATCH_EVERY)
def people_answered(view: RoomView, question: CheckQuestion, catalogue: Catalogue) -> None:
    """On the question's slide, in the presenter's windows, once a second: how
    many have answered so far, not what (the room sees that on the next slide)."""
    session_language()
    counts = _counts(view, question)
    if counts is None:
        return
    total = check.answered(check.tally_rows(question, catalogue, counts))
    with st.container(key="room-answered"):
        st.markdown(
            ngettext(
                "**{count} person answered so far.** Answer on your phone: "
                "no one sees who answered what.",
                "**{count} people answered so far.** Answer on your phone: "
                "no one sees who answered what.",
                total,
            ).format(count=total)
        )


def room_answers(view: RoomView, question: CheckQuestion, catalogue: Catalogue) -> None:
    """On the answer's slide: the room's answers as a picture of its people.
    Live in the presenter's windows; a phone draws it as it opens the slide."""
    if shows_the_room(view):
        _live_tally(view, question, catalogue)
    else:
        _tally(view, question, catalogue)


@st.fragment(run_every=WATCH_EVERY)
def _live_tally(view: RoomView, question: CheckQuestion, catalogue: Catalogue) -> None:
    session_language()
    _tally(view, question, catalogue)


def _tally(view: RoomView, question: CheckQuestion, catalogue: Catalogue) -> None:
    counts = _counts(view, question)
    if counts is None:
        st.caption(gettext("The room's answers cannot be read right now."))
        return
    rows = check.tally_rows(question, catalogue, counts)
    total = check.answered(rows)
    with st.container(key="room-tally"):
        st.markdown(
            ngettext(
                "**How the room answered: {count} person**",
                "**How the room answered: {count} people**",
                total,
            ).format(count=total)
        )
        if total:
            st.image(charts.tally_svg([row.people for row in rows]), alt=check.tally_summary(rows))
        with st.container(key=TALLY_LEGEND_KEY):
            st.markdown("\n\n".join(escape(words) for words in check.tally_words(rows)))
