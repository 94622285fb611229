"""Measure the reading grade of each page as drawn, and store it for the app.

Run after changing any words on a page or in the data file::

    python -m tools.page_grades

It runs every page with Streamlit's ``AppTest`` (no browser, no server),
takes the words a person reads, grades them with the same textstat rules as
the data file, and writes ``data/page_grades.json``. The Sources page shows
that file; ``tests/views/test_page_readability.py`` fails if it is out of
date or if any page is above the limits.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import asdict
from pathlib import Path

from streamlit.logger import set_log_level
from streamlit.testing.v1 import AppTest

from tools.markdown_tables import is_markdown_table
from treatments import i18n
from treatments.loader import load_catalogue
from treatments.readability import PageGrade, Passage, grade, inflesz, measure
from views.registry import BY_KEY, HOME, PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
GRADES_FILE = ROOT / "data" / "page_grades.json"
TIMEOUT = 30

# The Sources page lists each study by its own title and citation, with the
# places it supports: a reference list, not prose, and titles we must not
# reword. Those lines are left out.
_REFERENCE_LINES = re.compile(r"^(\d+\. |Supports: |Respalda: )")
# The language each page is also measured in, and its formula.
SPANISH = "es"
# A formula that counts syllables per sentence says nothing about a three-word
# label such as "About hemifacial spasm"; labels count towards the whole page
# but only passages of this many words are held to the per-answer limit.
MIN_WORDS = 8


# A line of text, or a question in bold that runs on into its answer on the
# same line ("**How invasive:** Level 1 of 4 ..."): the question is a label,
# the answer a passage of its own, as they would be in a table's heading and
# cell. Graded as one sentence, a question and answer read as one long one.
_LABEL_THEN_ANSWER = re.compile(r"\n|(?<=:\*\*) ")


def _words(markdown: str) -> str:
    text = re.sub(r"\[\\\[\d+\\\]\]\([^)]*\)", "", markdown)  # source links
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # other links keep their words
    text = re.sub(r":material/[a-z_]+:", "", text)
    text = re.sub(r"`[^`]*`", "", text)  # source keys
    text = re.sub(r"https?://\S+", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("**", "").strip()


def page_passages(at: AppTest, *, names: list[str]) -> list[Passage]:
    """Everything a person reads on the page, one passage per element.

    Tables are left out: their cells are the data file's answers, graded on
    their own. The treatments' medical names are labels, each explained in
    plain words beside it; the data file's grade leaves them out the same way.
    """
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        for element in getattr(at, kind):
            if is_markdown_table(str(element.value)):
                continue
            texts += [_words(block) for block in _LABEL_THEN_ANSWER.split(str(element.value))]
    for kind in ("radio", "checkbox", "multiselect", "text_area", "button"):
        texts += [_words(widget.label) for widget in getattr(at, kind)]
    passages = []
    for text in texts:
        if not text or _REFERENCE_LINES.match(text):
            continue
        for name in names:
            text = text.replace(name, "It")
        passages.append(Passage("page", text))
    return passages


def open_page(page: str, language: str = "") -> AppTest:
    """Run the app, then switch to ``page``; fails loudly on any exception."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if language:
        at.query_params["lang"] = language
    at.run()
    if page != HOME.key:
        at.switch_page(BY_KEY[page].file).run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception}")
    return at


def grade_page(page: str, passages: list[Passage]) -> PageGrade:
    """The whole page's grades, and the hardest passage long enough to judge."""
    whole = measure(passages)
    prose = [p.text for p in passages if len(p.text.split()) >= MIN_WORDS]
    return PageGrade(
        page=page,
        title=BY_KEY[page].title,
        flesch_kincaid=round(whole.flesch_kincaid, 1),
        smog=round(whole.smog, 1),
        words=whole.words,
        hardest=round(max(map(grade, prose), default=0.0), 1),
    )


def spanish_grades(passages: list[Passage]) -> tuple[float, float]:
    """The INFLESZ score of a Spanish page as a whole, and of its hardest part."""
    texts = [p.text for p in passages if p.text.strip()]
    whole = " ".join(t if t.rstrip()[-1:] in ".?!:" else f"{t}." for t in texts)
    prose = [t for t in texts if len(t.split()) >= MIN_WORDS]
    return round(inflesz(whole), 1), round(min(map(inflesz, prose), default=100.0), 1)


def grade_page_in_both(page: str) -> PageGrade:
    """A page's English grades and its Spanish INFLESZ scores."""
    english = grade_page(page, page_passages(open_page(page), names=_names("en")))
    with i18n.speaking(SPANISH):
        at = open_page(page, SPANISH)
        # The options' short names are labels too: a list of them (the jump
        # links) is not a sentence to score.
        spanish = load_catalogue(None, SPANISH).options
        labels = [o.name for o in spanish] + [o.short_name for o in spanish]
        whole, hardest = spanish_grades(page_passages(at, names=labels))
    return dataclasses.replace(english, inflesz=whole, inflesz_hardest=hardest)


def _names(language: str) -> list[str]:
    return [option.name for option in load_catalogue(None, language).options]


def measure_pages() -> list[PageGrade]:
    """Grade every page of the app as it is drawn now, in English and in Spanish."""
    return [grade_page_in_both(page.key) for page in PAGES]


def main() -> None:
    # AppTest runs pages without a server; Streamlit warns about that once per
    # page, which says nothing useful here.
    set_log_level("error")
    grades = measure_pages()
    GRADES_FILE.write_text(json.dumps([asdict(g) for g in grades], indent=2) + "\n")
    for g in grades:
        print(
            f"{g.title:32} FK {g.flesch_kincaid:4.1f}  SMOG {g.smog:4.1f}  hardest {g.hardest}"
            f"  INFLESZ {g.inflesz} (hardest {g.inflesz_hardest})"
        )
    print(f"wrote {GRADES_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
