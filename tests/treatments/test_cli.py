"""``python -m treatments validate``: exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "treatments", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_valid_file_exits_zero() -> None:
    result = _run("validate")
    assert result.returncode == 0, result.stderr
    assert "OK (5 options" in result.stdout


def test_broken_file_exits_one_with_a_line_per_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta:\n  title: [unclosed\n", encoding="utf-8")
    result = _run("validate", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].endswith("1 problem")
    assert "YAML syntax error" in lines[1]
    assert "(line " in lines[1]


def test_env_var_selects_the_file(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "TREATMENTS_FILE": str(tmp_path / "missing.yaml")}
    result = _run("validate", env=env)
    assert result.returncode == 1
    assert "no file at" in result.stderr


def test_usage_error_exits_two() -> None:
    result = _run("frobnicate")
    assert result.returncode == 2
