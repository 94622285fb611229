"""The deck as a PowerPoint file: read back with python-pptx, opened by LibreOffice.

LibreOffice Impress (headless) converts the file to PDF, as a hospital
computer with no PowerPoint would open it: it must open without repair, with
one page per slide and each slide's words on its page.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from tests.conftest import require_tool
from treatments.deck import build_deck
from treatments.schema import Catalogue
from treatments.slides_file import deck_file

LINK = "https://clinic.example.org/hfs/?kind=Shots&kind=Brain+surgery&show_wait=false"


@pytest.fixture(scope="module")
def made(catalogue: Catalogue) -> tuple[bytes, list]:
    cards = catalogue.deck.default_cards
    slides = build_deck(catalogue, catalogue.options, cards)
    return deck_file(catalogue, catalogue.options, cards, link=LINK), slides


def _slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def test_one_slide_per_deck_slide_notes_in_the_notes_pane(made, catalogue: Catalogue) -> None:
    data, slides = made
    pptx = Presentation(io.BytesIO(data))
    files = list(pptx.slides)
    assert len(files) > len(slides), "the deck's slides, then its sources"
    checked = f"Facts last checked: {catalogue.meta.last_reviewed:%d %B %Y}."
    for deck_slide, file_slide in zip(slides, files, strict=False):
        text = _slide_text(file_slide)
        assert deck_slide.title in text
        assert checked in text, "every slide says when the facts were checked"
        assert file_slide.notes_slide.notes_text_frame.text == deck_slide.speaker_note
        assert deck_slide.speaker_note not in text, "notes never on the slide itself"
        if deck_slide.kind == "option":
            assert "Sources: " in text, "an option slide lists its sources' numbers"
            pictures = [s for s in file_slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
            counted = [b for b in deck_slide.option.helps if b.per_100 is not None]
            assert len(pictures) == len(counted), "one picture of 100 people per figure"
    # Every source number a slide cites is listed in full on the sources slides.
    footers = " ".join(_slide_text(slide) for slide in files[: len(slides)])
    cited = {
        int(n) for group in re.findall(r"Sources: ([\d, ]+)\.", footers) for n in group.split(",")
    }
    listed = " ".join(_slide_text(slide) for slide in files[len(slides) :])
    assert cited and all(f"[{n}] " in listed for n in cited)


def test_the_last_slide_s_code_decodes_to_the_link(made) -> None:
    data, slides = made
    share = list(Presentation(io.BytesIO(data)).slides)[len(slides) - 1]
    (code,) = [s for s in share.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(code.image.blob)))]
    assert decoded == [LINK]
    assert "Or type: clinic.example.org/hfs" in _slide_text(share)


def test_libreoffice_opens_it_one_page_per_slide(made, tmp_path: Path) -> None:
    soffice = require_tool("soffice", "libreoffice-impress")
    data, slides = made
    (tmp_path / "deck.pptx").write_bytes(data)
    # A profile of its own, so a LibreOffice the person has open is not disturbed.
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "deck.pptx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pages = [page.extract_text() for page in PdfReader(tmp_path / "deck.pdf").pages]
    assert len(pages) == len(Presentation(io.BytesIO(data)).slides)
    for page, deck_slide in zip(pages, slides, strict=False):
        flat = " ".join(page.split())
        assert " ".join(deck_slide.title.split()) in flat
        assert deck_slide.speaker_note not in flat
