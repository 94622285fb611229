"""The building blocks every part of the data file is made of: checked text,
keys and links, a record that refuses unknown fields, and what a source is.

Both :mod:`treatments.schema` (the options) and
:mod:`treatments.presenting.script` (the deck's words) are made of these.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# What kind of work a source is. Only the first six may carry a count of
# people (out of 100 or 1,000): patient and clinic pages, clinicians' online
# references, theses, meeting abstracts and opinion pieces may say how a treatment is done,
# but a number a person weighs must rest on a study, review, guideline or label.
SourceKind = Literal[
    "systematic review",
    "review",
    "guideline",
    "drug label",
    "randomised trial",
    "study",
    "clinician reference",
    "patient page",
    "thesis",
    "congress abstract",
    "opinion",
]
FIGURE_SOURCE_KINDS: frozenset[SourceKind] = frozenset(
    {"systematic review", "review", "guideline", "drug label", "randomised trial", "study"}
)

SourceKey = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9-]{0,39}$", strict=True)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=500)]


class Model(BaseModel):
    # Unknown fields are errors: a typo in a field name must not silently
    # drop a fact from the page.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Model):
    sources: list[SourceKey] = Field(min_length=1, max_length=20)


# The option fields a priority can point at, so the facts behind each match
# are the same facts the comparison shows, with their sources.
PriorityField = Literal[
    "invasiveness",
    "anaesthesia",
    "hospital_stay",
    "repeat",
    "onset",
    "duration",
    "helps",
    "side_effects",
    "serious_risks",
]
# Every question each option answers, in the data file's order (the one
# table of them is treatments.facts.FIELDS, which checks it names the same).
AnswerField = Literal[
    "what_it_is",
    "how_it_is_done",
    "invasiveness",
    "anaesthesia",
    "hospital_stay",
    "repeat",
    "onset",
    "duration",
    "helps",
    "side_effects",
    "serious_risks",
    "recovery",
    "feels_like",
    "work_and_driving",
    "usually_for",
    "evidence",
]
