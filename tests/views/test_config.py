"""Production settings in .streamlit/config.toml."""

from __future__ import annotations

import tomllib

from tests.helpers import ROOT, app_css


def test_production_settings_are_safe() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "minimal"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["fileWatcherType"] == "none"
    assert config["runner"]["magicEnabled"] is False


def test_the_stylesheet_holds_no_html_tag() -> None:
    # st.html sanitises the stylesheet it is given; text that looks like a tag,
    # even inside a CSS comment, makes it drop the whole sheet without a word.
    assert "<" not in app_css()


def test_the_app_s_own_session_state_pickles(open_page) -> None:
    """config.toml turns Streamlit's pickle check off for its own component
    proxy; the app's own answers and keys must stay plain values all the same.
    A keyed component's state is shown through that proxy (a dict of a local
    class): what it holds must be plain too."""
    import pickle

    from components.presenting.clicker import CLICKER_KEY
    from tests.views.apptest import PAGES

    for page in PAGES:
        at = open_page(page)
        state = at.session_state._state.filtered_state
        assert state, page
        for key, value in state.items():
            pickle.dumps(dict(value) if key == CLICKER_KEY else value)
