"""Handing the room the presented view: the address, and a QR code a real decoder reads."""

from __future__ import annotations

import io
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.helpers import require_tool
from treatments.address import SIDE_BY_SIDE
from treatments.filters import apply_filters, filters_from_query, treatment_kinds
from treatments.loader import load_catalogue
from treatments.presenting.deck import chosen_cards
from treatments.presenting.handout import group_handout
from treatments.presenting.share import (
    address_in_words,
    app_root,
    compare_link,
    qr_png,
)
from treatments.schema import Catalogue

_CATALOGUE = load_catalogue()
_SEGMENT = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)


def _decode(picture: Image.Image) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(picture)]


@pytest.mark.parametrize(
    ("page_url", "page_path", "root"),
    [
        ("http://localhost:8501/present", "present", "http://localhost:8501/"),
        ("http://localhost:8501/", "", "http://localhost:8501/"),
        ("https://clinic.example.org/hfs/present", "present", "https://clinic.example.org/hfs/"),
        ("https://clinic.example.org/hfs/present/", "present", "https://clinic.example.org/hfs/"),
        ("https://clinic.example.org/hfs", "", "https://clinic.example.org/hfs/"),
        # A base path that happens to end like the page keeps its own part.
        ("https://example.org/present/present", "present", "https://example.org/present/"),
    ],
)
def test_the_app_root_comes_from_the_address_the_browser_sees(
    page_url: str, page_path: str, root: str
) -> None:
    assert app_root(page_url, page_path) == root


@given(st.lists(_SEGMENT, max_size=3), st.sampled_from(["", "present", "what-matters"]))
def test_any_base_path_is_kept(base: list[str], page_path: str) -> None:
    root = "https://host.example" + "".join(f"/{part}" for part in base) + "/"
    page_url = root + page_path
    assert app_root(page_url, page_path) == root


@given(st.lists(st.sampled_from(range(len(_CATALOGUE.options))), unique=True))
def test_the_link_opens_compare_with_just_the_deck_s_options(picks: list[int]) -> None:
    options = [_CATALOGUE.options[i] for i in sorted(picks)]
    link = compare_link("https://h.example/hfs/", options, _CATALOGUE.options)
    assert link.startswith("https://h.example/hfs/")
    query = parse_qs(urlsplit(link).query, keep_blank_values=True)
    filters = filters_from_query(query, treatment_kinds(_CATALOGUE.options))
    # Each option here is the only one of its kind, so the table shows the deck.
    assert apply_filters(_CATALOGUE.options, filters) == options
    expected = [o.short_name for o in options] if 2 <= len(options) <= 4 else None
    assert query.get(SIDE_BY_SIDE.name) == expected


def test_the_whole_deck_is_just_the_app_s_address(catalogue: Catalogue) -> None:
    assert compare_link("https://h.example/", catalogue.options, catalogue.options) == (
        "https://h.example/"
    )
    assert address_in_words("https://h.example/hfs/?kind=Shots") == "h.example/hfs"


@settings(max_examples=25, deadline=None)
@given(st.lists(_SEGMENT, min_size=1, max_size=6))
def test_a_real_decoder_reads_back_every_code(parts: list[str]) -> None:
    url = "https://clinic.example.org/?" + "&".join(f"kind={part}" for part in parts)
    assert _decode(Image.open(io.BytesIO(qr_png(url)))) == [url]


def test_the_handout_s_first_page_carries_the_code_and_the_address(
    catalogue: Catalogue, tmp_path
) -> None:
    require_tool("pdftoppm", "poppler-utils")
    link = compare_link("https://clinic.example.org/hfs/", catalogue.options[:2], catalogue.options)
    cards = chosen_cards(catalogue, catalogue.deck.default_cards)
    (tmp_path / "handout.pdf").write_bytes(
        group_handout(catalogue, catalogue.options[:2], cards=cards, link=link)
    )
    # Rendered as a printer would, at 150 dots per inch: page 1 only.
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", "handout.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    (page,) = tmp_path.glob("page*.png")
    assert _decode(Image.open(page)) == [link]
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "handout.pdf", "-"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Or type: clinic.example.org/hfs" in text
