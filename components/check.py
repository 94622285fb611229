"""The check of what a person understood, taken alone on "Questions for my
visit": each question, and once it is answered, whether the answer is right,
why, and the fact it rests on with its sources."""

from __future__ import annotations

import streamlit as st

from components.answers import answer, remembered
from treatments import check
from treatments.i18n import gettext, ngettext
from treatments.markdown import escape, refs
from treatments.schema import Catalogue, CheckQuestion


def check_key(question_id: str) -> str:
    return f"check-{question_id}"


def check_keys(catalogue: Catalogue) -> list[str]:
    if catalogue.check is None:
        return []
    return [check_key(q.id) for q in catalogue.check.questions]


def check_answers(catalogue: Catalogue) -> dict[str, str]:
    """Each answered question's id and the key the person picked (this session only)."""
    if catalogue.check is None:
        return {}
    picked = {q.id: answer(check_key(q.id)) for q in catalogue.check.questions}
    return {question_id: key for question_id, key in picked.items() if key is not None}


def fact_markdown(question: CheckQuestion, catalogue: Catalogue) -> str:
    """The fact the answer rests on, named, with its numbers and sources."""
    lines = [
        f"{escape(line.headline)} {refs(line.sources, catalogue)}"
        for line in check.fact_lines(question, catalogue)
    ]
    label = gettext("**The fact ({which}):**").format(
        which=escape(check.fact_label(question, catalogue))
    )
    if len(lines) == 1:
        return f"{label} {lines[0]}"
    return label + "".join(f"\n- {line}" for line in lines)


def verdict(question: CheckQuestion, catalogue: Catalogue, picked: str) -> str:
    if check.is_right(question, picked):
        return gettext("Right.")
    return gettext("Not quite. The answer is: {answer}.").format(
        answer=escape(check.right_words(question, catalogue))
    )


def knowledge_check(catalogue: Catalogue) -> None:
    """Every question, each in its own box; an answer shows what is right and why."""
    if catalogue.check is None:
        return
    st.markdown(escape(catalogue.check.intro))
    for question in catalogue.check.questions:
        words = {c.key: c.words for c in check.choices(question, catalogue)}
        with st.container(border=True, key=f"check-question-{question.id}"):
            picked = st.radio(
                escape(question.question),
                list(words),
                format_func=words.__getitem__,
                index=None,
                horizontal=True,
                **remembered(check_key(question.id)),
            )
            if picked is None:
                continue
            right = check.is_right(question, picked)
            say = st.success if right else st.info
            say(
                f"**{verdict(question, catalogue, picked)}** {escape(question.why)}",
                icon=":material/check_circle:" if right else ":material/info:",
            )
            st.markdown(fact_markdown(question, catalogue))
    said = check_answers(catalogue)
    if said:
        right_answers = sum(
            check.is_right(q, said.get(q.id)) for q in catalogue.check.questions if q.id in said
        )
        asked = len(catalogue.check.questions)
        st.caption(
            ngettext(
                "You answered {answered} of {asked}. Right answers: {right} of {answered}. "
                "The facts to look at again go on your printout.",
                "You answered {answered} of {asked}. Right answers: {right} of {answered}. "
                "The facts to look at again go on your printout.",
                asked,
            ).format(answered=len(said), asked=asked, right=right_answers)
        )
