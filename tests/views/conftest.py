"""AppTest fixtures: run the real app (st.navigation and all) page by page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.views.apptest import APP, PAGES, TIMEOUT


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """Open a page of the app, optionally with URL parameters, and run it."""

    def open_(page: str = "compare", **query: str | list[str]) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, at.exception
        if page != "compare":
            at.switch_page(PAGES[page]).run()
            assert not at.exception, at.exception
        return at

    return open_
