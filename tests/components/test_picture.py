"""How a picture of 100's legend is found: the element just after its people."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.picture import LEGEND, PICTURE_MARK, PICTURE_STYLE, legend_of, picture_of_100
from treatments.loader import default_path, load_catalogue


def test_the_stylesheets_find_the_legend_as_the_code_names_it() -> None:
    css = (Path(__file__).parents[2] / "components" / "app.css").read_text(encoding="utf-8")
    assert css.count(LEGEND) == 2  # its words' margins, and its lines'
    assert PICTURE_STYLE.count(LEGEND) == 3  # a mark for each kind of line
    # One picture's legend is the same element, under that picture's key.
    assert legend_of("compare-picture-injections-0").endswith(LEGEND.split("]", 2)[2])


def test_a_picture_whose_key_lacks_the_mark_is_refused() -> None:
    option = load_catalogue(default_path()).options[0]
    with pytest.raises(ValueError, match=PICTURE_MARK):
        picture_of_100(option, option.helps[0], "injections-0", ["Injections"])
