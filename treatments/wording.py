"""Numbers and levels in plain words, the same way everywhere.

IPDAS asks for "X out of 100 people" with one denominator per kind of
outcome, never "1 in X" and never a bare word like "rare".
"""

from __future__ import annotations

from treatments.schema import INVASIVENESS_LEVELS, MAX_INVASIVENESS, Count, Range

# The question each option field answers, as people see it on the page.
FIELD_LABELS = {
    "what_it_is": "What it is",
    "how_it_is_done": "How it is done",
    "invasiveness": "How invasive",
    "anaesthesia": "Asleep or awake",
    "hospital_stay": "Hospital stay",
    "repeat": "How often it is repeated",
    "onset": "How soon it works",
    "duration": "How long it lasts",
    "helps": "How many it helps",
    "side_effects": "Common side effects",
    "serious_risks": "Serious risks",
    "recovery": "Recovery",
    "usually_for": "Who it is usually for",
    "evidence": "How strong the proof is",
}

_ANAESTHESIA = {
    "none": "None",
    "local": "Numbing shot (awake)",
    "sedation": "Calming medicine (sleepy)",
    "general": "Fully asleep",
}


def count_phrase(count: Count) -> str:
    """``"73 to 98 out of 100"``, ``"fewer than 1 to 3 out of 1,000"``."""
    out_of = f"out of {count.out_of:,}"
    low = f"fewer than {count.low}" if count.low_is_fewer_than else str(count.low)
    if count.low == count.high:
        if count.low_is_fewer_than:
            return f"{count.high} or fewer {out_of}"
        return f"{count.high} {out_of}"
    return f"{low} to {count.high} {out_of}"


def range_phrase(value: Range, unit: str, *, plural: str | None = None) -> str:
    """``"1 to 2 nights"``, ``"none"``."""
    plural = plural or f"{unit}s"
    if value.high == 0:
        return "none"
    if value.low == value.high:
        return f"{value.high} {unit if value.high == 1 else plural}"
    return f"{value.low} to {value.high} {plural}"


def invasiveness_phrase(level: int) -> str:
    """``"Level 4 of 4: Brain surgery, fully asleep"``."""
    return f"Level {level} of {MAX_INVASIVENESS}: {INVASIVENESS_LEVELS[level]}"


def anaesthesia_phrase(kind: str) -> str:
    return _ANAESTHESIA[kind]


def nights_phrase(nights: Range) -> str:
    if nights.high == 0:
        return "No hospital stay"
    if nights.low == 0:
        return f"None to {nights.high} night{'s' if nights.high > 1 else ''}"
    return range_phrase(nights, "night")
