"""Compare options: filters and the table, cards side by side, then pictures."""

from __future__ import annotations

from components.catalogue import get_catalogue
from components.charts import pictures_of_every_option
from components.comparison import jump_to_options, options_that_fit, side_by_side
from components.page import next_step, not_a_recommendation, page_footer, page_title
from treatments.i18n import gettext

catalogue = get_catalogue()

page_title(
    gettext("Hemifacial spasm: compare the treatments"),
    gettext(
        "See the choices side by side. Find out what each one involves and how often it "
        "is done. See how many people it helps, and how many it harms."
    ),
)
jump_to_options(catalogue)
not_a_recommendation(catalogue)
options_that_fit(catalogue)
side_by_side(catalogue)
pictures_of_every_option(catalogue)
next_step("compare")
page_footer(catalogue)
