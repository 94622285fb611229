"""The domain package stays pure: no Streamlit, so it runs from the command line and in tests."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import treatments
from tests.helpers import ROOT


def test_no_module_of_treatments_imports_streamlit() -> None:
    modules = [f"treatments.{m.name}" for m in pkgutil.iter_modules(treatments.__path__)]
    assert "treatments.facts" in modules and "treatments.printout" in modules
    imports = "; ".join(f"import {name}" for name in modules if name != "treatments.__main__")
    # A fresh interpreter: this test process has Streamlit loaded for other tests.
    loaded = "sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit')"
    probe = f"import sys; {imports}; print({loaded})"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
