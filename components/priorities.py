"""What matters to me: the rating questions and how the options line up."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from components.answers import answer, forget, remembered
from treatments.i18n import N_, gettext, ngettext
from treatments.markdown import escape, refs
from treatments.priorities import LinedUp, line_up
from treatments.schema import HOW_MUCH, Catalogue, Priority

# Kept in English as the answer; shown in the language of the run.
NOT_SURE = N_("Not sure yet")
# The line-up's two forms, shown by screen width in app.css.
LINE_UP_TABLE_KEY, LINE_UP_BLOCKS_KEY = "line-up-table", "line-up-blocks"
LEANING_KEY = "leaning"


def rating_key(priority: Priority) -> str:
    return f"matters-{priority.id}"


def ratings(catalogue: Catalogue) -> dict[str, str | None]:
    """How much each priority matters, as the person said (None if not said)."""
    return {p.id: answer(rating_key(p)) for p in catalogue.priorities}


def leaning(catalogue: Catalogue) -> str | None:
    """The option she leans toward, by its name in the page's language, or "not sure"."""
    chosen = answer(LEANING_KEY)
    names = {o.id: o.name for o in catalogue.options}
    return names.get(chosen) or (chosen if chosen == NOT_SURE else None)


def rating_questions(catalogue: Catalogue) -> None:
    """One question per priority: how much does this matter to you?"""
    with st.container(border=True, key="ratings"):
        st.markdown(gettext("**How much does each of these matter to you?**"))
        columns = st.columns(2, gap="large")
        for index, priority in enumerate(catalogue.priorities):
            columns[index % 2].radio(
                escape(priority.label),
                HOW_MUCH,
                # The answer kept is the English word; the person reads her own.
                format_func=gettext,
                index=None,
                horizontal=True,
                **remembered(rating_key(priority)),
            )


def leaning_question(catalogue: Catalogue) -> None:
    st.radio(
        gettext("Which option do you lean toward right now? You can change your mind at any time."),
        # Kept by id, shown by name: a person who switches language keeps it.
        [*(o.id for o in catalogue.options), NOT_SURE],
        format_func=lambda choice: _leaning_words(catalogue, choice),
        index=None,
        **remembered(LEANING_KEY),
    )


def _leaning_words(catalogue: Catalogue, choice: str) -> str:
    """An option's name as the data file gives it, or "Not sure yet" in the run's language."""
    if choice == NOT_SURE:
        return gettext(NOT_SURE)
    return next((o.name for o in catalogue.options if o.id == choice), choice)


def clear_button(catalogue: Catalogue) -> None:
    keys = [rating_key(p) for p in catalogue.priorities] + [LEANING_KEY]
    st.button(
        gettext("Clear my answers on this page"),
        on_click=forget,
        args=(keys,),
        key="clear_matters",
    )


def _cell(lined: LinedUp, index: int, catalogue: Catalogue) -> str:
    found = lined.matches[index]
    # The facts behind the judgement; for a harm the sources do not list,
    # the judgement's meaning already says so.
    facts = "  \n".join(
        f"{escape(fact.headline)} {refs(fact.sources, catalogue)}" for fact in found.facts
    )
    return f"**{gettext(found.label)}.** {escape(found.meaning)}  \n{facts}".strip()


def line_up_table(catalogue: Catalogue) -> None:
    """A real table: what matters (rows) against the options (columns)."""
    lined = line_up(catalogue.options, catalogue.priorities, ratings(catalogue))
    if not lined:
        st.info(
            gettext(
                "Say how much at least one thing matters to you. Then you will see how "
                "each option lines up with it."
            ),
            icon=":material/touch_app:",
        )
        return
    # A table on a wide screen; on a phone, where six columns would run their
    # words into each other, one block per option (app.css shows one of them).
    with st.container(key=LINE_UP_TABLE_KEY):
        st.table(
            _frame(lined, catalogue),
            hide_index=True,
            # The English has always said "things", even for one.
            alt=ngettext(
                "How {options} options line up with {count} things that matter to you. "
                "Each row is one thing. Each column is one option.",
                "How {options} options line up with {count} things that matter to you. "
                "Each row is one thing. Each column is one option.",
                len(lined),
            ).format(options=len(catalogue.options), count=len(lined)),
        )
    with st.container(key=LINE_UP_BLOCKS_KEY):
        for index, option in enumerate(catalogue.options):
            with st.container(key=f"line-up-{option.id}", border=True):
                st.subheader(option.name, anchor=False)
                for item in lined:
                    st.markdown(f"{_what_matters(item, '*')}  \n{_cell(item, index, catalogue)}")
    st.caption(
        gettext(
            "Each cell says if the option fits, and the facts behind it. Numbers in square "
            "brackets link to the sources. There is no total score: only you can weigh "
            "these things against each other."
        )
    )


def _what_matters(item: LinedUp, mark: str) -> str:
    """``"**Not having brain surgery** (a lot)"``: the thing, marked up with
    ``mark``, and how much it matters."""
    return f"{mark}{escape(item.priority.label)}{mark} ({gettext(item.how_much).lower()})"


def _frame(lined: Sequence[LinedUp], catalogue: Catalogue) -> pd.DataFrame:
    rows = []
    for item in lined:
        row = {gettext("What matters to you"): _what_matters(item, "**")}
        for index, option in enumerate(catalogue.options):
            row[option.short_name] = _cell(item, index, catalogue)
        rows.append(row)
    return pd.DataFrame(rows)
