"""AppTest fixtures: run the real app (st.navigation and all) page by page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.views.apptest import open_app_page


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """Open a page of the app, optionally with URL parameters, and run it."""

    return open_app_page
