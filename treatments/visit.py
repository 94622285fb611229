"""What a patient chose and wrote for their visit: held in memory only, never saved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from treatments.schema import Option

# The longest note a person can type; the printout keeps this much.
MAX_NOTES = 3000


@dataclass(frozen=True)
class VisitAnswers:
    """What a patient chose and wrote. Held only in memory, never saved."""

    options: Sequence[Option] = ()
    how_much: Mapping[str, str | None] = field(default_factory=dict)
    leaning: str | None = None
    questions: Sequence[str] = ()
    notes: str = ""
    sure: Mapping[str, bool | None] = field(default_factory=dict)
    # The check of what she understood: each answered question's id, and the
    # choice she picked.
    check: Mapping[str, str] = field(default_factory=dict)
