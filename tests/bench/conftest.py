"""The benchmark drives Chromium: the same rule as the browser tests (fail in CI
when it is missing, skip with a reason locally)."""

from tests.browser.conftest import chromium_path  # noqa: F401 - a fixture, used by name
