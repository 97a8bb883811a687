"""Benchmarks: ``python -m bench`` (= ``make bench``); see docs/scale.md."""
