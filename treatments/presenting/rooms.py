"""Rooms: phones in a group session follow the presenter's slides.

A presenter starts a room and gets a short code. Phones that join show the
slide the presenter is on. A room holds only the deck (which options, issue
cards and questions for the room) and the slide number, and for each question
it puts to the room, how many phones chose each answer: no names, and never
who answered what. It ends a few hours after its last move, and its counts
with it.

Two stores keep rooms, with one interface:

- ``MemoryRooms``, in the process, the default: enough for one
  ``streamlit run``.
- ``RedisRooms``, in Redis, when ``HFS_REDIS_URL`` is set: replicas behind a
  balancer see the same rooms, whichever one a phone lands on.

Whoever starts a room gets a lead key as well as the code. Only a window that
shows the key may move the room's slides; the code alone lets a phone follow.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any, Protocol
from urllib.parse import urlencode

from treatments.address import LANG, ROOM, VIEW

# Letters only, and none that look like a number or each other when read out
# or typed on a phone (no I, L, O): "KQTW".
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 4
# A room ends this long after its last move (or its start).
ROOM_LIFETIME = timedelta(hours=4)
# The most rooms one process keeps at once; more would only be someone
# trying to fill its memory.
MAX_MEMORY_ROOMS = 2000
REDIS_URL_VARIABLE = "HFS_REDIS_URL"
_REDIS_PREFIX = "hfs:room:"
_CODE_PATTERN = re.compile(rf"[{CODE_LETTERS}]{{{CODE_LENGTH}}}")


class RoomStoreError(RuntimeError):
    """The shared store cannot be reached; slides still work without it."""


@dataclass(frozen=True)
class Deck:
    """What a room shows: the options and issue cards in the deck, and the slide."""

    options: tuple[str, ...]
    # The issue cards and the questions put to the room, by id (no card and no
    # question share an id: treatments.rules).
    cards: tuple[str, ...]
    slide: int


@dataclass(frozen=True)
class Room:
    """A room as its store holds it. ``version`` grows by one with each move,
    so a follower knows something moved without comparing the whole deck."""

    code: str
    deck: Deck
    version: int
    lead_digest: str

    def led_by(self, key: str | None) -> bool:
        """Whether ``key`` is this room's lead key."""
        return key is not None and hmac.compare_digest(_digest(key), self.lead_digest)


@dataclass(frozen=True)
class NewRoom:
    """What starting a room gives its presenter: the code to share, the key to keep."""

    code: str
    lead_key: str


class Rooms(Protocol):
    """Where rooms are kept."""

    def start(self, deck: Deck) -> NewRoom: ...

    def get(self, code: str) -> Room | None: ...

    def move(self, code: str, key: str, deck: Deck) -> Room | None:
        """Show ``deck`` in the room, if ``key`` leads it; the room as it is now,
        or None once it has ended."""
        ...

    def end(self, code: str, key: str) -> None: ...

    def answer(self, code: str, question: str, choice: str, before: str | None = None) -> None:
        """Count one more phone for ``choice`` to ``question``, and one fewer for
        ``before``, the answer that phone gave first; nothing once the room has ended."""
        ...

    def tally(self, code: str, question: str) -> dict[str, int]:
        """How many phones chose each answer to ``question``, by answer."""
        ...


def parse_code(text: str | None) -> str | None:
    """A room code as typed or read from a web address, or None if it is not one.

    Case and spaces do not matter ("kq tw" is KQTW). Letters that are not used
    in codes make it not a code, rather than a guess at what was meant.
    """
    if not text:
        return None
    code = re.sub(r"[\s-]", "", text).upper()
    return code if _CODE_PATTERN.fullmatch(code) else None


def new_code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def new_lead_key() -> str:
    return secrets.token_urlsafe(12)


def _digest(key: str) -> str:
    # Stores keep a digest, not the key: someone who reads the store cannot lead.
    return hashlib.sha256(key.encode()).hexdigest()


class MemoryRooms:
    """Rooms in this process. Safe across the threads of one Streamlit server."""

    def __init__(
        self,
        *,
        lifetime: timedelta = ROOM_LIFETIME,
        limit: int = MAX_MEMORY_ROOMS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lifetime = lifetime.total_seconds()
        self._limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._rooms: dict[str, tuple[Room, float]] = {}
        # By room, then question: how many chose each answer.
        self._tallies: dict[str, dict[str, Counter[str]]] = {}

    def _drop(self, code: str) -> None:
        self._rooms.pop(code, None)
        self._tallies.pop(code, None)

    def _drop_ended(self, now: float) -> None:
        for code in [c for c, (_, ends) in self._rooms.items() if ends <= now]:
            self._drop(code)

    def start(self, deck: Deck) -> NewRoom:
        key = new_lead_key()
        with self._lock:
            now = self._clock()
            self._drop_ended(now)
            if len(self._rooms) >= self._limit:
                raise RoomStoreError("too many rooms are open")
            code = new_code()
            while code in self._rooms:
                code = new_code()
            self._rooms[code] = (Room(code, deck, 1, _digest(key)), now + self._lifetime)
        return NewRoom(code, key)

    def _live(self, code: str) -> Room | None:
        """The room, if it has not ended (one that has is dropped); hold the lock."""
        kept = self._rooms.get(code)
        if kept is None:
            return None
        room, ends = kept
        if ends <= self._clock():
            self._drop(code)
            return None
        return room

    def get(self, code: str) -> Room | None:
        with self._lock:
            return self._live(code)

    def move(self, code: str, key: str, deck: Deck) -> Room | None:
        with self._lock:
            room = self._live(code)
            if room is None:
                return None
            now = self._clock()
            if not room.led_by(key):
                return room
            if room.deck != deck:
                room = replace(room, deck=deck, version=room.version + 1)
            self._rooms[code] = (room, now + self._lifetime)
            return room

    def end(self, code: str, key: str) -> None:
        with self._lock:
            kept = self._rooms.get(code)
            if kept is not None and kept[0].led_by(key):
                self._drop(code)

    def answer(self, code: str, question: str, choice: str, before: str | None = None) -> None:
        with self._lock:
            if self._live(code) is None:
                return
            counts = self._tallies.setdefault(code, {}).setdefault(question, Counter())
            if before is not None and counts[before] > 0:
                counts[before] -= 1
            counts[choice] += 1

    def tally(self, code: str, question: str) -> dict[str, int]:
        with self._lock:
            if self._live(code) is None:
                return {}
            return dict(self._tallies.get(code, {}).get(question, Counter()))


def _encode(room: Room) -> dict[str, str]:
    return {
        "options": json.dumps(list(room.deck.options)),
        "cards": json.dumps(list(room.deck.cards)),
        "slide": str(room.deck.slide),
        "version": str(room.version),
        "lead": room.lead_digest,
    }


def _decode(code: str, fields: Mapping[Any, Any]) -> Room | None:
    """A room from its Redis hash; None for a hash that is not a whole room."""
    text = {
        (k.decode() if isinstance(k, bytes) else str(k)): (
            v.decode() if isinstance(v, bytes) else str(v)
        )
        for k, v in fields.items()
    }
    try:
        deck = Deck(
            tuple(str(o) for o in json.loads(text["options"])),
            tuple(str(c) for c in json.loads(text["cards"])),
            int(text["slide"]),
        )
        return Room(code, deck, int(text["version"]), text["lead"])
    except (KeyError, ValueError, TypeError):
        return None


# One round trip, done by Redis alone, so two windows that move at once
# cannot interleave: check the lead key's digest, then write the deck, count
# the move and push the room's end back. Returns 1 if it wrote, 0 if the key
# is not the lead's, -1 if the room has ended.
_MOVE_SCRIPT = """
local lead = redis.call('HGET', KEYS[1], 'lead')
if not lead then return -1 end
if lead ~= ARGV[1] then return 0 end
local same = redis.call('HGET', KEYS[1], 'options') == ARGV[2]
  and redis.call('HGET', KEYS[1], 'cards') == ARGV[3]
  and redis.call('HGET', KEYS[1], 'slide') == ARGV[4]
if not same then
  redis.call('HSET', KEYS[1], 'options', ARGV[2], 'cards', ARGV[3], 'slide', ARGV[4])
  redis.call('HINCRBY', KEYS[1], 'version', 1)
end
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
"""


# A phone's answer, counted in the room's own hash, so the counts end with the
# room (EXPIRE, or the presenter ending it): one more for ARGV[1], one fewer
# for ARGV[2] (the phone's first answer, or empty), never below none. A room
# that has ended counts nothing: HINCRBY alone would make a new hash that
# never expires.
_ANSWER_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[2] ~= '' and tonumber(redis.call('HGET', KEYS[1], ARGV[2]) or '0') > 0 then
  redis.call('HINCRBY', KEYS[1], ARGV[2], -1)
end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
return 1
"""
_TALLY_FIELD = "tally:{question}:{choice}"


class RedisRooms:
    """Rooms in Redis, shared by every replica; Redis ends them (EXPIRE)."""

    def __init__(self, client: Any, *, lifetime: timedelta = ROOM_LIFETIME) -> None:
        self._redis = client
        self._lifetime = int(lifetime.total_seconds())
        self._move = client.register_script(_MOVE_SCRIPT)
        self._answer = client.register_script(_ANSWER_SCRIPT)

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> RedisRooms:
        import redis  # only deployments with Redis need the client

        # Short timeouts: a slide must never wait long on a follower's store.
        client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        return cls(client, **kwargs)

    def _call(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        import redis

        try:
            return action(*args, **kwargs)
        except redis.RedisError as error:
            raise RoomStoreError(str(error)) from error

    def start(self, deck: Deck) -> NewRoom:
        key = new_lead_key()
        for _ in range(20):
            code = new_code()
            room = Room(code, deck, 1, _digest(key))
            name = _REDIS_PREFIX + code
            # HSETNX on the lead field claims the code only if no room has it.
            if self._call(self._redis.hsetnx, name, "lead", room.lead_digest):
                self._call(self._write, name, room)
                return NewRoom(code, key)
        raise RoomStoreError("no free room code")

    def _write(self, name: str, room: Room) -> None:
        with self._redis.pipeline() as pipe:
            pipe.hset(name, mapping=_encode(room))
            pipe.expire(name, self._lifetime)
            pipe.execute()

    def get(self, code: str) -> Room | None:
        fields = self._call(self._redis.hgetall, _REDIS_PREFIX + code)
        return _decode(code, fields) if fields else None

    def move(self, code: str, key: str, deck: Deck) -> Room | None:
        encoded = _encode(Room(code, deck, 0, ""))
        self._call(
            self._move,
            keys=[_REDIS_PREFIX + code],
            args=[
                _digest(key),
                encoded["options"],
                encoded["cards"],
                encoded["slide"],
                self._lifetime,
            ],
        )
        return self.get(code)

    def end(self, code: str, key: str) -> None:
        room = self.get(code)
        if room is not None and room.led_by(key):
            self._call(self._redis.delete, _REDIS_PREFIX + code)

    def answer(self, code: str, question: str, choice: str, before: str | None = None) -> None:
        self._call(
            self._answer,
            keys=[_REDIS_PREFIX + code],
            args=[
                _TALLY_FIELD.format(question=question, choice=choice),
                "" if before is None else _TALLY_FIELD.format(question=question, choice=before),
            ],
        )

    def tally(self, code: str, question: str) -> dict[str, int]:
        prefix = _TALLY_FIELD.format(question=question, choice="")
        fields = self._call(self._redis.hgetall, _REDIS_PREFIX + code)
        counts: dict[str, int] = {}
        for name, value in fields.items():
            name = name.decode() if isinstance(name, bytes) else str(name)
            if name.startswith(prefix):
                with contextlib.suppress(ValueError):
                    counts[name[len(prefix) :]] = int(value)
        return counts


def rooms_from_environment(environ: Mapping[str, str]) -> Rooms:
    """Redis when ``HFS_REDIS_URL`` names one, else rooms in this process."""
    url = environ.get(REDIS_URL_VARIABLE, "").strip()
    return RedisRooms.from_url(url) if url else MemoryRooms()


def deck_of(options: Sequence[str], cards: Sequence[str], slide: int) -> Deck:
    return Deck(tuple(options), tuple(cards), int(slide))


def follow_link(root: str, page_path: str, code: str, view: str = "", language: str = "") -> str:
    """The page a phone opens to follow room ``code`` (no lead key in it), or
    the presenter's projector window (``view``), which shows the room too.
    ``language`` is the presenter's: a phone opens in it, and can switch."""
    query = {**ROOM.query(code), **VIEW.query(view), **LANG.query(language)}
    return f"{root}{page_path}?{urlencode(query)}"
