"""Streamlit's static files, gzipped ahead of time for HAProxy to send."""

from __future__ import annotations

import gzip
from pathlib import Path

from deploy.precompress import SUFFIXES, precompress


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
    # The same input gives the same bytes, run after run.
    again = tmp_path / "again"
    precompress(again, source)
    assert (again / copies[1]).read_bytes() == (target / copies[1]).read_bytes()
