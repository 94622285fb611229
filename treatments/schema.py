"""The shape of ``data/treatments.yaml``.

The schema turns the decision-aid standards into rules a file must pass:
every option answers every question, every answer names its sources, and
every count fits inside its denominator (out of 100, or out of 1,000 for
rare serious risks). Rules that need the whole file (source keys that
exist, unique ids) live in :mod:`treatments.loader`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints, model_validator

from treatments.i18n import N_, gettext
from treatments.model import (
    AnswerField,
    Model,
    PriorityField,
    ShortText,
    Slug,
    Sourced,
    SourceKey,
    SourceKind,
    Text,
    Url,
)
from treatments.presenting.script import Deck

NO_TREATMENT_KIND = "No treatment"
# Each level's words, as messages: a page says them with ``gettext``.
INVASIVENESS_LEVELS: dict[int, str] = {
    0: N_("Nothing done to the body"),
    1: N_("A few small needle shots"),
    2: N_("A needle procedure that destroys some nerve"),
    3: N_("Open surgery outside the skull"),
    4: N_("Brain surgery, fully asleep"),
}
MAX_INVASIVENESS = max(INVASIVENESS_LEVELS)

# When a benefit was measured. A number measured right after a treatment and
# one measured years later are not the same measure, so every benefit says
# which it is, and the pictures never put two time frames side by side as one.
Timeframe = Literal["right after", "first weeks", "each round", "one year", "years"]
# The time frames measured soon after a treatment, and those measured later.
SOON_TIMEFRAMES: frozenset[Timeframe] = frozenset({"right after", "first weeks", "each round"})

# What a harm's count counts, as every benefit says when it was measured. A
# count per round of shots is not a person's whole risk over years of shots,
# and a count among everyone who starts a medicine is not one among people
# with this condition, so every counted harm says which it is.
HarmBasis = Literal["each round", "over time", "each operation", "each time", "new users"]
# Beside a count from a study that mixed people with hemifacial spasm and
# people with other conditions.
MIXED_GROUP_WORDS = N_("Counted in groups that also had people with other face or eyelid spasms.")


class Fact(Sourced):
    """A plain-language answer and where it comes from."""

    text: Text


class Range(Model):
    """A low-to-high range of whole numbers, such as nights in hospital."""

    low: int = Field(ge=0, le=5000)
    high: int = Field(ge=0, le=5000)

    @model_validator(mode="after")
    def _low_not_above_high(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) must not be above high ({self.high})")
        return self


class Count(Model):
    """How many people out of a fixed denominator.

    ``low_is_fewer_than`` marks a low end reported as "fewer than N", as in
    "< 0.1 %" (fewer than 1 out of 1,000).
    """

    out_of: ClassVar[int]
    low: int
    high: int
    low_is_fewer_than: bool = False

    @model_validator(mode="after")
    def _fits_denominator(self) -> Count:
        for name in ("low", "high"):
            value = getattr(self, name)
            if not 0 <= value <= self.out_of:
                raise ValueError(
                    f"{name} is {value}, but a count out of {self.out_of:,} "
                    f"must be between 0 and {self.out_of:,}"
                )
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) must not be above high ({self.high})")
        return self


class Per100(Count):
    out_of: ClassVar[int] = 100


class Per1000(Count):
    out_of: ClassVar[int] = 1000


class Invasiveness(Sourced):
    level: int = Field(ge=0, le=MAX_INVASIVENESS)
    note: Text


class Anaesthesia(Sourced):
    kind: Literal["none", "local", "sedation", "general"]
    note: Text


class HospitalStay(Sourced):
    """Nights in hospital; ``longer_in_some`` where some hospitals keep people longer
    than the range, as a range alone would read as the most anyone stays."""

    nights: Range
    longer_in_some: bool = False
    note: Text


class Repeat(Sourced):
    """How often an option is done again.

    ``times_in_5_years`` counts how many times it is done (rounds of shots,
    operations); a daily treatment has no such count, as a dose review is not
    a repeat of the treatment, so it has none.
    """

    pattern: Literal["once", "when it wears off", "daily", "none"]
    every: ShortText
    times_in_5_years: Range | None = None
    note: Text

    @model_validator(mode="after")
    def _counted_unless_daily(self) -> Repeat:
        if self.pattern == "daily" and self.times_in_5_years is not None:
            raise ValueError(
                "a daily treatment has no times_in_5_years: it is taken every day, "
                "and a dose check is not a repeat of the treatment"
            )
        if self.pattern != "daily" and self.times_in_5_years is None:
            raise ValueError("say how many times it is done in 5 years (times_in_5_years)")
        return self


class _Counted(Sourced):
    """A benefit or harm that may carry a count of people.

    ``caveat`` is a few words that change what the count means ("from one
    study of 99 people"); it is shown beside the count wherever it appears.
    ``mixed_group`` marks a count from studies that also had people with
    other conditions (the loader checks it against the sources' own marks).
    """

    no_figure_because: Text | None = None
    caveat: ShortText | None = None
    mixed_group: bool = False

    @property
    def caveats(self) -> tuple[str, ...]:
        """Everything shown beside the count that changes what it means, in the
        run's language (the caveat is the data file's, translated with it)."""
        mixed = [gettext(MIXED_GROUP_WORDS)] if self.mixed_group else []
        return (*mixed, *filter(None, [self.caveat]))


class Benefit(_Counted):
    """How many people an option helps, measured at one time.

    A count needs a fair study behind it. Where there is none (a tiny group
    with no comparison, or an unusual group), ``no_figure_because`` says why
    and there is no count: no number is better than a misleading one.
    """

    when: Timeframe
    means: Text
    per_100: Per100 | None = None
    note: Text

    @model_validator(mode="after")
    def _figure_or_reason(self) -> Benefit:
        _require_figure_or_reason(self.per_100, self.no_figure_because, self.mixed_group)
        return self


class _Outcome(_Counted):
    """A harm. A counted one says what its count counts (``counts``), and
    ``over`` says the time a count "over time" spans ("up to 4 years of shots")."""

    name: ShortText
    counts: HarmBasis | None = None
    over: ShortText | None = None
    note: Text | None = None

    @property
    def count(self) -> Count | None:
        raise NotImplementedError

    @model_validator(mode="after")
    def _says_what_it_counts(self) -> _Outcome:
        _require_figure_or_reason(self.count, self.no_figure_because, self.mixed_group)
        if self.count is not None and self.counts is None:
            raise ValueError(
                "say what the count counts (counts): each round, over time, "
                "each operation, each time or new users"
            )
        if self.count is None and (self.counts is not None or self.over is not None):
            raise ValueError("counts and over describe a count; this harm has none")
        if (self.counts == "over time") != (self.over is not None):
            raise ValueError('a count "over time" says the time it spans in over, and only it')
        return self


class SideEffect(_Outcome):
    """A common, mostly short-lived harm, counted out of 100."""

    per_100: Per100 | None = None

    @property
    def count(self) -> Count | None:
        return self.per_100


class SeriousRisk(_Outcome):
    """A rare, serious or lasting harm, counted out of 1,000."""

    per_1000: Per1000 | None = None

    @property
    def count(self) -> Count | None:
        return self.per_1000


def _require_figure_or_reason(count: Count | None, reason: str | None, mixed: bool) -> None:
    # A harm with neither a number nor a reason would read as "rare" with
    # nothing beside it, which the standards forbid.
    if count is None and reason is None:
        raise ValueError("give a count, or say why there is none in no_figure_because")
    if count is not None and reason is not None:
        raise ValueError("give a count or no_figure_because, not both")
    if count is None and mixed:
        raise ValueError("mixed_group marks a count; this one has none")


class Evidence(Sourced):
    strength: Literal["very low", "low", "moderate", "high"]
    text: Text


# The two kinds of harm every option lists: common ones out of 100, rare
# serious ones out of 1,000.
HARM_FIELDS = ("side_effects", "serious_risks")


class Option(Model):
    """One treatment choice. Every option has every field: equal detail."""

    id: Slug
    name: ShortText
    short_name: Annotated[str, StringConstraints(min_length=1, max_length=30)]
    kind: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    # Names the kind had in web addresses before it was renamed: a link or QR
    # code made with one still opens the same view (treatments.filters).
    kind_was: list[Annotated[str, StringConstraints(min_length=1, max_length=40)]] = Field(
        default_factory=list, max_length=10
    )
    # The kind's name on a page in another language; ``kind`` stays the name
    # in web addresses, so a link works in every language. A translation sets
    # it (:mod:`treatments.translation`); the English file leaves it out.
    kind_name: ShortText | None = None
    # The short name in web addresses and rooms when the page speaks another
    # language: the English one, so a link, a room's deck and an old bookmark
    # name the same options in every language (set by a translation only).
    address_name: Annotated[str, StringConstraints(min_length=1, max_length=30)] | None = None
    what_it_is: Fact
    how_it_is_done: Fact
    invasiveness: Invasiveness
    anaesthesia: Anaesthesia
    hospital_stay: HospitalStay
    repeat: Repeat
    onset: Fact
    duration: Fact
    helps: list[Benefit] = Field(min_length=1, max_length=4)
    side_effects: list[SideEffect] = Field(min_length=1, max_length=30)
    serious_risks: list[SeriousRisk] = Field(min_length=1, max_length=30)
    recovery: Fact
    feels_like: Fact
    work_and_driving: Fact
    usually_for: Fact
    evidence: Evidence

    @property
    def kind_label(self) -> str:
        """The kind as a page shows it, in the page's language."""
        return self.kind_name or self.kind

    @property
    def url_name(self) -> str:
        """The option's name in web addresses and rooms, the same in every language."""
        return self.address_name or self.short_name


class Source(Model):
    """One work the facts rest on. ``mixed_group`` marks a study whose group
    also had people with other conditions than hemifacial spasm.
    ``citation_gap`` says what of a full citation could not be found (its
    authors, volume, or a link to the journal), so the Sources page says so
    rather than pass an incomplete citation off as whole."""

    key: SourceKey
    title: Text
    citation: Text
    year: int | None = Field(default=None, ge=1800, le=2100)
    url: Url
    kind: SourceKind
    mixed_group: bool = False
    citation_gap: ShortText | None = None
    note: Text | None = None


class GlossaryEntry(Model):
    term: ShortText
    meaning: Text


class AboutSection(Sourced):
    heading: ShortText
    text: Text


# What a person can say about how much one thing matters to them. The answer
# kept is the English word (a message); a page shows it with ``gettext``.
HOW_MUCH = (N_("Not at all"), N_("A little"), N_("A lot"))
Fit = Literal["fits", "mostly", "partly", "no", "unknown"]


class Priority(Model):
    """One thing that may matter to a person, and how each option lines up with it.

    ``fit`` is a plain judgement per option that an editor can check against
    the facts named in ``shows``; ``meaning`` says in words what each judgement
    means here, and the page shows it beside the facts. There is no score.
    """

    id: Slug
    label: ShortText
    shows: list[PriorityField] = Field(min_length=1, max_length=4)
    harms_about: list[ShortText] = Field(default_factory=list, max_length=10)
    meaning: dict[Fit, Text] = Field(min_length=1)
    fit: dict[Slug, Fit] = Field(min_length=1, max_length=1000)


class QuestionList(Sourced):
    """Questions a person may want to ask at the visit.

    ``answered_by`` names, for a question the tool has facts for, the option
    fields that answer it: the printout puts each chosen option's answer under
    the question she ticked (keyed by the question's words, as in ``items``).
    """

    items: list[ShortText] = Field(min_length=1, max_length=50)
    answered_by: dict[ShortText, list[AnswerField]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _answers_known_questions(self) -> QuestionList:
        unknown = [q for q in self.answered_by if q not in self.items]
        if unknown:
            raise ValueError(f"answered_by names questions not in items: {'; '.join(unknown)}")
        return self


class SureItem(Model):
    """One yes-or-no question of the SURE check for how sure a person feels."""

    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    question: ShortText


class SureCheck(Sourced):
    items: list[SureItem] = Field(min_length=1, max_length=10)


class FactPointer(Model):
    """One option's answer to one question: the fact, with its sources, that
    a check question's answer rests on."""

    option: Slug
    field: PriorityField
    # For a list of harms, the words a harm's name must hold to be shown (all
    # of them when empty), as a "What matters" priority's ``harms_about``.
    about: list[ShortText] = Field(default_factory=list, max_length=5)


class CheckQuestion(Model):
    """One question of the check of what a person understood.

    ``choices`` are option ids, and the page names them as everywhere else;
    with no choices it is a yes-or-no question, and ``answer`` is yes or no
    (YAML reads a bare yes or no as true or false). ``why`` says in words why
    the answer is right; the fact it rests on is shown beside it, with its
    numbers and sources, from ``fact``: ``why`` holds no number that fact does
    not (:mod:`treatments.rules`).
    """

    id: Slug
    question: ShortText
    # At most four: the room's picture of its answers has four looks.
    choices: list[Slug] = Field(default_factory=list, max_length=4)
    answer: Slug | bool
    why: Text
    fact: FactPointer

    @model_validator(mode="after")
    def _answer_is_a_choice(self) -> CheckQuestion:
        if self.choices:
            if len(self.choices) < 2 or len(set(self.choices)) != len(self.choices):
                raise ValueError("give two or more different choices, or none for yes or no")
            if self.answer not in self.choices:
                raise ValueError("the answer must be one of the choices")
        elif not isinstance(self.answer, bool):
            raise ValueError("with no choices, the answer is yes or no")
        return self


class KnowledgeCheck(Model):
    """A few questions a person can answer to check what they understood, alone
    or in a room. Each answer points at the fact, and so at its sources."""

    intro: Text
    questions: list[CheckQuestion] = Field(min_length=4, max_length=6)
    # The questions a new deck puts to the room.
    in_deck: list[Slug] = Field(default_factory=list, max_length=6)

    @model_validator(mode="after")
    def _ids_are_known(self) -> KnowledgeCheck:
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)):
            raise ValueError("each check question needs an id of its own")
        unknown = [i for i in self.in_deck if i not in ids]
        if unknown:
            raise ValueError(f"in_deck names unknown check questions: {', '.join(unknown)}")
        return self

    def question(self, question_id: str) -> CheckQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)


class Meta(Model):
    title: ShortText
    last_reviewed: _dt.date
    review_every_months: int = Field(ge=1, le=60)
    update_policy: Text
    funding: Text
    made_by: Text
    disclaimer: Text


class Catalogue(Model):
    """Everything the app shows, as read from one data file."""

    meta: Meta
    sources: list[Source] = Field(min_length=1, max_length=1000)
    glossary: list[GlossaryEntry] = Field(default_factory=list, max_length=500)
    about: list[AboutSection] = Field(default_factory=list, max_length=100)
    options: list[Option] = Field(min_length=1, max_length=1000)
    priorities: list[Priority] = Field(default_factory=list, max_length=50)
    questions: QuestionList | None = None
    sure: SureCheck | None = None
    check: KnowledgeCheck | None = None
    deck: Deck
