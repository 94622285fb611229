"""The benchmark drives Chromium under the same rule as the browser tests (fail in
CI when it is missing, skip with a reason locally): `chromium_path` in tests/conftest.py."""
