"""Questions for my visit: the checklist, notes, the SURE check and the printout."""

from __future__ import annotations

import streamlit as st

from components.answers import answer, forget, remembered, seed
from components.check import check_answers, check_keys
from components.comparison import SIDE_BY_SIDE_KEY
from components.priorities import leaning, ratings
from treatments.i18n import N_, gettext, ngettext
from treatments.markdown import escape
from treatments.printout import MAX_PRINTOUT_OPTIONS, visit_printout
from treatments.schema import Catalogue
from treatments.visit import MAX_NOTES, VisitAnswers

NOTES_KEY = "notes"
PRINTOUT_OPTIONS_KEY = "printout_options"
_PRINTOUT_KEY = "printout_pdf"
# Kept in English as the answers; shown in the language of the run.
_YES, _NO = N_("Yes"), N_("No")


def _question_key(index: int) -> str:
    return f"question-{index}"


def _sure_key(letter: str) -> str:
    return f"sure-{letter}"


def question_checklist(catalogue: Catalogue) -> None:
    if catalogue.questions is None:
        return
    with st.container(border=True, key="questions"):
        st.markdown(gettext("**Tick the questions you want to ask.** They go on your printout."))
        if catalogue.questions.answered_by:
            st.caption(
                gettext(
                    "For some of them, like time off work, your printout also gives what the "
                    "facts say for each option."
                )
            )
        for index, question in enumerate(catalogue.questions.items):
            st.checkbox(escape(question), **remembered(_question_key(index)))


def notes_box() -> None:
    st.text_area(
        gettext("Your own questions and notes"),
        max_chars=MAX_NOTES,
        height=160,
        placeholder=gettext("For example: Can I drive home after the treatment?"),
        **remembered(NOTES_KEY),
    )


def sure_check(catalogue: Catalogue) -> None:
    """The four SURE questions, with a gentle note after any "no"."""
    if catalogue.sure is None:
        return
    with st.container(border=True, key="sure"):
        st.markdown(gettext("**Answer yes or no. There are no wrong answers.**"))
        for item in catalogue.sure.items:
            st.radio(
                escape(item.question),
                [_YES, _NO],
                format_func=gettext,
                index=None,
                horizontal=True,
                **remembered(_sure_key(item.letter)),
            )
    said = _sure_answers(catalogue)
    if any(value is False for value in said.values()):
        st.info(
            gettext(
                "You said no to at least one question. That is very common. It may help to "
                "talk it over with your doctor, a nurse or someone close to you before you "
                "choose. Take the time you need."
            ),
            icon=":material/favorite:",
        )
    elif said and all(value is True for value in said.values()):
        st.success(
            gettext(
                "You said yes to all four. Bring your printout, and talk it over with your doctor."
            ),
            icon=":material/check_circle:",
        )


def _sure_answers(catalogue: Catalogue) -> dict[str, bool | None]:
    if catalogue.sure is None:
        return {}
    values = {_YES: True, _NO: False}
    return {
        item.letter: values.get(answer(_sure_key(item.letter))) for item in catalogue.sure.items
    }


def printout_picker(catalogue: Catalogue) -> None:
    # Options the person picked to compare side by side start the list.
    picked = set(answer(SIDE_BY_SIDE_KEY, []) or [])
    # By id, shown by name: a person who switches language keeps her picks.
    from_compare = [o.id for o in catalogue.options if o.url_name in picked]
    seed(PRINTOUT_OPTIONS_KEY, from_compare[:MAX_PRINTOUT_OPTIONS])
    names = {o.id: o.name for o in catalogue.options}
    st.multiselect(
        ngettext(
            "Options to put side by side on your printout (up to {count})",
            "Options to put side by side on your printout (up to {count})",
            MAX_PRINTOUT_OPTIONS,
        ).format(count=MAX_PRINTOUT_OPTIONS),
        [o.id for o in catalogue.options],
        format_func=lambda option_id: names[option_id],
        max_selections=MAX_PRINTOUT_OPTIONS,
        placeholder=gettext("Choose options"),
        # "Select all" would pick five and silently keep three: no such button.
        select_all=False,
        **remembered(PRINTOUT_OPTIONS_KEY),
    )
    st.caption(
        gettext(
            "With two options, your printout is about 3 pages. A third option adds about a page."
        )
    )


def visit_answers(catalogue: Catalogue) -> VisitAnswers:
    """Everything the person chose and wrote, from every page, for the printout."""
    by_name = {o.id: o for o in catalogue.options}
    chosen = [by_name[name] for name in answer(PRINTOUT_OPTIONS_KEY, []) if name in by_name]
    ticked = []
    if catalogue.questions is not None:
        ticked = [
            question
            for index, question in enumerate(catalogue.questions.items)
            if answer(_question_key(index), False)
        ]
    return VisitAnswers(
        options=chosen,
        how_much=ratings(catalogue),
        leaning=leaning(catalogue),
        questions=ticked,
        notes=str(answer(NOTES_KEY, "") or ""),
        sure=_sure_answers(catalogue),
        check=check_answers(catalogue),
    )


def _make_printout(catalogue: Catalogue) -> None:
    # A button callback: it runs after every widget's new value is in, so text
    # typed in the notes box a moment before the click is on the printout.
    answers = visit_answers(catalogue)
    st.session_state[_PRINTOUT_KEY] = (answers, visit_printout(catalogue, answers))


def download_printout(catalogue: Catalogue) -> None:
    """Make the PDF from the answers so far, then offer it to download."""
    answers = visit_answers(catalogue)
    # Two counts, two sentences' worth of plurals: each part says its own count.
    options = ngettext(
        "{count} options side by side", "{count} options side by side", len(answers.options)
    ).format(count=len(answers.options))
    questions = ngettext(
        "{count} of your ticked questions",
        "{count} of your ticked questions",
        len(answers.questions),
    ).format(count=len(answers.questions))
    st.caption(
        gettext("Right now your printout would have {options} and {questions}.").format(
            options=options, questions=questions
        )
    )
    st.button(
        gettext("Make my printout"),
        on_click=_make_printout,
        args=(catalogue,),
        icon=":material/description:",
        key="make_printout",
    )
    made = st.session_state.get(_PRINTOUT_KEY)
    if made is None:
        return
    made_from, pdf = made
    if made_from != answers:
        st.caption(
            gettext("You changed your answers since then. Press “{button}” again.").format(
                button=gettext("Make my printout")
            )
        )
        return
    st.download_button(
        gettext("Download my printout (PDF)"),
        data=pdf,
        file_name="my-visit-notes-hemifacial-spasm.pdf",
        mime="application/pdf",
        icon=":material/download:",
        type="primary",
        on_click="ignore",
        key="download_printout",
    )


def clear_button(catalogue: Catalogue) -> None:
    keys = [NOTES_KEY, PRINTOUT_OPTIONS_KEY]
    if catalogue.questions is not None:
        keys += [_question_key(i) for i in range(len(catalogue.questions.items))]
    if catalogue.sure is not None:
        keys += [_sure_key(item.letter) for item in catalogue.sure.items]
    keys += check_keys(catalogue)
    st.button(
        gettext("Clear my answers on this page"),
        on_click=forget,
        args=([*keys, _PRINTOUT_KEY],),
        key="clear_visit",
    )
