"""How a picture of 100's legend is found: the element just after its people."""

from __future__ import annotations

import pytest

from components.picture import LEGEND, PICTURE_MARK, PICTURE_STYLE, legend_of, picture_of_100
from tests.helpers import app_css
from treatments.loader import default_path, load_catalogue


def test_the_stylesheets_find_the_legend_as_the_code_names_it() -> None:
    assert app_css().count(LEGEND) == 2  # its words' margins, and its lines'
    assert PICTURE_STYLE.count(LEGEND) == 3  # a mark for each kind of line
    # One picture's legend is the same element, under that picture's key.
    after_the_key = LEGEND.partition(" > ")[2]
    assert legend_of("compare-picture-injections-0").endswith(after_the_key)


def test_a_picture_whose_key_lacks_the_mark_is_refused() -> None:
    option = load_catalogue(default_path()).options[0]
    with pytest.raises(ValueError, match=PICTURE_MARK):
        picture_of_100(option, option.helps[0], "injections-0", ["Injections"])
