"""Any query string, however mangled, gives a working page and never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.views.apptest import APP, PAGES, TIMEOUT, comparison_tables
from treatments.address import EVERY_PARAM

# Every parameter of the app's web address, from its one home, plus strangers.
KEYS = [param.name for param in EVERY_PARAM]
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be URL-encoded
    max_size=300,
)
hostile = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        "-1",
        "1e309",
        "NaN",
        "9" * 400,
        "%00",
        "true",
        "Shots",
        "Injections",
        "Brain surgery",
        "",
    ]
)
values = hostile | text | st.lists(hostile | text, max_size=4)
queries = st.dictionaries(st.sampled_from(KEYS) | text.filter(bool), values, max_size=6)


# Each example runs the whole app: no deadline, and nothing saved between runs.
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


@settings(FUZZ, max_examples=40)
@given(queries)
def test_any_query_string_renders_a_page(query: dict[str, object]) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, (query, at.exception)
    # Either the comparison table or the kind empty-state message, never nothing.
    assert len(comparison_tables(at)) == 1 or "No option fits" in at.warning[0].value
    # Nothing from the URL is ever rendered as HTML.
    assert not any(m.allow_html for m in at.markdown)


# And the Present page's other widget keys, which the address does not hold.
PRESENT_KEYS = [*KEYS, "speaker_notes", "jump_to_slide"]
present_queries = st.dictionaries(
    st.sampled_from(PRESENT_KEYS) | text.filter(bool), values, max_size=5
)


@settings(FUZZ, max_examples=30)
@given(present_queries)
def test_any_query_string_opens_a_slide(query: dict[str, object]) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(PAGES["present"]).run()
    assert not at.exception, (query, at.exception)
    slide = at.session_state["slide"]
    assert any(f"Slide {slide} of " in c.value for c in at.caption), query
    assert not any(m.allow_html for m in at.markdown)
