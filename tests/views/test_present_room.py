"""The Present page in a room: followers take the room's deck and slide, a
follower's own move stops following, a leader's move moves the room."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from components.presenting.room import not_following_words, room_store
from components.presenting.timer import MINUTES_KEY, TIMER_KEY
from tests.views.apptest import plain
from treatments.presenting.deck import build_deck, default_items
from treatments.presenting.rooms import Deck, NewRoom
from treatments.presenting.timer import Timer
from treatments.schema import Catalogue


@pytest.fixture
def room(catalogue: Catalogue) -> NewRoom:
    """A room showing two options and one issue card, on slide 3."""
    options = tuple(o.short_name for o in catalogue.options[:2])
    card = catalogue.deck.issue_cards[0].id
    return room_store().start(Deck(options, (card,), 3))


def _slide(at: AppTest) -> int:
    return int(at.session_state["slide"])


def test_a_phone_that_joins_shows_the_rooms_deck_and_slide(
    open_page: Callable[..., AppTest], catalogue: Catalogue, room: NewRoom
) -> None:
    at = open_page("present", room=room.code.lower())
    assert _slide(at) == 3
    assert at.multiselect(key="deck_options").value == [o.short_name for o in catalogue.options[:2]]
    assert at.multiselect(key="deck_options").disabled, "the presenter picks the slides"
    assert at.multiselect(key="deck_cards").value == [catalogue.deck.issue_cards[0].id]
    assert at.toggle(key="follow_presenter").value
    # Title, 2 options, 1 card, how people choose, questions, sharing.
    deck = build_deck(catalogue, catalogue.options[:2], [catalogue.deck.issue_cards[0].id])
    assert f"Slide 3 of {len(deck)}." in " ".join(c.value for c in at.caption)
    assert f"Room code: **{room.code}**" in [m.value for m in at.markdown]


def test_a_presenter_move_reaches_a_phone_on_its_next_run(
    open_page: Callable[..., AppTest], room: NewRoom
) -> None:
    at = open_page("present", room=room.code)
    store = room_store()
    current = store.get(room.code)
    assert current is not None
    store.move(room.code, room.lead_key, Deck(current.deck.options, current.deck.cards, 5))
    at.run()
    assert _slide(at) == 5


def test_a_phone_that_steps_back_stops_following_until_asked(
    open_page: Callable[..., AppTest], room: NewRoom
) -> None:
    at = open_page("present", room=room.code)
    at.button(key="previous_slide").click().run()
    assert _slide(at) == 2
    assert not at.toggle(key="follow_presenter").value
    room_before = room_store().get(room.code)
    assert room_before is not None and room_before.deck.slide == 3, "a phone never moves the room"
    at.run()
    assert _slide(at) == 2, "it stays where the person went"
    at.toggle(key="follow_presenter").set_value(True).run()
    assert _slide(at) == 3


def test_a_window_with_the_lead_key_moves_the_room(
    open_page: Callable[..., AppTest], room: NewRoom
) -> None:
    at = open_page("present", room=room.code, lead=room.lead_key)
    at.button(key="next_slide").click().run()
    assert _slide(at) == 4
    moved = room_store().get(room.code)
    assert moved is not None and moved.deck.slide == 4
    at.multiselect(key="deck_cards").set_value([]).run()
    changed = room_store().get(room.code)
    assert changed is not None and changed.deck.cards == ()


def test_a_wrong_lead_key_only_follows(open_page: Callable[..., AppTest], room: NewRoom) -> None:
    at = open_page("present", room=room.code, lead="guessed")
    assert at.multiselect(key="deck_options").disabled
    at.button(key="next_slide").click().run()
    still = room_store().get(room.code)
    assert still is not None and still.deck.slide == 3


def test_starting_a_room_puts_its_code_and_key_in_the_address(
    open_page: Callable[..., AppTest],
) -> None:
    at = open_page("present")
    at.button(key="next_slide").click().run()
    at.button(key="start_room").click().run()
    code, key = at.query_params["room"], at.query_params["lead"]
    started = room_store().get(code)
    assert started is not None and started.led_by(key)
    assert started.deck.slide == 2
    assert not at.exception


def test_the_presenter_view_starts_a_room_and_shows_notes_and_the_next_slide(
    open_page: Callable[..., AppTest], catalogue: Catalogue
) -> None:
    at = open_page("present")
    at.button(key="enter_presenter").click().run()
    assert at.query_params["view"] == "presenter"
    assert room_store().get(at.query_params["room"]) is not None
    text = " ".join(m.value for m in at.markdown)
    assert catalogue.deck.title_slide.speaker_note in text
    assert f"**Next:** {catalogue.options[0].name}" in text
    # A small picture of the next slide: the same slide, drawn again, with
    # one page heading still (the current slide's) and no second footer.
    assert len(at.title) == 1
    assert plain(catalogue.options[0].what_it_is.text) in plain(text)
    assert sum("Slide 1 of" in c.value for c in at.caption) == 1

    # Leaving keeps the room (the projector window still follows) and the slide.
    room = at.query_params["room"]
    at.button(key="next_slide").click().run()
    at.button(key="leave_presenter").click().run()
    assert "view" not in at.query_params
    assert at.query_params["room"] == room
    assert _slide(at) == 2
    assert not at.exception


@pytest.mark.parametrize("room", [None, "ZZZZ"], ids=["no room", "a room that ended"])
def test_a_presenter_view_opened_from_a_bookmark_leads_a_new_room(
    open_page: Callable[..., AppTest], room: str | None
) -> None:
    at = open_page("present", view="presenter", **({"room": room} if room else {}))
    code = at.query_params["room"]
    assert code != room
    started = room_store().get(code)
    assert started is not None and started.led_by(at.query_params["lead"])
    assert at.query_params["view"] == "presenter"
    assert not at.exception


@pytest.mark.parametrize("code", ["ZZZZ", "KQ0W", "<script>", "a" * 300])
def test_a_room_that_is_not_open_says_so_and_the_slides_still_work(
    open_page: Callable[..., AppTest], code: str
) -> None:
    at = open_page("present", room=code)
    assert not at.exception
    if code == "ZZZZ":
        assert "There is no room ZZZZ now" in at.info[0].value
    at.button(key="next_slide").click().run()
    assert _slide(at) == 2


def test_a_phone_in_a_room_is_not_offered_the_presenter_s_windows_or_their_notes(
    open_page: Callable[..., AppTest], room: NewRoom
) -> None:
    alone = open_page("present")
    for key in ("enter_presenter", "enter_projector"):
        assert alone.button(key=key) is not None
    assert alone.toggle(key="speaker_notes") is not None

    phone = open_page("present", room=room.code)
    keys = {button.key for button in phone.button}
    assert not keys & {"enter_presenter", "enter_projector"}, keys
    assert "speaker_notes" not in {toggle.key for toggle in phone.toggle}


def test_a_phone_that_steps_away_is_told_where_the_presenter_is(
    open_page: Callable[..., AppTest], room: NewRoom
) -> None:
    at = open_page("present", room=room.code)
    assert not_following_words(3) not in [m.value for m in at.markdown]
    at.button(key="previous_slide").click().run()
    assert not_following_words(3) in [m.value for m in at.markdown]
    assert at.button(key="follow_again") is not None


def store_deck(room: NewRoom) -> Deck:
    found = room_store().get(room.code)
    assert found is not None
    return found.deck


def _corner(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("Join: ")]


def test_every_slide_of_the_presenter_s_windows_but_the_first_and_the_share_shows_how_to_join(
    open_page: Callable[..., AppTest], catalogue: Catalogue, room: NewRoom
) -> None:
    leader = open_page("present", room=room.code, lead=room.lead_key)
    deck = build_deck(catalogue, catalogue.options[:2], [catalogue.deck.issue_cards[0].id])
    store = room_store()
    for number, slide in enumerate(deck, start=1):
        store.move(
            room.code, room.lead_key, Deck(store_deck(room).options, store_deck(room).cards, number)
        )
        leader.run()
        assert _slide(leader) == number
        assert _corner(leader) == (
            [] if slide.kind in ("title", "share") else [f"Join: **{room.code}**"]
        )
    # The projector window follows the room and shows it too; a phone does not need it.
    store.move(room.code, room.lead_key, Deck(store_deck(room).options, store_deck(room).cards, 2))
    projector = open_page("present", room=room.code, view="projector")
    assert _corner(projector) == [f"Join: **{room.code}**"]
    phone = open_page("present", room=room.code)
    assert _corner(phone) == []


def test_the_presenter_s_timer_starts_pauses_goes_on_and_resets(
    open_page: Callable[..., AppTest],
) -> None:
    at = open_page("present", view="presenter")
    assert "0:00 of 60 min · 60 min left" in " ".join(m.value for m in at.markdown)
    at.button(key="timer_start").click().run()
    assert at.session_state[TIMER_KEY].running
    at.button(key="timer_pause").click().run()
    paused = at.session_state[TIMER_KEY]
    assert not paused.running
    assert at.button(key="timer_start").label == ("Go on" if paused.counted else "Start")
    at.number_input(key=MINUTES_KEY).set_value(45).run()
    assert " of 45 min · " in " ".join(m.value for m in at.markdown)
    at.button(key="timer_reset").click().run()
    assert at.session_state[TIMER_KEY] == Timer()
    assert not at.exception


def _question_room(catalogue: Catalogue) -> tuple[NewRoom, int]:
    """A room on its question for the room ("waiting"): the room and the slide."""
    options = (catalogue.options[0].short_name,)
    items = ("waiting",)
    slides = build_deck(catalogue, catalogue.options[:1], items)
    asked = next(n for n, s in enumerate(slides, 1) if s.kind == "check")
    return room_store().start(Deck(options, items, asked)), asked


def test_phones_answer_the_room_s_question_and_the_room_keeps_only_the_counts(
    open_page: Callable[..., AppTest], catalogue: Catalogue
) -> None:
    room, asked = _question_room(catalogue)
    phones = [open_page("present", room=room.code) for _ in range(3)]
    for phone, choice in zip(phones, ("yes", "yes", "no"), strict=True):
        assert _slide(phone) == asked
        assert phone.multiselect(key="deck_checks").value == ["waiting"]
        phone.radio(key="room-answer-waiting").set_value(choice).run()
        assert not phone.exception
        assert any("Your answer is in" in m.value for m in phone.markdown)
    assert room_store().tally(room.code, "waiting") == {"yes": 2, "no": 1}
    # A phone that changes its mind moves its one count; a second run sends nothing.
    phones[2].radio(key="room-answer-waiting").set_value("yes").run()
    phones[2].run()
    assert room_store().tally(room.code, "waiting") == {"yes": 3, "no": 0}

    # The presenter's window counts who has answered, not what, on the question.
    presenter = open_page("present", room=room.code, lead=room.lead_key)
    assert _slide(presenter) == asked
    assert not presenter.radio, "the presenter does not answer"
    assert any("3 people answered so far." in m.value for m in presenter.markdown)
    # On the answer's slide, the room's answers as a picture, in words beside it.
    presenter.button(key="next_slide").click().run()
    said = plain(" ".join(m.value for m in presenter.markdown))
    assert "How the room answered: 3 people" in said
    assert "Yes, the right answer: 3 people." in said and "No: 0 people." in said
    assert "Lasting harm to health from the spasm itself" in said
    # The phones follow to the answer and keep what they said, in their own session.
    phones[0].run()
    assert "How the room answered: 3 people" in " ".join(m.value for m in phones[0].markdown)


def test_a_room_question_away_from_a_room_asks_the_reader_to_think(
    open_page: Callable[..., AppTest], catalogue: Catalogue
) -> None:
    slides = build_deck(catalogue, catalogue.options, default_items(catalogue))
    asked = next(n for n, s in enumerate(slides, 1) if s.kind == "check")
    at = open_page("present", slide=str(asked))
    assert not at.exception and not at.radio
    said = " ".join(m.value for m in at.markdown)
    assert "Think of your answer. The next slide shows it." in said
    assert "- Yes\n- No" in said
    at.button(key="next_slide").click().run()
    assert plain(at.title[0].value) == "The answer: Yes"
    assert "How the room answered" not in " ".join(m.value for m in at.markdown)


def test_a_room_past_the_end_of_its_deck_shows_the_last_slide(
    open_page: Callable[..., AppTest], catalogue: Catalogue
) -> None:
    options = catalogue.options[:2]
    room = room_store().start(Deck(tuple(o.short_name for o in options), (), 99))
    at = open_page("present", room=room.code)
    assert _slide(at) == len(build_deck(catalogue, options, []))
