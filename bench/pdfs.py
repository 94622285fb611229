"""5. How long each printout takes to make."""

from __future__ import annotations

import time
from collections.abc import Callable

from bench.common import (
    Row,
    Sizes,
    median,
    ms,
)
from treatments import loader
from treatments.presenting.deck import chosen_cards
from treatments.presenting.handout import group_handout
from treatments.printout import visit_printout
from treatments.visit import VisitAnswers


def pdf_rows(sizes: Sizes) -> list[Row]:
    catalogue = loader.load_catalogue()
    options = catalogue.options
    answers = VisitAnswers(
        options=options[:2],
        how_much={p.id: "A lot" for p in catalogue.priorities},
        leaning="Not sure yet",
        questions=list(catalogue.questions.items[:5]) if catalogue.questions else [],
        notes="Can I drive home after? " * 20,
        sure={item.letter: True for item in catalogue.sure.items} if catalogue.sure else {},
    )
    cards = chosen_cards(catalogue, catalogue.deck.default_cards)
    jobs: dict[str, Callable[[], bytes]] = {
        "patient printout (2 options)": lambda: visit_printout(catalogue, answers),
        "group handout (5 options, 3 cards)": lambda: group_handout(
            catalogue, list(options), cards=cards
        ),
    }
    rows = []
    for name, job in jobs.items():
        job()  # fonts loaded once, as on a running server
        samples = []
        for _ in range(sizes.repeats):
            start = time.perf_counter()
            job()
            samples.append(time.perf_counter() - start)
        seconds = median(samples)
        rows.append(
            Row("5. PDF", name, ms(seconds), goal="< 150 ms" + (" ✓" if seconds < 0.150 else " ✗"))
        )
    return rows
