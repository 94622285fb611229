"""What matters to me and Questions for my visit, run as a person would use them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import pdf_text
from tests.views.apptest import PAGES, plain
from treatments.schema import HOW_MUCH, Catalogue
from views import registry

PRIVACY = "Your answers stay in this browser tab only."


def _captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def _radio(at: AppTest, key: str):
    return at.radio(key=key)


def test_matters_asks_about_every_priority_from_the_data(open_page, catalogue: Catalogue) -> None:
    at = open_page("matters")
    for priority in catalogue.priorities:
        radio = _radio(at, f"matters-{priority.id}")
        assert radio.label == priority.label
        assert list(radio.options) == list(HOW_MUCH)
        assert radio.value is None, "nothing is picked for the person"
    assert PRIVACY in _captions(at)
    assert at.info[0].value == catalogue.meta.disclaimer
    # Until something is rated there is no table, only a hint.
    assert not at.table
    assert "Say how much at least one thing matters to you" in at.info[1].value


def test_rating_lines_the_options_up_with_the_facts(open_page, catalogue: Catalogue) -> None:
    at = open_page("matters")
    _radio(at, "matters-lasting-relief").set_value("A little").run()
    _radio(at, "matters-avoid-brain-surgery").set_value("A lot").run()
    assert not at.exception
    frame = at.table[0].value
    assert list(frame.columns) == [
        "What matters to you",
        *(o.short_name for o in catalogue.options),
    ]
    # What matters a lot comes first.
    assert [plain(label) for label in frame["What matters to you"]] == [
        "Not having brain surgery (a lot)",
        "Relief that lasts a long time (a little)",
    ]
    surgery = plain(frame.iloc[0]["Brain surgery"])
    assert surgery.startswith("Does not fit. It is brain surgery.")
    assert "Level 4 of 4: Brain surgery, fully asleep" in surgery
    assert "[\\[" in frame.iloc[0]["Brain surgery"], "the facts link to their sources"
    assert "There is no total score" in _captions(at)

    _radio(at, "matters-avoid-brain-surgery").set_value("Not at all").run()
    assert len(at.table[0].value) == 1


def test_harms_on_what_matters_say_what_they_count(open_page) -> None:
    at = open_page("matters")
    _radio(at, "matters-avoid-face-weakness").set_value("A lot").run()
    row = at.table[0].value.iloc[0]
    shots = plain(row["Injections"])
    assert "Mostly fits." in shots
    assert "18 out of 100 people. Counted over up to 14 years of shots." in shots
    surgery = plain(row["Brain surgery"])
    assert "out of 1,000 people (about 1 to 2 out of 100). Counted for each operation." in (surgery)


def test_leaning_offers_every_option_and_not_sure(open_page, catalogue: Catalogue) -> None:
    at = open_page("matters")
    leaning = _radio(at, "leaning")
    assert list(leaning.options) == [*(o.name for o in catalogue.options), "Not sure yet"]
    assert leaning.value is None


def test_clear_forgets_the_answers(open_page) -> None:
    at = open_page("matters")
    _radio(at, "matters-quick-relief").set_value("A lot").run()
    at.button(key="clear_matters").click().run()
    assert not at.exception
    assert _radio(at, "matters-quick-relief").value is None
    assert not at.table


def test_questions_page_has_the_checklist_and_the_sure_check(
    open_page, catalogue: Catalogue
) -> None:
    at = open_page("questions")
    labels = [box.label for box in at.checkbox]
    assert labels == catalogue.questions.items
    assert at.text_area(key="notes").max_chars == 3000
    assert [_radio(at, f"sure-{item.letter}").label for item in catalogue.sure.items] == [
        item.question for item in catalogue.sure.items
    ]
    assert PRIVACY in _captions(at)

    _radio(at, "sure-S").set_value("No").run()
    assert any("You said no to at least one question" in i.value for i in at.info)
    for item in catalogue.sure.items:
        _radio(at, f"sure-{item.letter}").set_value("Yes").run()
    assert not any("You said no" in i.value for i in at.info)
    assert at.success[0].value.startswith("You said yes to all four")


def test_questions_page_checks_what_she_knows_against_the_facts(
    open_page, catalogue: Catalogue
) -> None:
    assert catalogue.check is not None
    at = open_page("questions")
    questions = catalogue.check.questions
    for question in questions:
        radio = _radio(at, f"check-{question.id}")
        assert radio.label == question.question
        assert radio.value is None, "nothing is picked for the person"
    assert not at.success and not [i for i in at.info if "Not quite" in i.value]

    _radio(at, "check-again").set_value("mvd").run()
    assert not at.exception
    (missed,) = [i.value for i in at.info if "Not quite" in i.value]
    assert "The answer is: Injections." in missed
    assert "Every 3 to 4 months for most people" in plain(" ".join(m.value for m in at.markdown))
    _radio(at, "check-waiting").set_value("yes").run()
    assert any(s.value.startswith("**Right.**") for s in at.success)
    assert "You answered 2 of 6. Right answers: 1 of 2." in _captions(at)

    at.button(key="make_printout").click().run()
    text = " ".join(pdf_text(at.session_state["printout_pdf"][1]).split())
    assert "Right answers: 1 of 2." in text
    assert "The answer is: Injections." in text
    at.button(key="clear_visit").click().run()
    assert _radio(at, "check-again").value is None


def test_answers_from_both_pages_reach_the_printout(open_page, catalogue: Catalogue) -> None:
    at = open_page("matters")
    _radio(at, "matters-avoid-hearing-loss").set_value("A lot").run()
    _radio(at, "leaning").set_value(catalogue.options[0].id).run()

    at.switch_page(PAGES["questions"]).run()
    assert not at.exception
    at.checkbox[3].check().run()
    at.text_area(key="notes").input("Bring my scan results. Ещё вопрос.").run()
    at.multiselect(key="printout_options").set_value(
        [catalogue.options[2].id, catalogue.options[4].id]
    ).run()
    assert not at.download_button, "nothing is offered until the printout is made"
    at.button(key="make_printout").click().run()
    assert not at.exception
    assert at.download_button[0].label == "Download my printout (PDF)"

    pdf = at.session_state["printout_pdf"][1]
    text = pdf_text(pdf)
    assert "A lot: Not losing hearing." in text
    assert f"The option I lean toward now: {catalogue.options[0].name}." in text
    assert catalogue.questions.items[3] in text
    assert "Bring my scan results. Ещё вопрос." in text
    assert catalogue.options[2].name in text and catalogue.options[4].name in text

    # A changed answer makes the old printout stale: it is not offered again.
    at.text_area(key="notes").input("Something else").run()
    assert not at.download_button
    assert "You changed your answers since then" in " ".join(c.value for c in at.caption)


def test_ratings_survive_a_visit_to_another_page(open_page) -> None:
    at = open_page("matters")
    _radio(at, "matters-quick-relief").set_value("A little").run()
    at.switch_page(PAGES["about"]).run()
    at.switch_page(PAGES["matters"]).run()
    assert not at.exception
    assert _radio(at, "matters-quick-relief").value == "A little"


def test_options_picked_on_compare_start_the_printout_picker(
    open_page, catalogue: Catalogue
) -> None:
    at = open_page(side_by_side=["Injections", "Watch and wait"])
    at.switch_page(PAGES["questions"]).run()
    picker = at.multiselect(key="printout_options")
    assert picker.value == [catalogue.options[0].id, catalogue.options[4].id]
    # Once the person changes the printout's list, their choice stands.
    picker.set_value([catalogue.options[2].id]).run()
    at.switch_page(PAGES["compare"]).run()
    at.switch_page(PAGES["questions"]).run()
    assert at.multiselect(key="printout_options").value == [catalogue.options[2].id]


def test_what_matters_links_on_to_the_questions_page(open_page) -> None:
    at = open_page("matters")
    (link,) = [link for link in at.get("page_link") if "Next" in link.proto.label]
    # The page's address below the app's: a real link a person can tap.
    assert link.proto.page == registry.BY_KEY["questions"].url_path


@pytest.mark.parametrize("key", sorted(registry.NEXT))
def test_every_page_ends_with_where_to_go_next(open_page, key: str) -> None:
    """Patients: a long page on a phone ended with no way on, and the Pages
    menu had scrolled away. The last link of each page says where next."""
    at = open_page(key)
    links = at.get("page_link")
    target, label = registry.NEXT[key]
    assert links[-1].proto.label == label
    assert links[-1].proto.page == registry.BY_KEY[target].url_path
