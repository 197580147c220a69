"""Number formatting for Chinese readers, shared by the command line and the UI (pure)."""

from __future__ import annotations

from decimal import Decimal

YUAN_PER_WAN = Decimal(10_000)
MISSING = "—"


def format_int(n: int | None) -> str:
    """An integer with thousands separators: 1170128 -> "1,170,128"."""
    if n is None:
        return MISSING
    return f"{int(n):,}"


def format_wan(yuan: int | None) -> str:
    """Integer 元 as a 万 number without unit, exact and without trailing zeros: "117.0128"."""
    if yuan is None:
        return MISSING
    # Decimal keeps 1,170,128 元 exactly 117.0128 (a float could print 117.01279999).
    text = f"{Decimal(int(yuan)) / YUAN_PER_WAN:,.4f}"
    return text.rstrip("0").rstrip(".")


def format_yuan_wan(yuan: int | None) -> str:
    """Integer 元 shown in 万元: 1170128 -> "117.0128 万元"."""
    if yuan is None:
        return MISSING
    return f"{format_wan(yuan)} 万元"


def format_rate(fraction: float | None, digits: int = 1) -> str:
    """A fraction as a percentage: 0.92029 -> "92.0%"."""
    if fraction is None or fraction != fraction:  # None or NaN
        return MISSING
    return f"{fraction * 100:.{digits}f}%"
