"""Every word of the slide deck an educator presents, but the facts themselves,
as the data file holds them (``deck:``)."""

from __future__ import annotations

from pydantic import Field, model_validator

from treatments.model import Model, PriorityField, ShortText, Slug, Text


class IssueCard(Model):
    """One question asked of every option at once (the Mayo Clinic's issue cards).

    ``field`` names the option answer the card shows, so each option's answer
    is the same fact, with the same sources, as on every other page.
    """

    id: Slug
    question: ShortText
    field: PriorityField
    speaker_note: Text


class TitleSlide(Model):
    intro: Text
    points: list[ShortText] = Field(min_length=1, max_length=6)
    speaker_note: Text


class FixedSlide(Model):
    """A slide with the same words in every deck: choosing, the questions, sharing the view."""

    title: ShortText
    text: Text | None = None
    points: list[ShortText] = Field(default_factory=list, max_length=6)
    speaker_note: Text


OPTION_PLACEHOLDER = "{option}"


class Deck(Model):
    """Every word of the slide deck an educator presents, but the facts themselves."""

    title_slide: TitleSlide
    # One note for every option's first slide, and one for its harms slide;
    # {option} becomes the option's short name.
    option_note: Text
    option_harms_note: Text
    issue_cards: list[IssueCard] = Field(min_length=1, max_length=20)
    default_cards: list[Slug] = Field(max_length=20)
    # The presenter's notes for a question put to the room, and for its answer.
    check_note: Text
    answer_note: Text
    # "Which one is best?": how people choose, after the facts and before the questions.
    choose_slide: FixedSlide
    questions_slide: FixedSlide
    share_slide: FixedSlide

    @model_validator(mode="after")
    def _cards_are_known(self) -> Deck:
        ids = [card.id for card in self.issue_cards]
        if len(ids) != len(set(ids)):
            raise ValueError("each issue card needs an id of its own")
        unknown = [card for card in self.default_cards if card not in ids]
        if unknown:
            raise ValueError(f"default_cards names unknown issue cards: {', '.join(unknown)}")
        for name in ("option_note", "option_harms_note"):
            braces = getattr(self, name).replace(OPTION_PLACEHOLDER, "")
            if "{" in braces or "}" in braces:
                raise ValueError(f"{name} may hold only {OPTION_PLACEHOLDER} in braces")
        return self

    def card(self, card_id: str) -> IssueCard | None:
        return next((card for card in self.issue_cards if card.id == card_id), None)

    def option_speaker_note(self, short_name: str, *, harms: bool = False) -> str:
        note = self.option_harms_note if harms else self.option_note
        return note.replace(OPTION_PLACEHOLDER, short_name)
