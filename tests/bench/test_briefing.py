"""The briefing benchmark builds the default path's briefing (what it times is not checked)."""

from __future__ import annotations

from bench.briefing import build_once


def test_the_briefing_benchmark_builds_the_default_path(sqlite_seeded_url: str) -> None:
    """One build of bench/briefing.py: assembled, written as PDF and Word, timed."""
    timings = build_once(sqlite_seeded_url)
    assert timings["steps"] == 4 and timings["pdf_total_s"] > 0
