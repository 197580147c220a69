"""bench/pages.py marks each uncached default and one-township row against issue #22's target."""

from __future__ import annotations

from bench.pages import target_mark, target_ms


def _row(backend: str, flt: str, mode: str, median: float) -> dict:
    """A result row as run_size makes it."""
    return {"backend": backend, "filter": flt, "mode": mode, "median_ms": median}


def test_targets_per_backend_and_filter() -> None:
    """SQLite 50 ms default and 15 ms one township; PostgreSQL 80 ms; none elsewhere."""
    assert target_ms(_row("sqlite", "default", "uncached", 1)) == 50
    assert target_ms(_row("sqlite", "one township", "uncached", 1)) == 15
    assert target_ms(_row("postgres", "one township", "uncached", 1)) == 80
    assert target_ms(_row("sqlite", "default", "cached", 1)) is None
    assert target_ms(_row("sqlite", "busiest township", "uncached", 1)) is None


def test_the_mark_says_whether_the_median_meets_it() -> None:
    """✓ at or under the target, ✗ over it, nothing without one."""
    assert target_mark(_row("sqlite", "default", "uncached", 50.0)) == "≤ 50 ✓"
    assert target_mark(_row("sqlite", "one township", "uncached", 15.1)) == "≤ 15 ✗"
    assert target_mark(_row("sqlite", "default", "baseline", 9.0)) == ""
