"""Benchmarks, run by hand with `python -m bench`; never part of pass/fail tests."""
