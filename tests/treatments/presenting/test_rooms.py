"""Rooms: the in-process store and the Redis store keep the same promises."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
import redis
from hypothesis import given
from hypothesis import strategies as st

from treatments.address import ROOM
from treatments.presenting.rooms import (
    CODE_LENGTH,
    CODE_LETTERS,
    REDIS_URL_VARIABLE,
    Deck,
    MemoryRooms,
    RedisRooms,
    Rooms,
    RoomStoreError,
    follow_link,
    parse_code,
    rooms_from_environment,
)

DECK = Deck(("Injections", "Surgery"), ("repeat",), 1)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fresh_redis(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.slow)])
def rooms(request: pytest.FixtureRequest) -> Rooms:
    if request.param == "memory":
        return MemoryRooms()
    return RedisRooms(request.getfixturevalue("fresh_redis"))


def test_a_new_room_shows_its_deck_to_anyone_with_the_code(rooms: Rooms) -> None:
    new = rooms.start(DECK)
    assert parse_code(new.code) == new.code
    room = rooms.get(new.code)
    assert room is not None
    assert room.deck == DECK
    assert room.led_by(new.lead_key)
    assert not room.led_by(None)
    assert not room.led_by(new.lead_key + "x")


def test_only_the_lead_key_moves_the_room(rooms: Rooms) -> None:
    new = rooms.start(DECK)
    moved = Deck(DECK.options, DECK.cards, 3)
    stranger = rooms.move(new.code, "not-the-key", moved)
    assert stranger is not None and stranger.deck.slide == 1
    room = rooms.move(new.code, new.lead_key, moved)
    assert room is not None and room.deck == moved
    assert rooms.get(new.code) == room


def test_each_move_counts_once_and_a_non_move_not_at_all(rooms: Rooms) -> None:
    new = rooms.start(DECK)
    first = rooms.get(new.code)
    assert first is not None
    same = rooms.move(new.code, new.lead_key, DECK)
    assert same is not None and same.version == first.version
    versions = [
        room.version
        for slide in (2, 3, 4)
        if (room := rooms.move(new.code, new.lead_key, Deck(DECK.options, DECK.cards, slide)))
    ]
    assert versions == [first.version + 1, first.version + 2, first.version + 3]
    fewer = rooms.move(new.code, new.lead_key, Deck(("Surgery",), (), 2))
    assert fewer is not None and fewer.deck.options == ("Surgery",) and fewer.deck.cards == ()


def test_an_ended_room_is_gone_for_everyone(rooms: Rooms) -> None:
    new = rooms.start(DECK)
    rooms.end(new.code, "not-the-key")
    assert rooms.get(new.code) is not None
    rooms.end(new.code, new.lead_key)
    assert rooms.get(new.code) is None
    assert rooms.move(new.code, new.lead_key, DECK) is None


def test_codes_are_not_reused_while_rooms_are_open(rooms: Rooms) -> None:
    codes = {rooms.start(DECK).code for _ in range(200)}
    assert len(codes) == 200


def test_two_windows_moving_at_once_leave_one_whole_deck(rooms: Rooms) -> None:
    """The presenter's and the projector's windows write at the same moment:
    the room ends on one of their decks, never a mix."""
    new = rooms.start(DECK)
    decks = [Deck(("Injections",), ("repeat",), 2), Deck(("Surgery",), (), 3)]
    barrier = threading.Barrier(len(decks))

    def move(deck: Deck) -> None:
        barrier.wait()
        for _ in range(20):
            rooms.move(new.code, new.lead_key, deck)
            rooms.move(new.code, new.lead_key, DECK)

    threads = [threading.Thread(target=move, args=(deck,)) for deck in decks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    room = rooms.get(new.code)
    assert room is not None
    assert room.deck in (DECK, *decks)


def test_a_room_counts_answers_and_a_changed_answer_once(rooms: Rooms) -> None:
    new = rooms.start(DECK)
    assert rooms.tally(new.code, "waiting") == {}
    for choice in ("yes", "yes", "no"):
        rooms.answer(new.code, "waiting", choice)
    rooms.answer(new.code, "waiting", "yes", before="no")  # a phone changed its mind
    rooms.answer(new.code, "again", "injections")
    assert rooms.tally(new.code, "waiting") == {"yes": 3, "no": 0}
    assert rooms.tally(new.code, "again") == {"injections": 1}
    # A "before" that was never counted takes nothing below none.
    rooms.answer(new.code, "again", "mvd", before="radiofrequency")
    assert rooms.tally(new.code, "again") == {"injections": 1, "mvd": 1}


def test_many_phones_answering_at_once_are_each_counted(rooms: Rooms) -> None:
    new = rooms.start(DECK)

    def answer() -> None:
        for _ in range(20):
            rooms.answer(new.code, "waiting", "yes")

    threads = [threading.Thread(target=answer) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert rooms.tally(new.code, "waiting") == {"yes": 100}


def test_a_room_forgets_its_counts_when_it_ends(rooms: Rooms) -> None:
    new = rooms.start(DECK)
    rooms.answer(new.code, "waiting", "yes")
    rooms.end(new.code, new.lead_key)
    assert rooms.tally(new.code, "waiting") == {}
    # An ended room counts nothing, and a code no room has is no room.
    rooms.answer(new.code, "waiting", "yes")
    assert rooms.tally(new.code, "waiting") == {}
    assert rooms.get(new.code) is None


def test_a_memory_room_s_counts_end_with_it() -> None:
    clock = FakeClock()
    rooms = MemoryRooms(lifetime=timedelta(hours=4), clock=clock)
    new = rooms.start(DECK)
    rooms.answer(new.code, "waiting", "no")
    clock.now += 4 * 3600 + 1
    assert rooms.tally(new.code, "waiting") == {}
    assert new.code not in rooms._tallies


def test_redis_keeps_the_counts_in_the_room_so_they_expire_with_it(
    fresh_redis: redis.Redis,
) -> None:
    rooms = RedisRooms(fresh_redis)
    new = rooms.start(DECK)
    rooms.answer(new.code, "waiting", "yes")
    assert fresh_redis.keys("*") == [f"hfs:room:{new.code}".encode()]
    stored = fresh_redis.hgetall(f"hfs:room:{new.code}")
    assert stored[b"tally:waiting:yes"] == b"1"
    fresh_redis.delete(f"hfs:room:{new.code}")
    rooms.answer(new.code, "waiting", "yes")
    assert fresh_redis.keys("*") == [], "an ended room's answer makes no key"


def test_a_memory_room_ends_hours_after_its_last_move() -> None:
    clock = FakeClock()
    rooms = MemoryRooms(lifetime=timedelta(hours=4), clock=clock)
    new = rooms.start(DECK)
    clock.now += 3 * 3600
    assert rooms.move(new.code, new.lead_key, Deck(DECK.options, DECK.cards, 2)) is not None
    clock.now += 3 * 3600  # six hours after the start, three after the move
    assert rooms.get(new.code) is not None
    clock.now += 3600 + 1
    assert rooms.get(new.code) is None


def test_a_memory_store_refuses_rooms_past_its_limit_until_some_end() -> None:
    clock = FakeClock()
    rooms = MemoryRooms(lifetime=timedelta(hours=1), limit=3, clock=clock)
    for _ in range(3):
        rooms.start(DECK)
    with pytest.raises(RoomStoreError):
        rooms.start(DECK)
    clock.now += 3601
    assert rooms.get(rooms.start(DECK).code) is not None


def test_redis_ends_a_room_hours_after_its_last_move(fresh_redis: redis.Redis) -> None:
    rooms = RedisRooms(fresh_redis, lifetime=timedelta(hours=4))
    new = rooms.start(DECK)
    name = f"hfs:room:{new.code}"
    assert 4 * 3600 - 5 <= fresh_redis.ttl(name) <= 4 * 3600
    fresh_redis.expire(name, 60)
    rooms.move(new.code, new.lead_key, Deck(DECK.options, DECK.cards, 2))
    assert fresh_redis.ttl(name) > 3600


def test_redis_keeps_no_lead_key_and_nothing_but_the_deck(fresh_redis: redis.Redis) -> None:
    rooms = RedisRooms(fresh_redis)
    new = rooms.start(DECK)
    stored = fresh_redis.hgetall(f"hfs:room:{new.code}")
    assert {key.decode() for key in stored} == {"options", "cards", "slide", "version", "lead"}
    assert new.lead_key.encode() not in b"".join(stored.values())


def test_rooms_in_redis_are_shared_by_separate_clients(redis_url: str) -> None:
    """What two replicas do: one starts and moves the room, the other reads it."""
    one, other = RedisRooms.from_url(redis_url), RedisRooms.from_url(redis_url)
    new = one.start(DECK)
    one.move(new.code, new.lead_key, Deck(DECK.options, DECK.cards, 4))
    room = other.get(new.code)
    assert room is not None and room.deck.slide == 4 and room.led_by(new.lead_key)


def test_redis_out_of_reach_is_a_store_error_not_a_crash() -> None:
    rooms = RedisRooms.from_url("redis://127.0.0.1:1/0")
    with pytest.raises(RoomStoreError):
        rooms.get("KQTW")
    with pytest.raises(RoomStoreError):
        rooms.start(DECK)


def test_the_environment_picks_the_store(redis_url: str) -> None:
    assert isinstance(rooms_from_environment({}), MemoryRooms)
    assert isinstance(rooms_from_environment({REDIS_URL_VARIABLE: " "}), MemoryRooms)
    assert isinstance(rooms_from_environment({REDIS_URL_VARIABLE: redis_url}), RedisRooms)


@given(st.text(alphabet=CODE_LETTERS, min_size=CODE_LENGTH, max_size=CODE_LENGTH))
def test_a_code_reads_back_however_it_is_typed(code: str) -> None:
    spaced = f" {code[:2].lower()} {code[2:]} "
    assert parse_code(spaced) == code
    assert parse_code(f"{code[:2]}-{code[2:]}") == code


@given(st.text(max_size=12))
def test_anything_else_is_not_a_code(text: str) -> None:
    code = parse_code(text)
    assert code is None or (len(code) == CODE_LENGTH and set(code) <= set(CODE_LETTERS))


@pytest.mark.parametrize("text", ["", None, "KQT", "KQTWX", "KQ0W", "KQIW", "KQLW", "KQOW", "K!TW"])
def test_near_codes_are_refused(text: str | None) -> None:
    assert parse_code(text) is None


def test_a_follow_link_never_carries_the_lead_key() -> None:
    follow = follow_link("https://example.org/hfs/", "present", "KQTW")
    assert follow == f"https://example.org/hfs/present?{ROOM.name}=KQTW"
    projector = follow_link("https://example.org/hfs/", "present", "KQTW", view="projector")
    assert projector == f"https://example.org/hfs/present?{ROOM.name}=KQTW&view=projector"


def test_a_follow_link_opens_in_the_presenter_s_language() -> None:
    link = follow_link("https://example.org/hfs/", "present", "KQTW", language="es")
    assert link == "https://example.org/hfs/present?room=KQTW&lang=es"
