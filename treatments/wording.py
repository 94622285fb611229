"""Numbers and levels in plain words, the same way everywhere.

IPDAS asks for "X out of 100 people" with one denominator per kind of
outcome, never "1 in X" and never a bare word like "rare".
"""

from __future__ import annotations

from treatments.schema import (
    INVASIVENESS_LEVELS,
    MAX_INVASIVENESS,
    Count,
    HarmBasis,
    Range,
    Timeframe,
)

# When a benefit was measured, as a person reads it.
TIMEFRAME_WORDS: dict[Timeframe, str] = {
    "right after": "right after the treatment",
    "first weeks": "in the first weeks",
    "each round": "after each round of shots",
    "one year": "after about a year",
    "years": "after a year or more",
}
# How each is said beside the count, as a sentence of its own so that the
# count's sentence stays short: "12 to 17 out of 100 people. Counted for each
# round of shots." "over time" names its time span in the harm's ``over``.
HARM_BASIS_WORDS: dict[HarmBasis, str] = {
    "each round": "Counted for each round of shots.",
    "over time": "Counted over {over}.",
    "each operation": "Counted for each operation.",
    "each time": "Counted for each time it is done.",
    "new users": "Counted in everyone who starts it, for any illness.",
}

_ANAESTHESIA = {
    "none": "Awake, nothing to numb",
    "local": "Numbing shot (awake)",
    "sedation": "Calming medicine (sleepy)",
    "general": "Fully asleep",
}


def count_phrase(count: Count) -> str:
    """``"73 to 98 out of 100"``, ``"up to 3 out of 1,000"``.

    A range whose low end is "fewer than" a number is said by its high end
    ("up to 3"): "fewer than 1 to 3" cannot be read aloud.
    """
    out_of = f"out of {count.out_of:,}"
    if count.low == count.high:
        if count.low_is_fewer_than:
            return f"{count.high} or fewer {out_of}"
        return f"{count.high} {out_of}"
    if count.low_is_fewer_than:
        return f"up to {count.high} {out_of}"
    return f"{count.low} to {count.high} {out_of}"


def per_100_equivalent(count: Count) -> str:
    """A count out of 1,000 said out of 100 too: ``"2 to 3 out of 100"``.

    "20 to 30 out of 1,000" can read as worse than "4 to 12 out of 100";
    the same risk out of 100 beside it stops that misreading. Each end is
    rounded half up (2.5 is "about 3", not Python's 2); a low end that rounds
    to none makes the range "up to" its high end, so it can be said aloud.
    """
    low, high = count.low * 100 / count.out_of, count.high * 100 / count.out_of

    def whole(value: float) -> int:
        return int(value + 0.5)

    if high < 1:
        return "fewer than 1 out of 100"
    if count.low_is_fewer_than or whole(low) == 0:
        return f"up to {whole(high)} out of 100"
    rounded = low != int(low) or high != int(high)
    figure = str(whole(high)) if whole(low) == whole(high) else f"{whole(low)} to {whole(high)}"
    return f"{'about ' if rounded else ''}{figure} out of 100"


def basis_phrase(counts: HarmBasis | None, over: str | None = None) -> str:
    """What a harm's count counts, as a sentence: ``"Counted for each operation."``."""
    if counts is None:
        return ""
    return HARM_BASIS_WORDS[counts].format(over=over or "")


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital, the rest as it is."""
    return text[:1].upper() + text[1:]


def timeframe_phrase(when: Timeframe) -> str:
    """When a benefit was measured, as a person reads it: ``"after about a year"``."""
    return TIMEFRAME_WORDS[when]


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


def nights_phrase(nights: Range, *, longer_in_some: bool = False) -> str:
    """``"None to 1 night"``, ``"1 to 2 nights, longer in some hospitals"``."""
    if nights.high == 0:
        phrase = "No hospital stay"
    elif nights.low == 0:
        phrase = f"None to {nights.high} night{'s' if nights.high > 1 else ''}"
    else:
        phrase = range_phrase(nights, "night")
    return f"{phrase}, longer in some hospitals" if longer_in_some else phrase
