"""Gzip Streamlit's static files once, at the best level, for HAProxy to send as they are.

    python -m deploy.precompress FOLDER

HAProxy in Debian compresses on the fly with libslz: fast, but its JavaScript
comes out at about half its size. Streamlit's files never change for a given
version (their names carry a hash), so they can be compressed once, at level
9, ahead of time: about 30% of their size. `deploy/static.lua` sends these
copies; a file with no copy here goes to the replicas as before.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import streamlit

STATIC = Path(streamlit.__file__).parent / "static" / "static"
# Text only: fonts (woff2) and pictures are compressed already.
SUFFIXES = (".js", ".css", ".svg", ".json", ".txt")


def precompress(target: Path, source: Path = STATIC) -> int:
    """Write ``target/<path>.gz`` for every text file under ``source``; return how many."""
    count = 0
    for path in sorted(source.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES:
            out = target / (str(path.relative_to(source)) + ".gz")
            out.parent.mkdir(parents=True, exist_ok=True)
            # mtime=0: the same input always gives the same bytes.
            out.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m deploy.precompress FOLDER", file=sys.stderr)
        return 2
    count = precompress(Path(args[0]))
    print(f"{count} files compressed into {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
