"""Number formatting for Chinese readers (pure functions shared by the CLI and the UI)."""

from __future__ import annotations

import pytest

from data_access.formatting import (
    COUNT,
    MONEY,
    RATE,
    format_change,
    format_int,
    format_rate,
    format_wan,
    format_yuan_wan,
)
from i18n import use_language


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


def test_times_are_on_the_office_clock_which_is_a_setting(monkeypatch) -> None:
    """Stored UTC moments show on the OFFICE_TIMEZONE clock (default Asia/Shanghai)."""
    from datetime import UTC, date, datetime

    from data_access.formatting import format_clock, format_date, format_time

    moment = datetime(2026, 11, 28, 4, 56, tzinfo=UTC)
    monkeypatch.delenv("OFFICE_TIMEZONE", raising=False)
    assert (format_time(moment), format_clock(moment)) == ("2026-11-28 12:56", "12:56")
    monkeypatch.setenv("OFFICE_TIMEZONE", "Europe/Berlin")
    assert format_time(moment) == "2026-11-28 05:56"
    assert format_date(date(2018, 4, 15)) == "2018-04-15"
    assert format_date(None) == format_time(None) == "—"


@pytest.mark.parametrize(
    ("now", "then", "measure", "zh", "en"),
    [
        (414, 402, COUNT, "+12", "+12"),
        (3, 1_003, COUNT, "-1,000", "-1,000"),
        (7, 7, COUNT, "持平", "no change"),
        (0.92029, 0.905, RATE, "+1.5 个百分点", "+1.5 pp"),
        (0.5, 0.5004, RATE, "持平", "no change"),  # less than a tenth of a point
        (0.2, 0.25, RATE, "-5.0 个百分点", "-5.0 pp"),
        (1_170_128, 1_158_128, MONEY, "+1.2 万元", "+¥12,000"),
        (0, 25_000, MONEY, "-2.5 万元", "-¥25,000"),
    ],
)
def test_a_change_is_signed_and_in_the_cards_units(now, then, measure, zh, en) -> None:
    """Counts signed with separators, rates in percentage points, money as the card counts it."""
    assert format_change(now, then, measure) == zh
    with use_language("en"):
        assert format_change(now, then, measure) == en
