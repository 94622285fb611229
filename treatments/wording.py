"""Numbers and levels in plain words, the same way everywhere.

IPDAS asks for "X out of 100 people" with one denominator per kind of
outcome, never "1 in X" and never a bare word like "rare".
"""

from __future__ import annotations

from treatments.i18n import N_, gettext, ngettext
from treatments.schema import (
    INVASIVENESS_LEVELS,
    MAX_INVASIVENESS,
    Count,
    HarmBasis,
    Range,
    Timeframe,
)

# When a benefit was measured, as a person reads it (messages: said with
# ``gettext``, as :func:`timeframe_phrase` does).
TIMEFRAME_WORDS: dict[Timeframe, str] = {
    "right after": N_("right after the treatment"),
    "first weeks": N_("in the first weeks"),
    "each round": N_("after each round of shots"),
    "one year": N_("after about a year"),
    "years": N_("after a year or more"),
}
# How each is said beside the count, as a sentence of its own so that the
# count's sentence stays short: "12 to 17 out of 100 people. Counted for each
# round of shots." "over time" names its time span in the harm's ``over``.
HARM_BASIS_WORDS: dict[HarmBasis, str] = {
    "each round": N_("Counted for each round of shots."),
    "over time": N_("Counted over {over}."),
    "each operation": N_("Counted for each operation."),
    "each time": N_("Counted for each time it is done."),
    "new users": N_("Counted in everyone who starts it, for any illness."),
}

_EVIDENCE = {
    "very low": N_("Very low"),
    "low": N_("Low"),
    "moderate": N_("Moderate"),
    "high": N_("High"),
}
_ANAESTHESIA = {
    "none": N_("Awake, nothing to numb"),
    "local": N_("Numbing shot (awake)"),
    "sedation": N_("Calming medicine (sleepy)"),
    "general": N_("Fully asleep"),
}


def count_phrase(count: Count, *, people: bool = False) -> str:
    """``"73 to 98 out of 100"``, ``"up to 3 out of 1,000"``; with ``people``,
    ``"73 to 98 out of 100 people"``.

    A range whose low end is "fewer than" a number is said by its high end
    ("up to 3"): "fewer than 1 to 3" cannot be read aloud. Each shape is one
    message, with and without "people", so a language can put the words
    where it says them ("de 73 a 98 de cada 100 personas").
    """
    out_of = f"{count.out_of:,}"
    if count.low == count.high:
        if count.low_is_fewer_than:
            template = (
                gettext("{high} or fewer out of {out_of} people")
                if people
                else gettext("{high} or fewer out of {out_of}")
            )
        else:
            template = (
                gettext("{high} out of {out_of} people")
                if people
                else gettext("{high} out of {out_of}")
            )
    elif count.low_is_fewer_than:
        template = (
            gettext("up to {high} out of {out_of} people")
            if people
            else gettext("up to {high} out of {out_of}")
        )
    else:
        template = (
            gettext("{low} to {high} out of {out_of} people")
            if people
            else gettext("{low} to {high} out of {out_of}")
        )
    return template.format(low=count.low, high=count.high, out_of=out_of)


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
        return gettext("fewer than 1 out of 100")
    if count.low_is_fewer_than or whole(low) == 0:
        return gettext("up to {high} out of {out_of}").format(high=whole(high), out_of=100)
    rounded = low != int(low) or high != int(high)
    if whole(low) == whole(high):
        template = (
            gettext("about {high} out of {out_of}")
            if rounded
            else gettext("{high} out of {out_of}")
        )
    else:
        template = (
            gettext("about {low} to {high} out of {out_of}")
            if rounded
            else gettext("{low} to {high} out of {out_of}")
        )
    return template.format(low=whole(low), high=whole(high), out_of=100)


def basis_phrase(counts: HarmBasis | None, over: str | None = None) -> str:
    """What a harm's count counts, as a sentence: ``"Counted for each operation."``."""
    if counts is None:
        return ""
    return gettext(HARM_BASIS_WORDS[counts]).format(over=over or "")


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital, the rest as it is."""
    return text[:1].upper() + text[1:]


def timeframe_phrase(when: Timeframe) -> str:
    """When a benefit was measured, as a person reads it: ``"after about a year"``."""
    return gettext(TIMEFRAME_WORDS[when])


def times_phrase(times: Range) -> str:
    """How many times something is done: ``"10 to 20 times"``, ``"1 time"``, ``"0 times"``."""
    if times.low == times.high or times.high == 0:
        return ngettext("{count} time", "{count} times", times.high).format(count=times.high)
    return ngettext("{low} to {high} time", "{low} to {high} times", times.high).format(
        low=times.low, high=times.high
    )


def invasiveness_phrase(level: int) -> str:
    """``"Level 4 of 4: Brain surgery, fully asleep"``."""
    return gettext("Level {level} of {most}: {words}").format(
        level=level, most=MAX_INVASIVENESS, words=gettext(INVASIVENESS_LEVELS[level])
    )


def anaesthesia_phrase(kind: str) -> str:
    return gettext(_ANAESTHESIA[kind])


def evidence_phrase(strength: str) -> str:
    """How strong the proof is, in a word or two: ``"Very low"``."""
    return gettext(_EVIDENCE[strength])


def nights_phrase(nights: Range, *, longer_in_some: bool = False) -> str:
    """``"None to 1 night"``, ``"1 to 2 nights, longer in some hospitals"``."""
    if nights.high == 0:
        phrase = gettext("No hospital stay")
    elif nights.low == 0:
        phrase = ngettext("None to {high} night", "None to {high} nights", nights.high).format(
            high=nights.high
        )
    elif nights.low == nights.high:
        phrase = ngettext("{count} night", "{count} nights", nights.high).format(count=nights.high)
    else:
        phrase = ngettext("{low} to {high} night", "{low} to {high} nights", nights.high).format(
            low=nights.low, high=nights.high
        )
    if longer_in_some:
        return gettext("{stay}, longer in some hospitals").format(stay=phrase)
    return phrase
