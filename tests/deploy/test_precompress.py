"""Streamlit's static files, gzipped ahead of time for HAProxy to send."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

from deploy.precompress import (
    FIRST_SCREEN,
    INDEX,
    LOADING,
    SUFFIXES,
    first_screen,
    precompress,
    write_first_screen,
)


def test_every_text_file_gets_a_copy_that_unzips_to_the_same_bytes(tmp_path: Path) -> None:
    source = tmp_path / "static"
    (source / "js").mkdir(parents=True)
    (source / "media").mkdir()
    (source / "js" / "index.abc.js").write_text("const x = 1;" * 500)
    (source / "css.def.css").write_text("body { margin: 0 }" * 100)
    (source / "media" / "font.woff2").write_bytes(b"\x00already compressed")
    target = tmp_path / "out"

    assert precompress(target, source) == 2
    copies = sorted(str(p.relative_to(target)) for p in target.rglob("*.gz"))
    assert copies == ["css.def.css.gz", "js/index.abc.js.gz"]
    for copy in copies:
        original = source / copy.removesuffix(".gz")
        assert gzip.decompress((target / copy).read_bytes()) == original.read_bytes()
        assert original.suffix in SUFFIXES
        # And a Brotli copy beside it, smaller, of the same bytes.
        smaller = (target / copy).with_suffix(".br").read_bytes()
        assert brotli.decompress(smaller) == original.read_bytes()
        assert len(smaller) < len((target / copy).read_bytes())
    # The same input gives the same bytes, run after run.
    again = tmp_path / "again"
    precompress(again, source)
    assert (again / copies[1]).read_bytes() == (target / copies[1]).read_bytes()


def test_the_first_screen_is_streamlit_s_page_with_words_in_the_app_s_place(
    tmp_path: Path,
) -> None:
    index = INDEX.read_text(encoding="utf-8")
    page = first_screen(index, "Face & spasm <tool>")
    assert "<title>Face &amp; spasm &lt;tool&gt;</title>" in page
    assert '<div id="root"><div style=' in page
    assert f"<h1>Face &amp; spasm &lt;tool&gt;</h1><p>{LOADING}</p>" in page
    # Everything else is Streamlit's own, byte for byte.
    start, end = page.index('<div id="root">'), page.rindex("</div></div>") + len("</div></div>")
    assert (
        page[:start].replace("Face &amp; spasm &lt;tool&gt;", "Streamlit")
        == index[: index.index('<div id="root">')]
    )
    assert (
        page[end:] == index[index.index('<div id="root"></div>') + len('<div id="root"></div>') :]
    )
    written = write_first_screen(tmp_path)
    assert written.name == FIRST_SCREEN
    assert "<h1>" in gzip.decompress(written.read_bytes()).decode()


def test_a_changed_streamlit_page_is_refused_rather_than_served_half_done() -> None:
    with pytest.raises(ValueError, match=r"index\.html has changed"):
        first_screen("<html><title>Streamlit</title><div id=app></div></html>", "x")
