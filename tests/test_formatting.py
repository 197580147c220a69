"""Number formatting for Chinese readers (pure functions shared by the CLI and the UI)."""

from __future__ import annotations

import pytest

from data_access.formatting import format_int, format_rate, format_wan, format_yuan_wan


@pytest.mark.parametrize(
    ("yuan", "expected"),
    [
        (1_170_128, "117.0128 万元"),
        (1_200_000, "120 万元"),
        (5, "0.0005 万元"),
        (0, "0 万元"),
        (123_456_789_012, "12,345,678.9012 万元"),
        (-25_000, "-2.5 万元"),
    ],
)
def test_format_yuan_wan(yuan: int, expected: str) -> None:
    """Integer 元 in 万元, exact (no float rounding), without trailing zeros."""
    assert format_yuan_wan(yuan) == expected
    assert format_wan(yuan) == expected.removesuffix(" 万元")


def test_format_int_and_rate() -> None:
    """Thousands separators; a fraction as a one-decimal percentage."""
    assert format_int(1_170_128) == "1,170,128"
    assert format_int(0) == "0"
    assert format_rate(381 / 414) == "92.0%"
    assert format_rate(1.0) == "100.0%"
    assert format_rate(0.98712, digits=2) == "98.71%"


@pytest.mark.parametrize("fn", [format_int, format_wan, format_yuan_wan, format_rate])
def test_missing_values_show_a_dash(fn) -> None:
    """None (and NaN for rates) shows as a dash instead of failing."""
    assert fn(None) == "—"
    if fn is format_rate:
        assert fn(float("nan")) == "—"
