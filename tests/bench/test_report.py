"""The report keeps what was measured by hand and rewrites the rest."""

from __future__ import annotations

from bench.report import BY_HAND, kept_by_hand, report


def test_a_new_report_keeps_the_hand_measured_section_of_the_last() -> None:
    previous = report([], command="python -m bench", seconds=1) + f"\n{BY_HAND}\n\n- 12 ms.\n"
    again = report([], command="python -m bench", seconds=2, previous=previous)
    assert again.endswith(f"\n{BY_HAND}\n\n- 12 ms.\n")
    assert again.count(BY_HAND) == 1


def test_a_report_with_no_hand_measured_section_keeps_nothing() -> None:
    assert kept_by_hand("# Benchmark results\n\n| a | b |\n") == ""
    assert kept_by_hand(f"Text that mentions {BY_HAND} in passing.") == ""
