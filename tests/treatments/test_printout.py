"""The PDF printouts, read back with pypdf: what they say, and that odd input cannot break them."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from treatments.charts import icon_array_groups, pictured
from treatments.facts import ANSWER_FIELDS, FIELDS, short_answers
from treatments.loader import load_catalogue
from treatments.pdf import BODY_PT
from treatments.presenting.handout import group_handout
from treatments.printout import visit_printout
from treatments.schema import Catalogue
from treatments.sources import source_numbers
from treatments.visit import MAX_NOTES, VisitAnswers
from treatments.wording import basis_phrase, timeframe_phrase

MADE_ON = dt.date(2026, 12, 1)


def _read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # pypdf may break a line inside a phrase; compare on single spaces. The
    # footer is left out: a page break can fall inside any paragraph.
    text = re.sub(r"Page \d+ of \d+: [^\n]*", "", text)
    return reader, re.sub(r"\s+", " ", text)


def _options(catalogue: Catalogue, *ids: str):
    by_id = {o.id: o for o in catalogue.options}
    return [by_id[i] for i in ids]


def _font_sizes(reader: PdfReader) -> set[float]:
    sizes = set()
    for page in reader.pages:
        content = page.get_contents().get_data().decode("latin-1")
        sizes.update(float(size) for size in re.findall(r"/F\d+ ([\d.]+) Tf", content))
    return sizes


def _colours(reader: PdfReader) -> set[str]:
    """Every fill or stroke colour the pages set."""
    found = set()
    for page in reader.pages:
        content = page.get_contents().get_data().decode("latin-1")
        found.update(re.findall(r"(?:^|\s)([\d. ]+ (?:rg|RG|g|G|k|K))(?=\s)", content))
    return found


@pytest.fixture
def full_answers(catalogue: Catalogue) -> VisitAnswers:
    return VisitAnswers(
        options=_options(catalogue, "injections", "mvd"),
        how_much={"avoid-brain-surgery": "A lot", "avoid-hearing-loss": "A little"},
        leaning="Not sure yet",
        questions=catalogue.questions.items[:2],
        notes="Can I drive home after the shots?",
        sure={"S": False, "U": True, "R": True, "E": True},
    )


def test_the_printout_says_what_the_person_chose(
    catalogue: Catalogue, full_answers: VisitAnswers
) -> None:
    reader, text = _read(visit_printout(catalogue, full_answers, made_on=MADE_ON))
    # Two options with every fact the cards have, every harm and what it
    # counts, the person's answers, and the sources in full: five pages at 12 pt.
    assert 1 <= len(reader.pages) <= 5
    assert "Made on 01 December 2026" in text
    checked = catalogue.meta.last_reviewed
    assert f"last checked on {checked.day:02} {checked:%B} {checked.year}" in text
    assert catalogue.meta.disclaimer in text
    assert "A lot: Not having brain surgery." in text
    assert "A little: Not losing hearing." in text
    assert "The option I lean toward now: Not sure yet." in text
    for option in full_answers.options:
        assert option.name in text
    # The same questions for each option, benefits and harms alike.
    for label in (
        "How invasive",
        "How many it helps (out of 100 people)",
        "Serious risks (out of 1,000 people)",
    ):
        assert label in text
    assert "73 to 98 out of 100 people" in text
    assert "Death: 1 or fewer out of 1,000" in text
    # How each lines up with what matters, with no score.
    assert "Not having brain surgery (matters a lot to me)" in text
    assert "Fits Does not fit" in text
    assert "score" not in text.replace("not a score", "")
    for question in full_answers.questions:
        assert question in text
    assert "Can I drive home after the shots?" in text
    assert "Do you feel sure which choice is best for you? No" in text
    assert "I said no to at least one question." in text


def test_every_source_number_on_the_printout_is_listed(
    catalogue: Catalogue, full_answers: VisitAnswers
) -> None:
    _, text = _read(visit_printout(catalogue, full_answers, made_on=MADE_ON))
    body, _, listed = text.partition("Sources Each number in [ ] is a source.")
    cited = {int(n) for group in re.findall(r"\[([\d, ]+)\]", body) for n in group.split(",")}
    numbers = source_numbers(catalogue)
    by_number = {n: key for key, n in numbers.items()}
    assert cited, "the facts carry source numbers"
    for number in cited:
        source = next(s for s in catalogue.sources if s.key == by_number[number])
        assert f"[{number}] {source.citation}" in listed


def test_empty_answers_still_make_a_clear_printout(catalogue: Catalogue) -> None:
    """Patients: with no option picked, the printout said "I did not pick any
    options." and carried no facts at all."""
    reader, text = _read(visit_printout(catalogue, VisitAnswers(), made_on=MADE_ON))
    first = reader.pages[0].extract_text()
    assert "I did not pick any options to talk about, so this printout has the facts of all 5" in (
        " ".join(first.split())
    )
    flat = " ".join(text.split())
    for option in catalogue.options:
        assert option.name in flat
        assert " ".join(option.work_and_driving.text.split()[:4]) in flat
    assert "I did not say what matters to me." in text
    assert "I did not tick any questions." in text
    assert "No notes." in text
    assert "Do you feel sure which choice is best for you? Not answered" in text
    assert "I did not answer the questions that check what I know." in text


def test_the_printout_keeps_every_fact_the_cards_have(
    catalogue: Catalogue, full_answers: VisitAnswers
) -> None:
    """Patients: "How much time off work will I need?" was ticked, and the
    printout had no work and driving, no recovery, no how soon or how long."""
    _, text = _read(visit_printout(catalogue, full_answers, made_on=MADE_ON))
    flat = " ".join(text.split())
    for field in ANSWER_FIELDS:
        assert FIELDS[field].heading in flat, field
    for option in full_answers.options:
        for field in ("onset", "duration", "recovery", "work_and_driving"):
            assert " ".join(getattr(option, field).text.split()[:4]) in flat, (option.id, field)
    assert "Asleep or awake" in flat and ": None" not in flat


def test_print_is_large_and_black_and_white(
    catalogue: Catalogue, full_answers: VisitAnswers
) -> None:
    for pdf in (
        visit_printout(catalogue, full_answers, made_on=MADE_ON),
        group_handout(catalogue, catalogue.options, made_on=MADE_ON),
    ):
        reader, _ = _read(pdf)
        sizes = _font_sizes(reader)
        assert sizes and min(sizes) >= BODY_PT >= 12
        # Only black (or no colour operator at all): nothing needs a colour printer.
        assert _colours(reader) <= {"0 g", "0 G", "0.000 g", "0.000 G", "0 0 0 rg", "0 0 0 RG"}


def test_letters_the_font_lacks_print_as_a_question_mark(catalogue: Catalogue) -> None:
    notes = "Cyrillic: Привет. Greek: γεια. Chinese: 你好. Emoji: 🙂."
    _, text = _read(visit_printout(catalogue, VisitAnswers(notes=notes), made_on=MADE_ON))
    assert "Cyrillic: Привет. Greek: γεια." in text
    assert "Chinese: ??." in text
    assert "Some letters could not be printed with this font." in text


def _glyph_names(reader: PdfReader) -> set[str]:
    """The names of every glyph in the fonts embedded on the first page."""
    names: set[str] = set()
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        data = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        names.update(TTFont(io.BytesIO(data)).getGlyphOrder())
    return names


def test_each_printout_has_its_own_letters_though_the_font_is_read_once(
    catalogue: Catalogue,
) -> None:
    # The font is parsed once a process and shared; fpdf2 cuts each file's
    # copy down to the letters it uses, so one document's letters must not
    # leak into the next, nor its missing ones.
    plain = VisitAnswers(notes="Can I drive home after the shots?")
    first = visit_printout(catalogue, plain, made_on=MADE_ON)
    other = visit_printout(catalogue, VisitAnswers(notes="Привет. 你好."), made_on=MADE_ON)
    again = visit_printout(catalogue, plain, made_on=MADE_ON)

    def undated(pdf: bytes) -> bytes:
        # The date it was made, and the file's ID, which fpdf2 makes from it.
        return re.sub(rb"/CreationDate \(D:\d+Z\)|/ID \[<[0-9A-F]+><[0-9A-F]+>\]", b"", pdf)

    assert undated(again) == undated(first), "the same file, whatever came before"
    assert "uni041F" in _glyph_names(_read(other)[0])  # Cyrillic capital Pe
    assert "uni041F" not in _glyph_names(_read(again)[0])
    assert "Some letters could not be printed" not in _read(again)[1]


def test_arabic_and_hebrew_notes_print_joined_and_right_to_left(catalogue: Catalogue) -> None:
    notes = "هل يمكنني القيادة بعد الحقن؟\nשלום עולם. Can I drive after the shots?"
    reader, text = _read(visit_printout(catalogue, VisitAnswers(notes=notes), made_on=MADE_ON))
    # pypdf reads right-to-left runs back in reading order only if they were
    # laid out right to left; letters laid out left to right come back reversed.
    assert "هل يمكنني القيادة بعد الحقن" in text
    assert "שלום עולם" in text
    assert "Can I drive after the shots" in text
    # Joined Arabic letters are the font's initial, middle and final forms
    # (Unicode's presentation forms), which loose letters never use.
    assert any(re.fullmatch(r"uniFE[7-9A-F][0-9A-F]", name) for name in _glyph_names(reader))
    assert "Some letters could not be printed" not in text


def test_long_notes_and_long_words_run_on_to_more_pages(catalogue: Catalogue) -> None:
    word = "x" * 400  # no space to break at
    notes = (f"{word} " + "A long note about my spasm. " * 200)[: MAX_NOTES + 500]
    reader, text = _read(visit_printout(catalogue, VisitAnswers(notes=notes), made_on=MADE_ON))
    assert len(reader.pages) >= 2
    assert text.count("A long note about my spasm.") >= 80
    assert "x" * 50 in text.replace(" ", "")


_CATALOGUE = load_catalogue()


# Hebrew and Arabic letters, with the marks, digits and spaces that come with them.
_RIGHT_TO_LEFT_TEXT = st.text(
    st.characters(min_codepoint=0x0590, max_codepoint=0x06FF) | st.sampled_from(" .?\n1a"),
    max_size=400,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    notes=st.text(max_size=400) | _RIGHT_TO_LEFT_TEXT,
    questions=st.lists(st.text(max_size=80), max_size=3),
    leaning=st.one_of(st.none(), st.text(max_size=60)),
    picks=st.lists(st.sampled_from(range(5)), max_size=4, unique=True),
)
def test_any_text_makes_a_valid_pdf(
    notes: str, questions: list[str], leaning: str | None, picks: list[int]
) -> None:
    answers = VisitAnswers(
        options=[_CATALOGUE.options[i] for i in picks],
        questions=questions,
        notes=notes,
        leaning=leaning,
    )
    pdf = visit_printout(_CATALOGUE, answers, made_on=MADE_ON)
    assert pdf.startswith(b"%PDF-")
    reader, text = _read(pdf)
    assert len(reader.pages) >= 1
    assert "My notes for my visit" in text


def test_the_group_handout_has_every_option_and_the_sources(catalogue: Catalogue) -> None:
    reader, text = _read(group_handout(catalogue, catalogue.options, made_on=MADE_ON))
    for option in catalogue.options:
        assert option.name in text
    assert "Printed on 01 December 2026" in text
    assert catalogue.meta.disclaimer in text
    assert "Sources Each number in [ ] is a source." in text
    # Every counted harm says what it counts, on paper as on the page.
    for option in catalogue.options:
        for harm in [*option.side_effects, *option.serious_risks]:
            if harm.count is not None:
                assert f"{harm.name}: " in text
                assert basis_phrase(harm.counts, harm.over) in text, harm.name
    for number, page in enumerate(reader.pages, start=1):
        footer = f"Page {number} of {len(reader.pages)}: Hemifacial spasm: the options side by side"
        assert footer in page.extract_text()


def test_the_group_handout_is_what_a_room_takes_home(catalogue: Catalogue) -> None:
    """The code, the pictures of 100, each fact once, how people choose, the
    questions to ask and room for notes."""
    cards = [catalogue.deck.card(card) for card in catalogue.deck.default_cards]
    link = "https://example.org/present?room=KQTW"
    reader, text = _read(
        group_handout(
            catalogue, catalogue.options, cards=[c for c in cards if c], link=link, made_on=MADE_ON
        )
    )
    for option in catalogue.options:
        for benefit in pictured(option):
            title = f"{option.short_name}, {timeframe_phrase(benefit.when)}"
            assert title in text
            for words in icon_array_groups(benefit):
                assert words in text, words
    # Each picture draws its 100 people, each a filled shape ("f"): the only
    # filled shapes on the handout.
    fills = sum(
        len(re.findall(rb"(?m)\bf$", page.get_contents().get_data())) for page in reader.pages
    )
    assert fills == 100 * sum(len(pictured(option)) for option in catalogue.options)
    # Each fact once: no "one question at a time" that repeats the grid.
    assert "One question at a time" not in text
    first = short_answers(catalogue.options[0], "repeat")[0].headline
    assert text.count(first) == 1
    deck = catalogue.deck
    for fixed in (deck.choose_slide, deck.questions_slide):
        assert fixed.title in text
        assert all(point in text for point in fixed.points)
    assert catalogue.questions is not None
    assert all(question in text for question in catalogue.questions.items)
    assert "My notes" in text
    assert f"Printed on {MADE_ON:%d %B %Y}" in text
    # Issue 30 asks for at most 4 pages; it needs a shorter wording of each
    # fact, which the data file does not have yet (see the note).
    assert len(reader.pages) <= 8


def test_the_printout_has_the_facts_behind_each_check_answer_she_missed(
    catalogue: Catalogue,
) -> None:
    assert catalogue.check is not None
    said = {"waiting": "no", "again": "injections", "hearing": "radiofrequency"}
    _, text = _read(visit_printout(catalogue, VisitAnswers(check=said), made_on=MADE_ON))
    flat = " ".join(text.split())
    part = flat[flat.index("Facts to look at again") : flat.index("Sources Each number")]
    assert "I answered 3 of the 6 questions that check what I know. Right answers: 1 of 3." in part
    by_id = {q.id: q for q in catalogue.check.questions}
    for missed in ("waiting", "hearing"):
        assert " ".join(by_id[missed].question.split()) in part
    assert "The answer is: Yes." in part and "The answer is: Brain surgery." in part
    # The fact itself, its numbers and sources as on every page.
    assert "Total hearing loss (deafness) in that ear: 7 to 27 out of 1,000 people" in part
    assert re.search(r"Counted for each operation\. \[[\d, ]+\]", part)
    # What she got right is not repeated.
    assert by_id["again"].question not in part


def test_each_ticked_question_the_facts_answer_has_each_option_s_answer_under_it(
    catalogue: Catalogue,
) -> None:
    """Patients: "How much time off work will I need?" was ticked, and the
    printout had no word about work or recovery."""
    assert catalogue.questions is not None
    asked = "How much time off work will I need?"
    plain_one = catalogue.questions.items[0]
    assert (
        asked in catalogue.questions.answered_by
        and plain_one not in catalogue.questions.answered_by
    )
    chosen = _options(catalogue, "injections", "mvd")
    answers = VisitAnswers(options=chosen, questions=[plain_one, asked])
    _, text = _read(visit_printout(catalogue, answers, made_on=MADE_ON))
    flat = " ".join(text.split())
    part = flat[flat.index("My questions") : flat.index("My notes No notes.")]
    assert part.index(asked) < part.index("My other questions:") < part.index(plain_one)
    for option in chosen:
        for field in catalogue.questions.answered_by[asked]:
            words = " ".join(getattr(option, field).text.split())
            assert f"{option.short_name}, " in part
            assert words in part, (option.id, field)
    assert re.search(r"Brain surgery, recovery: .+? \[[\d, ]+\]", part)
