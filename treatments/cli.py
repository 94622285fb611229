"""Command line: ``python -m treatments validate [PATH]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from treatments.loader import CatalogueError, default_path, english_data, translation_problems
from treatments.translation import read_translation, translation_files


def _report(path: Path, exc: CatalogueError) -> None:
    count = len(exc.problems)
    print(f"{exc.path}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)


def _validate(path: Path) -> int:
    """Check the English file, then every translation beside it."""
    try:
        catalogue, data = english_data(path)
    except CatalogueError as exc:
        _report(path, exc)
        return 1
    print(
        f"{path}: OK ({len(catalogue.options)} options, {len(catalogue.sources)} sources, "
        f"last reviewed {catalogue.meta.last_reviewed.isoformat()})"
    )
    failed = 0
    for where in translation_files(path):
        try:
            code = read_translation(where).language.code
        except Exception as exc:
            print(f"{where}: cannot read it: {exc}"[:400], file=sys.stderr)
            failed = 1
            continue
        problems = translation_problems(path, catalogue, data, code)
        if problems:
            _report(where, CatalogueError(where, problems))
            failed = 1
        else:
            print(f"{where}: OK ({code}, every text translated from the English as it is now)")
    return failed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m treatments",
        description="Tools for the hemifacial spasm treatment catalogue.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate",
        help="check a data file and list every problem",
        description="Check a data file. Exit 0 if it is valid, 1 if not.",
    )
    validate.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="the file to check (default: $TREATMENTS_FILE, else data/treatments.yaml)",
    )
    args = parser.parse_args(argv)
    return _validate(args.path or default_path())
