"""The presenter's session timer: started, paused and reset by her, and read
against the session's length she set.

Pure: the time comes in as seconds (``now``), so the tests choose it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from treatments.i18n import gettext, ngettext

# The session lengths the presenter can set, in minutes, and the usual one.
SHORTEST, LONGEST, USUAL = 5, 240, 60


@dataclass(frozen=True)
class Timer:
    """Seconds counted so far, and since when it has been counting (None: paused)."""

    counted: float = 0.0
    since: float | None = None

    @property
    def running(self) -> bool:
        return self.since is not None

    def seconds(self, now: float) -> float:
        """The time on the timer at ``now``; never less than nothing, even if
        the clock went back."""
        extra = max(0.0, now - self.since) if self.since is not None else 0.0
        return self.counted + extra

    def start(self, now: float) -> Timer:
        return self if self.running else replace(self, since=now)

    def pause(self, now: float) -> Timer:
        return Timer(self.seconds(now)) if self.running else self


def timer_words(seconds: float, minutes: int) -> str:
    """The timer as the presenter reads it: time used, of the length she set,
    and what is left (or how far over)."""
    whole = int(seconds)
    used = f"{whole // 60}:{whole % 60:02d}"
    left = minutes * 60 - whole
    if left > 0:
        # Rounded up: with 30 seconds to go, 1 minute is left, not 0.
        to_go = -(-left // 60)
        return ngettext(
            "{used} of {minutes} min · {left} min left",
            "{used} of {minutes} min · {left} min left",
            to_go,
        ).format(used=used, minutes=minutes, left=to_go)
    over = -left // 60
    if over == 0:
        return gettext("{used} of {minutes} min · time is up").format(used=used, minutes=minutes)
    return ngettext(
        "{used} of {minutes} min · {over} min over",
        "{used} of {minutes} min · {over} min over",
        over,
    ).format(used=used, minutes=minutes, over=over)
