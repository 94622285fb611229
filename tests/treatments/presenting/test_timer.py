from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from treatments.presenting.timer import LONGEST, SHORTEST, Timer, timer_words

moments = st.floats(min_value=0, max_value=1e6, allow_nan=False)


def test_a_new_timer_waits_at_nothing() -> None:
    timer = Timer()
    assert not timer.running
    assert timer.seconds(1000.0) == 0.0


def test_it_counts_while_running_and_holds_while_paused() -> None:
    timer = Timer().start(100.0)
    assert timer.seconds(130.0) == 30.0
    paused = timer.pause(130.0)
    assert not paused.running
    assert paused.seconds(500.0) == 30.0
    again = paused.start(600.0)
    assert again.seconds(610.0) == 40.0


def test_starting_a_running_timer_or_pausing_a_paused_one_changes_nothing() -> None:
    timer = Timer().start(10.0)
    assert timer.start(50.0) == timer
    paused = timer.pause(20.0)
    assert paused.pause(90.0) == paused


@given(moments, moments, moments)
def test_its_time_never_goes_back_nor_below_nothing(start: float, a: float, b: float) -> None:
    timer = Timer().start(start)
    early, late = sorted((a, b))
    assert 0.0 <= timer.seconds(early) <= timer.seconds(late)


def test_the_words_say_what_is_used_and_what_is_left() -> None:
    assert timer_words(0, 60) == "0:00 of 60 min · 60 min left"
    assert timer_words(754.9, 60) == "12:34 of 60 min · 48 min left"
    # With half a minute to go, a minute is left, not none.
    assert timer_words(59 * 60 + 30, 60) == "59:30 of 60 min · 1 min left"
    assert timer_words(60 * 60, 60) == "60:00 of 60 min · time is up"
    assert timer_words(60 * 60 + 59, 60) == "60:59 of 60 min · time is up"
    assert timer_words(65 * 60 + 10, 60) == "65:10 of 60 min · 5 min over"


@given(st.floats(min_value=0, max_value=48 * 3600), st.integers(SHORTEST, LONGEST))
def test_used_and_left_add_up_to_the_session(seconds: float, minutes: int) -> None:
    words = timer_words(seconds, minutes)
    used = words.split(" ", 1)[0]
    mins, secs = (int(part) for part in used.split(":"))
    assert mins * 60 + secs == int(seconds)
    if "left" in words:
        left = int(words.rsplit("· ", 1)[1].split(" ")[0])
        assert (left - 1) * 60 < minutes * 60 - int(seconds) <= left * 60
