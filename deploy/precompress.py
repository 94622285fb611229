"""Compress Streamlit's static files once, at the best level, for HAProxy to send as they are.

    python -m deploy.precompress FOLDER

HAProxy in Debian compresses on the fly with libslz: fast, but its JavaScript
comes out at about half its size. Streamlit's files never change for a given
version (their names carry a hash), so they can be compressed once, at level
9, ahead of time: about 30% of their size. Each also gets a Brotli copy (at
its best level, 11), about a fifth smaller again, for the browsers that accept
it, which is every browser in use; `deploy/static.lua` sends the Brotli copy
to those, the gzip one to the rest. A file with no copy here goes to the
replicas as before.

It also writes the page a browser opens (``first-screen.html.gz``): Streamlit's
own ``index.html``, copied, with the tool's name and a line saying it is
loading inside the element Streamlit draws the app in. On a slow phone the
app's JavaScript takes many seconds to arrive; until it draws, the person reads
those words rather than a white page. Streamlit's installed files are not
changed; the copy is made from them, for the version installed.
"""

from __future__ import annotations

import gzip
import html
import sys
from pathlib import Path

import brotli
import streamlit

from treatments.loader import load_catalogue

INDEX = Path(streamlit.__file__).parent / "static" / "index.html"
STATIC = INDEX.parent / "static"
FIRST_SCREEN = "first-screen.html.gz"
LOADING = "Loading. On a slow connection, this can take a few seconds."
_ROOT = '<div id="root"></div>'
_TITLE = "<title>Streamlit</title>"


def first_screen(index: str, title: str) -> str:
    """Streamlit's page with ``title`` and the loading line in the app's
    element, which the app replaces as it draws. Plain markup and one style
    attribute: the page's security policy allows no other inline script."""
    if index.count(_ROOT) != 1 or index.count(_TITLE) != 1:
        raise ValueError("Streamlit's index.html has changed: update deploy/precompress.py")
    words = (
        f'<div id="root"><div style="font-family: sans-serif; color: #1a1a1a; '
        f'max-width: 40rem; margin: 4rem auto; padding: 0 1rem; font-size: 1.25rem">'
        f"<h1>{html.escape(title)}</h1><p>{html.escape(LOADING)}</p></div></div>"
    )
    return index.replace(_TITLE, f"<title>{html.escape(title)}</title>").replace(_ROOT, words)


# Text only: fonts (woff2) and pictures are compressed already.
SUFFIXES = (".js", ".css", ".svg", ".json", ".txt")


def precompress(target: Path, source: Path = STATIC) -> int:
    """Write ``target/<path>.gz`` and ``target/<path>.br`` for every text file
    under ``source``; return how many files."""
    count = 0
    for path in sorted(source.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES:
            out = target / path.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            data = path.read_bytes()
            # mtime=0: the same input always gives the same bytes.
            out.with_name(out.name + ".gz").write_bytes(
                gzip.compress(data, compresslevel=9, mtime=0)
            )
            out.with_name(out.name + ".br").write_bytes(brotli.compress(data, quality=11))
            count += 1
    return count


def write_first_screen(target: Path, index: Path = INDEX) -> Path:
    """Write the first screen, gzipped, into ``target``; return its path."""
    page = first_screen(index.read_text(encoding="utf-8"), load_catalogue().meta.title)
    out = target / FIRST_SCREEN
    target.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(page.encode("utf-8"), compresslevel=9, mtime=0))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m deploy.precompress FOLDER", file=sys.stderr)
        return 2
    count = precompress(Path(args[0]))
    write_first_screen(Path(args[0]))
    print(f"{count} files compressed into {args[0]}, and the first screen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
