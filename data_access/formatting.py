"""Number formatting shared by the command line and the UI (pure, in the current language).

Chinese readers count money in 万元 (117.0128 万元); English readers get whole yuan (¥1,170,128).
"""

from __future__ import annotations

from decimal import Decimal

from i18n import get_language, t

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


def format_yuan(yuan: int | None) -> str:
    """Integer 元 with its unit: 1170128 -> "1,170,128 元" / "¥1,170,128"."""
    if yuan is None:
        return MISSING
    sign = "-" if yuan < 0 else ""  # "-¥25,000", not "¥-25,000"
    return sign + t("formatting.yuan", amount=format_int(abs(int(yuan))))


def format_yuan_wan(yuan: int | None) -> str:
    """Money the way the reader counts it: 1170128 -> "117.0128 万元" / "¥1,170,128"."""
    if yuan is None:
        return MISSING
    if get_language() != "zh":  # 万 is not a unit English readers count in
        return format_yuan(yuan)
    return t("formatting.yuan_wan", amount=format_wan(yuan))


def format_yuan_in_full(yuan: int | None) -> str:
    """Money exactly and as the reader counts it: "1,170,128 元（117.0128 万元）" / "¥1,170,128"."""
    if yuan is None:
        return MISSING
    if get_language() != "zh":
        return format_yuan(yuan)
    return t("formatting.yuan_in_full", yuan=format_int(int(yuan)), wan=format_wan(yuan))


def format_rate(fraction: float | None, digits: int = 1) -> str:
    """A fraction as a percentage: 0.92029 -> "92.0%"."""
    if fraction is None or fraction != fraction:  # None or NaN
        return MISSING
    return f"{fraction * 100:.{digits}f}%"
