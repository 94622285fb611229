"""A room on the Present page: phones follow the presenter's slide, and the
presenter's own windows (the presenter view and the projector) move together.

The room is named in the web address: ``?room=KQTW`` follows it,
``?room=KQTW&lead=<key>`` leads it. Every window in a room reads it once a
run and watches it once a second (a fragment), so a move shows on the others
within about a second. A window writes to the room only when a person moved
it there: a leader's move is the room's new slide; a follower's move stops it
following until it asks to follow again.
"""

from __future__ import annotations

import base64
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from components.announcer import announce
from components.language import session_language
from components.presenting.clicker import paired
from components.presenting.timer import session_timer
from treatments import i18n
from treatments.address import LEAD, PRESENTER, PROJECTOR, ROOM, VIEW
from treatments.i18n import gettext, ngettext
from treatments.markdown import escape
from treatments.presenting.rooms import (
    ROOM_LIFETIME,
    Deck,
    Room,
    Rooms,
    RoomStoreError,
    follow_link,
    parse_code,
    rooms_from_environment,
)
from treatments.presenting.share import address_in_words, qr_alt, qr_png

FOLLOW_KEY = "follow_presenter"
_MOVED_HERE_KEY = "room_moved_here"
_START_KEY = "room_start"
_SEEN_KEY = "room_seen_version"
_RETRIED_KEY = "room_retried"
_LED_ONCE_KEY = "presenter_started_a_room"
# A leading window's lead key while it is in the projector view: out of its
# address, which the room may see on the screen.
_KEPT_LEAD_KEY = "room_lead_key_kept"
# What this window's last tick said about not following ("" while it follows;
# None after a whole run, so that the next tick draws the same again).
_SAID_KEY = "room_said"
JOIN_FORM_KEY = "join_room"
# How often a window asks its room whether the slide moved.
WATCH_EVERY = timedelta(seconds=1)
ROOM_HOURS = int(ROOM_LIFETIME.total_seconds() // 3600)
# The code a phone scans to follow: big enough for a projector, on the title slide.
JOIN_QR_PIXELS = 300
# The small code in the corner of the other slides (in the projector view it
# grows with the screen: projector.css).
JOIN_CORNER_PIXELS = 80


@st.cache_resource(show_spinner=False)
def room_store() -> Rooms:
    """The one store of rooms for this process: Redis if ``HFS_REDIS_URL`` is set."""
    return rooms_from_environment(os.environ)


@dataclass(frozen=True)
class RoomView:
    """This window's room as of this run."""

    code: str
    room: Room | None  # None: it has ended, or the store cannot be reached
    lead_key: str | None
    unavailable: bool = False
    # A projector window that its presenter's window moves, through the
    # browser (components.presenting.clicker): it leaves the room to the phones.
    paired: bool = False

    @property
    def leading(self) -> bool:
        return self.room is not None and self.room.led_by(self.lead_key)

    @property
    def following(self) -> bool:
        """Whether this window shows the room's slide: a leader always does
        (unless it has just moved), a follower while "Follow" is on."""
        if self.room is None:
            return False
        return self.leading or bool(st.session_state.get(FOLLOW_KEY, True))


def note_local_move() -> None:
    """Called by every control that moves the slide or changes the deck.

    A leader's move goes to the room; a follower's move means it has stepped
    away, so it stops following until it asks again.
    """
    st.session_state[_MOVED_HERE_KEY] = True
    st.session_state[FOLLOW_KEY] = False


def ask_to_start(view: str | None = None) -> None:
    """A button's callback: start a room at the end of this run (the deck is
    known only then), and open ``view`` ("presenter") once it has started."""
    st.session_state[_START_KEY] = view or ""


def lead_a_room(view: RoomView | None) -> None:
    """The presenter view leads a room: one opened from a bookmark, or whose
    room has ended, starts one. Once per tab, so a store that cannot start
    rooms never makes the page loop."""
    if (view is None or not view.leading) and not st.session_state.get(_LED_ONCE_KEY):
        st.session_state[_LED_ONCE_KEY] = True
        ask_to_start(PRESENTER)


def join_room(adopt: Callable[[Deck], None]) -> RoomView | None:
    """This window's room, before the page draws its controls.

    A window following the room takes on the room's deck and slide through
    ``adopt``, which must run before the controls are drawn.
    """
    code = parse_code(ROOM.value(st.query_params))
    if code is None:
        return None
    key = LEAD.value(st.query_params) or st.session_state.get(_KEPT_LEAD_KEY) or None
    try:
        room = room_store().get(code)
    except RoomStoreError:
        return RoomView(code, None, key, unavailable=True)
    view = RoomView(code, room, key)
    if not view.leading and paired():
        return RoomView(code, room, key, paired=True)
    st.session_state.setdefault(FOLLOW_KEY, True)
    moved_here = bool(st.session_state.get(_MOVED_HERE_KEY, False))
    if room is not None and view.following and not (view.leading and moved_here):
        adopt(room.deck)
    return view


def keep_room(view: RoomView | None, deck: Deck) -> RoomView | None:
    """After the controls: start a room if asked, send a leader's move, and
    make sure a follower shows the room's deck."""
    moved_here = bool(st.session_state.pop(_MOVED_HERE_KEY, False))
    start = st.session_state.pop(_START_KEY, None)
    if start is not None:
        if view is None or not view.leading:
            _start(deck)
        if start:
            st.query_params[VIEW.name] = start
        st.rerun()
    if view is None or view.room is None:
        return view
    room: Room | None = view.room
    if view.leading and moved_here:
        try:
            moved = room_store().move(view.code, view.lead_key or "", deck)
        except RoomStoreError:
            return RoomView(view.code, None, view.lead_key, unavailable=True)
        view = RoomView(view.code, moved, view.lead_key)
        room = moved
    elif (
        room is not None
        and not view.paired
        and view.following
        and deck != room.deck
        and not st.session_state.get(_RETRIED_KEY)
    ):
        # A deck from the web address wins on a window's first run; one more
        # run takes the room's. Only once, so a deck that cannot be shown
        # (a card no longer in the data file) never loops.
        st.session_state[_RETRIED_KEY] = True
        st.rerun()
    st.session_state[_RETRIED_KEY] = False
    if room is not None:
        st.session_state[_SEEN_KEY] = room.version
    return view


def _start(deck: Deck) -> None:
    try:
        new = room_store().start(deck)
    except RoomStoreError:
        st.toast(gettext("A room cannot be started right now. The slides still work."))
        return
    st.query_params[ROOM.name] = new.code
    st.query_params[LEAD.name] = new.lead_key


def _end(code: str, key: str) -> None:
    with contextlib.suppress(RoomStoreError):
        room_store().end(code, key)
    _leave()


def hide_lead_key() -> None:
    """Entering the projector view: the lead key leaves the address for this
    tab's session, so the projected address bar never shows it. (A reload in
    the projector view then follows the room rather than leading it.)"""
    key = LEAD.value(st.query_params)
    if key:
        st.session_state[_KEPT_LEAD_KEY] = key
        st.query_params.pop(LEAD.name, None)


def show_lead_key() -> None:
    """Leaving the projector view: the address leads the room again, so a
    reload or a bookmark still does."""
    key = st.session_state.pop(_KEPT_LEAD_KEY, None)
    if key and ROOM.name in st.query_params:
        st.query_params[LEAD.name] = key


def _leave() -> None:
    st.session_state.pop(_KEPT_LEAD_KEY, None)
    for name in (ROOM.name, LEAD.name):
        st.query_params.pop(name, None)
    if VIEW.value(st.query_params) == PRESENTER:
        st.query_params.pop(VIEW.name, None)


def _follow_again() -> None:
    st.session_state[FOLLOW_KEY] = True


def watch_room(view: RoomView | None) -> None:
    """Once a second, ask the room whether it moved; if so, run the page again.
    A paired projector window does not ask: its presenter's window moves it."""
    if view is None or view.room is None or view.paired:
        return
    _watch(view.code, view.following, clock=False)
    # What a whole run draws may never reach the page (the next tick can take
    # its place first), so the next tick says it again.
    st.session_state[_SAID_KEY] = None


def presenter_clock(view: RoomView | None) -> None:
    """The presenter view's clock and timer; the clock also watches the room."""
    if view is None or view.room is None:
        _clock_alone()
        return
    _watch(view.code, view.following, clock=True)


@st.fragment(run_every=WATCH_EVERY)
def _clock_alone() -> None:
    session_language()
    st.markdown(f"**{time_of_day()}**")
    session_timer()


@st.fragment(run_every=WATCH_EVERY)
def _watch(code: str, following: bool, *, clock: bool) -> None:
    session_language()
    if clock:
        st.markdown(
            gettext("**{time}** · Room code **{code}**").format(time=time_of_day(), code=code)
        )
        session_timer()
    try:
        room = room_store().get(code)
    except RoomStoreError:
        return
    seen = st.session_state.get(_SEEN_KEY)
    if room is None or (following and room.version != seen):
        st.rerun(scope="app")
    if clock:
        return
    # Said once as it changes (the presenter's windows lead: they never step away).
    # While it follows, a window has nothing to say: after each whole run one
    # tick draws the announcer, so that the live region is there, empty, to
    # say that it stepped away; not again each second, which was a large part
    # of every ask. A tick's draw stays a second, long enough to be run.
    away = not_following_words(room.deck.slide) if not following else ""
    if away or st.session_state.get(_SAID_KEY) != "":
        announce(away)
    st.session_state[_SAID_KEY] = away
    if following:
        return
    with st.container(key="not-following", border=True):
        st.markdown(escape(away))
        # A button in a fragment runs only the fragment: run the whole page
        # to take the presenter's slide.
        if st.button(
            gettext("Follow the presenter again"),
            icon=":material/sync:",
            on_click=_follow_again,
            key="follow_again",
            type="primary",
        ):
            st.rerun(scope="app")


def not_following_words(slide: int) -> str:
    """What a window that stepped away from its room shows and says."""
    return gettext(
        "You are not following the presenter now. The presenter is on slide {slide}."
    ).format(slide=slide)


def room_status(view: RoomView | None) -> None:
    """A line above the slide when a room is gone or cannot be reached."""
    if view is None:
        return
    if view.unavailable:
        st.warning(
            gettext("Following the presenter is not working right now. The slides still work."),
            icon=":material/cloud_off:",
        )
    elif view.room is None:
        st.info(
            gettext(
                "There is no room {code} now. It may have ended. "
                "You can still go through the slides on your own."
            ).format(code=view.code),
            icon=":material/info:",
        )


def room_panel(view: RoomView | None, root: str, page_path: str) -> None:
    """The Room menu: join or start a room; in one, its code and the way out."""
    if view is None or view.room is None:
        _join_form()
        st.divider()
        st.button(
            gettext("Start a room for phones"),
            icon=":material/groups:",
            on_click=ask_to_start,
            key="start_room",
            help=gettext("Phones that join show the slide you are on."),
        )
        st.caption(
            ngettext(
                "A room keeps only the slides you chose, the slide you are on, and how many "
                "phones chose each answer to a question for the room, for up to {hours} "
                "hour after the last move. No names, and never who answered what.",
                "A room keeps only the slides you chose, the slide you are on, and how many "
                "phones chose each answer to a question for the room, for up to {hours} "
                "hours after the last move. No names, and never who answered what.",
                ROOM_HOURS,
            ).format(hours=ROOM_HOURS)
        )
        return
    link = follow_link(root, page_path, view.code, language=i18n.active())
    st.markdown(gettext("Room code: **{code}**").format(code=view.code))
    if view.leading:
        st.image(
            qr_png(link, scale=6),
            width=180,
            caption=gettext("Scan to follow on a phone"),
            alt=qr_alt(link),
        )
        st.caption(
            gettext("Or open {address} and type the code.").format(
                address=escape(address_in_words(link))
            )
        )
        projector_window_button(view, root, page_path)
        st.button(
            gettext("End the room"),
            icon=":material/logout:",
            on_click=_end,
            args=(view.code, view.lead_key or ""),
            key="end_room",
        )
    else:
        st.toggle(
            gettext("Follow the presenter"),
            key=FOLLOW_KEY,
            help=gettext(
                "Shows the slide the presenter is on. Going back or on by yourself turns it off."
            ),
        )
        st.button(
            gettext("Leave the room"), icon=":material/logout:", on_click=_leave, key="leave_room"
        )


def projector_window_button(view: RoomView | None, root: str, page_path: str) -> None:
    """Opens the projector view in a new window that moves with this one.

    Its address holds the room's code, never the lead key: the projected
    screen may show the address bar. It leads through this window instead
    (components.presenting.clicker).
    """
    if view is None or not view.leading:
        return
    st.link_button(
        gettext("Open the projector window"),
        follow_link(root, page_path, view.code, view=PROJECTOR, language=i18n.active()),
        icon=":material/open_in_new:",
        help=gettext(
            "Opens the slides alone in a new window. Drag it to the projector. "
            "It moves with this one."
        ),
    )


def _join_form() -> None:
    with st.form(JOIN_FORM_KEY, border=False):
        typed = st.text_input(
            gettext("Follow a presenter: type their room code"),
            max_chars=12,
            placeholder=gettext("The 4 letters on the first slide"),
        )
        joined = st.form_submit_button(gettext("Follow the presenter"), icon=":material/sync:")
    if joined:
        code = parse_code(typed)
        if code is None:
            # Translators: KQTW is an example code; keep it as it is.
            st.error(gettext("A room code is 4 letters, like KQTW."))
        else:
            st.session_state[FOLLOW_KEY] = True
            st.query_params[ROOM.name] = code
            st.rerun()


def join_link(view: RoomView | None, root: str, page_path: str) -> str | None:
    """The address phones open to join, in the presenter's windows while a room
    is open. Phones already in the room do not need it; the projector window,
    which follows the room, shows it to the others."""
    if view is None or view.room is None:
        return None
    if not (view.leading or VIEW.value(st.query_params) == PROJECTOR):
        return None
    return follow_link(root, page_path, view.code, language=i18n.active())


def join_instructions(view: RoomView | None, root: str, page_path: str) -> None:
    """On the title slide: the code and the QR to follow the room."""
    link = join_link(view, root, page_path)
    if view is None or link is None:
        return
    code, words = st.columns([1, 3], vertical_alignment="center")
    with code:
        st.image(qr_png(link, scale=8), width=JOIN_QR_PIXELS, alt=qr_alt(link))
    with words:
        st.markdown(
            gettext(
                "Follow these slides on your phone. Scan the code, or open **{address}** "
                "and type the room code **{code}**."
            ).format(address=escape(address_in_words(link)), code=view.code)
        )


def join_corner(code: str, link: str) -> None:
    """In the corner of every other slide while a room is open, for anyone who
    came late: a small code to scan (``link``) and the room's ``code``, large."""
    with st.container(key="room-corner", horizontal=True, vertical_alignment="center", wrap=False):
        st.image(qr_png(link, scale=4), width=JOIN_CORNER_PIXELS, alt=qr_alt(link))
        st.markdown(gettext("Join: **{code}**").format(code=code))


def join_screen(view: RoomView | None, root: str, page_path: str) -> dict[str, str] | None:
    """What the J key puts on the room's screen (components/presenting/screens.js):
    how to join, large, while the slide and the phones stay where they are."""
    link = join_link(view, root, page_path)
    if view is None or link is None:
        return None
    qr = base64.b64encode(qr_png(link, scale=10)).decode("ascii")
    return {
        "title": gettext("Follow these slides on your phone"),
        "qr": f"data:image/png;base64,{qr}",
        "qr_alt": qr_alt(link),
        "code": gettext("Room code: {code}").format(code=view.code),
        "address": gettext("Or open {address} and type the room code.").format(
            address=address_in_words(link)
        ),
    }


def time_of_day() -> str:
    """The time where the presenter is."""
    zone_name = st.context.timezone
    try:
        zone = ZoneInfo(zone_name) if zone_name else None
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    return f"{datetime.now(zone):%H:%M}"
