"""Command line: ``python -m treatments validate [PATH]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from treatments.loader import CatalogueError, default_path, load_catalogue


def _validate(path: Path) -> int:
    try:
        catalogue = load_catalogue(path)
    except CatalogueError as exc:
        count = len(exc.problems)
        print(f"{path}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(
        f"{path}: OK ({len(catalogue.options)} options, {len(catalogue.sources)} sources, "
        f"last reviewed {catalogue.meta.last_reviewed.isoformat()})"
    )
    return 0


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
