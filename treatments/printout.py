"""A patient's printout for the visit, as PDF bytes, on the plain layout of
:mod:`treatments.pdf` (about 5 pages with two options), and the parts it shares
with the group handout (:mod:`treatments.presenting.handout`): the document's
start and end, the options side by side, and the sources.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence

from treatments import check
from treatments.facts import ANSWER_FIELDS, FIELDS, short_answers
from treatments.i18n import N_, format_date, gettext, ngettext
from treatments.pdf import Writer, new_document
from treatments.priorities import A_LITTLE, A_LOT, FIT_LABELS, match, mattering
from treatments.schema import Catalogue, Option
from treatments.sources import citation, source_numbers
from treatments.visit import MAX_NOTES, VisitAnswers

# At most this many options side by side on one printout page: a fourth
# column would be too narrow for 12 pt text.
MAX_PRINTOUT_OPTIONS = 3

# The questions each printout answers for every option, in order: the same
# fields for each, so benefits and harms get equal room. Each cell holds the
# short answer and its figure; the full notes are in the app, and a printout
# has to stay a few pages long.
PRINTOUT_FIELDS = (
    "invasiveness",
    "anaesthesia",
    "hospital_stay",
    "repeat",
    "helps",
    "side_effects",
    "serious_risks",
)
# What a patient who leans toward no option yet said (the answer kept, in English).
NOT_SURE = N_("Not sure yet")
# A patient's own printout carries every question the app answers, as the
# side-by-side cards do: she may have ticked "How much time off work will I
# need?", and the answer must be on the paper she brings.
VISIT_FIELDS = ANSWER_FIELDS


def option_groups(options: Sequence[Option]) -> list[Sequence[Option]]:
    """``options`` in runs of at most :data:`MAX_PRINTOUT_OPTIONS`, one grid each."""
    return [
        options[start : start + MAX_PRINTOUT_OPTIONS]
        for start in range(0, len(options), MAX_PRINTOUT_OPTIONS)
    ]


def _cite(keys: Iterable[str], numbers: Mapping[str, int], cited: set[str]) -> str:
    cited.update(keys)
    return citation(keys, numbers)


def fact_cell(option: Option, name: str, numbers: Mapping[str, int], cited: set[str]) -> str:
    return "\n".join(
        f"{line.headline} {_cite(line.sources, numbers, cited)}"
        for line in short_answers(option, name)
    )


def side_by_side(
    out: Writer,
    options: Sequence[Option],
    numbers: Mapping[str, int],
    cited: set[str],
    *,
    extra: Sequence[tuple[str, Sequence[str]]] = (),
    fields: Sequence[str] = PRINTOUT_FIELDS,
) -> None:
    sections = [
        (FIELDS[name].heading, [fact_cell(o, name, numbers, cited) for o in options])
        for name in fields
    ]
    out.grid([option.name for option in options], [*sections, *extra])


def sources_section(out: Writer, catalogue: Catalogue, cited: set[str]) -> None:
    numbers = source_numbers(catalogue)
    out.heading(gettext("Sources"))
    out.para(
        gettext("Each number in [ ] is a source. The Sources page of the tool links to each one.")
    )
    # One run-on paragraph: a line per source would double the printout.
    out.para(
        " ".join(
            f"[{numbers[source.key]}] {source.citation}."
            for source in catalogue.sources
            if source.key in cited
        )
    )


def finish(out: Writer) -> bytes:
    if out.replaced:
        out.para(
            gettext(
                "Some letters could not be printed with this font. "
                "They show as a question mark (?)."
            )
        )
    return bytes(out.pdf.output())


def start_document(catalogue: Catalogue, title: str, dated: str) -> Writer:
    """A new document with its title, its date line and the disclaimer.

    ``dated`` says when it was made ("Made on 2 December 2026"), in the run's
    language, as the title is."""
    out = Writer(new_document(title, footer=title))
    out.title(title)
    out.para(
        gettext("{dated}. The facts were last checked on {day}.").format(
            dated=dated, day=format_date(catalogue.meta.last_reviewed)
        )
    )
    out.para(catalogue.meta.disclaimer, bold=True)
    return out


def visit_printout(
    catalogue: Catalogue, answers: VisitAnswers, *, made_on: _dt.date | None = None
) -> bytes:
    """A patient's printout for the visit, as PDF bytes."""
    made_on = made_on or _dt.date.today()
    numbers = source_numbers(catalogue)
    cited: set[str] = set()
    out = start_document(
        catalogue,
        gettext("My notes for my visit: hemifacial spasm"),
        gettext("Made on {day}").format(day=format_date(made_on)),
    )

    if not answers.options:
        everything = ngettext(
            "I did not pick any options to talk about, so this printout has the facts "
            "of all {count}.",
            "I did not pick any options to talk about, so this printout has the facts "
            "of all {count}.",
            len(catalogue.options),
        ).format(count=len(catalogue.options))
        shorter = ngettext(
            "(To make it shorter, pick up to {count} on the “Questions for my visit” page.)",
            "(To make it shorter, pick up to {count} on the “Questions for my visit” page.)",
            MAX_PRINTOUT_OPTIONS,
        ).format(count=MAX_PRINTOUT_OPTIONS)
        out.para(f"{everything} {shorter}", bold=True)
    out.heading(gettext("What matters to me"))
    rated = mattering(catalogue.priorities, answers.how_much)
    if rated:
        for level in (A_LOT, A_LITTLE):
            names = [p.label for p, rating in rated if rating == level]
            if names:
                out.para(
                    gettext("{how_much}: {priorities}.").format(
                        how_much=gettext(level), priorities="; ".join(names)
                    )
                )
    else:
        out.para(gettext("I did not say what matters to me."))
    leaning = answers.leaning or NOT_SURE
    out.para(
        gettext("The option I lean toward now: {option}.").format(
            option=gettext(NOT_SURE) if leaning == NOT_SURE else leaning
        )
    )

    options = list(answers.options)[:MAX_PRINTOUT_OPTIONS]
    out.heading(gettext("The options I want to talk about"))
    if options:
        # The last rows line the options up with what matters to the person,
        # one thing at a time, next to the facts they rest on.
        fits = [
            (
                gettext("{priority} (matters {how_much} to me)").format(
                    priority=priority.label, how_much=gettext(level).lower()
                ),
                [gettext(FIT_LABELS[match(o, priority).fit]) for o in options],
            )
            for priority, level in rated
        ]
        side_by_side(out, options, numbers, cited, extra=fits, fields=VISIT_FIELDS)
        if fits:
            out.para(gettext("The last rows are not a score. Each one shows one thing at a time."))
    else:
        # Said at the top of the facts, and then every option's facts: a
        # printout with none would leave her nothing to read at the visit.
        out.para(
            ngettext(
                "Here are all the options, {count} at a time.",
                "Here are all the options, {count} at a time.",
                MAX_PRINTOUT_OPTIONS,
            ).format(count=MAX_PRINTOUT_OPTIONS)
        )
        for group in option_groups(catalogue.options):
            side_by_side(out, group, numbers, cited, fields=VISIT_FIELDS)

    out.heading(gettext("My questions"))
    if answers.questions:
        _my_questions(
            out, catalogue, answers.questions, options or catalogue.options, numbers, cited
        )
    else:
        out.para(gettext("I did not tick any questions."))
    out.heading(gettext("My notes"))
    notes = answers.notes.strip()[:MAX_NOTES]
    out.para(notes or gettext("No notes."))

    if catalogue.sure is not None:
        out.heading(gettext("How sure I feel (the SURE check)"))
        said = {True: gettext("Yes"), False: gettext("No"), None: gettext("Not answered")}
        out.bullets(
            gettext("{question} {answer}").format(
                question=item.question, answer=said[answers.sure.get(item.letter)]
            )
            for item in catalogue.sure.items
        )
        cited.update(catalogue.sure.sources)
        if any(value is False for value in answers.sure.values()):
            out.para(
                gettext(
                    "I said no to at least one question. "
                    "I may want more help or time before I choose."
                )
            )

    _checked(out, catalogue, answers, numbers, cited)
    sources_section(out, catalogue, cited)
    return finish(out)


def _my_questions(
    out: Writer,
    catalogue: Catalogue,
    questions: Sequence[str],
    options: Sequence[Option],
    numbers: Mapping[str, int],
    cited: set[str],
) -> None:
    """Each question she ticked, and under one the facts answer, each option's
    answer from those facts, with its sources."""
    answered_by = catalogue.questions.answered_by if catalogue.questions is not None else {}
    plain = [q for q in questions if q not in answered_by]
    for question in questions:
        fields = answered_by.get(question)
        if not fields:
            continue
        out.para(question, bold=True)
        out.bullets(
            gettext("{option}, {question}: {answer}").format(
                option=option.short_name,
                question=FIELDS[field].label.lower(),
                answer=fact_cell(option, field, numbers, cited),
            )
            for option in options
            for field in fields
        )
    if plain:
        if len(plain) < len(questions):
            out.para(gettext("My other questions:"), bold=True)
        out.bullets(plain)


def _checked(
    out: Writer,
    catalogue: Catalogue,
    answers: VisitAnswers,
    numbers: Mapping[str, int],
    cited: set[str],
) -> None:
    """How the check of what she understood went, and the facts behind each
    answer she did not get right, to look at again."""
    if catalogue.check is None:
        return
    out.heading(gettext("Facts to look at again"))
    questions = catalogue.check.questions
    said = {q.id: answers.check[q.id] for q in questions if q.id in answers.check}
    if not said:
        out.para(gettext("I did not answer the questions that check what I know."))
        return
    missed = [q for q in questions if q.id in said and not check.is_right(q, said[q.id])]
    out.para(
        ngettext(
            "I answered {answered} of the {count} question that check what I know. "
            "Right answers: {right} of {answered}.",
            "I answered {answered} of the {count} questions that check what I know. "
            "Right answers: {right} of {answered}.",
            len(questions),
        ).format(answered=len(said), count=len(questions), right=len(said) - len(missed))
    )
    if not missed:
        return
    for question in missed:
        out.para(question.question, bold=True)
        out.para(
            gettext("The answer is: {answer}. {why}").format(
                answer=check.right_words(question, catalogue), why=question.why
            )
        )
        out.para(gettext("The fact ({which}):").format(which=check.fact_label(question, catalogue)))
        out.bullets(
            f"{line.headline} {_cite(line.sources, numbers, cited)}"
            for line in check.fact_lines(question, catalogue)
        )
