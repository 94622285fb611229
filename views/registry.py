"""Every page of the app, in menu order: the one list that the navigation, the
tools, the tests and the benchmark all read.

Plain data with no Streamlit import, so a tool can list the pages without
running any of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from treatments.i18n import N_


@dataclass(frozen=True)
class Page:
    """One page: its key in code, its file, its menu title and icon, and its web address."""

    key: str
    file: str  # from the project folder
    title: str
    icon: str
    url_path: str  # "" for the home page

    @property
    def path(self) -> str:
        """The page's address below the app's own: ``"/what-matters"``, or ``"/"``."""
        return f"/{self.url_path}"


PAGES: tuple[Page, ...] = (
    Page("compare", "views/compare.py", N_("Compare options"), ":material/table:", ""),
    Page(
        "matters",
        "views/matters.py",
        N_("What matters to me"),
        ":material/balance:",
        "what-matters",
    ),
    Page(
        "questions",
        "views/questions.py",
        N_("Questions for my visit"),
        ":material/checklist:",
        "questions",
    ),
    Page("present", "views/present.py", N_("Present"), ":material/co_present:", "present"),
    Page("about", "views/about.py", N_("About hemifacial spasm"), ":material/face:", "about"),
    Page(
        "sources",
        "views/sources.py",
        N_("Sources and how this was made"),
        ":material/menu_book:",
        "sources",
    ),
)
BY_KEY: dict[str, Page] = {page.key: page for page in PAGES}
HOME = PAGES[0]
# Where a patient goes from each page once she is done with it: the page's
# last link, so a long page on a phone never ends in a dead end. The visit
# goes compare, what matters, questions; reading pages lead back to compare.
# Present has none: its end is the deck's own last slide.
NEXT: dict[str, tuple[str, str]] = {
    "compare": ("matters", N_("Next: say what matters to you")),
    "matters": ("questions", N_("Next: pick questions for your visit, and print your notes")),
    "questions": ("compare", N_("Back to: compare the options")),
    "about": ("compare", N_("Next: compare the treatments")),
    "sources": ("compare", N_("Back to: compare the options")),
}
# Shown in place of every page when the data file cannot be used.
DATA_PROBLEM = Page("data-problem", "views/data_problem.py", "Data problem", ":material/error:", "")
