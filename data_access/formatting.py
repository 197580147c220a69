"""The one formatter of figures, dates and times: cards, charts, tables, exports, briefings, CLI.

Rates have one decimal (92.0%); money counts in 万元 with four decimals for Chinese readers
(117.0128 万元) and whole yuan for English ones (¥1,170,128); dates are YYYY-MM-DD; times
are the office's clock (OFFICE_TIMEZONE), "YYYY-MM-DD HH:MM". Missing values show "—".
A change is signed, a rate's in percentage points: "+12", "+1.5 个百分点", "+1.2 万元".
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from data_access.settings import office_zone
from i18n import get_language, t

YUAN_PER_WAN = Decimal(10_000)
MISSING = "—"
RATE_DIGITS = 1  # every completion rate and share: 92.0%
WAN_DIGITS = 4  # 万元 to the yuan: 117.0128
COUNT, RATE, MONEY = "count", "rate", "money"  # what a figure measures, for its change
DATE_PATTERN = "%Y-%m-%d"
TIME_PATTERN = "%Y-%m-%d %H:%M"
SECONDS_PATTERN = TIME_PATTERN + ":%S"  # the audit log, where the second matters


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


def format_rate(fraction: float | None, digits: int = RATE_DIGITS) -> str:
    """A fraction as a percentage: 0.92029 -> "92.0%"."""
    if fraction is None or fraction != fraction:  # None or NaN
        return MISSING
    return f"{fraction * 100:.{digits}f}%"


def format_change(now: float, then: float, measure: str = COUNT) -> str:
    """A figure's change from then to now, signed: "+12", "-3"; a rate's in percentage points
    ("+1.5 个百分点"), money as the cards count it ("+1.2 万元"); "持平" when there is none."""
    if measure == RATE:
        points = round((now - then) * 100, RATE_DIGITS)
        text = t("formatting.points", amount=f"{abs(points):.{RATE_DIGITS}f}")
        return _signed(points, text)
    difference = int(now) - int(then)
    shown = format_yuan_wan if measure == MONEY else format_int
    return _signed(difference, shown(abs(difference)))


def _signed(difference: float, text: str) -> str:
    """text with the sign of difference in front; "持平" / "no change" for zero."""
    if difference == 0:
        return t("formatting.unchanged")
    return ("+" if difference > 0 else "-") + text


def to_local(moment: datetime) -> datetime:
    """A stored (UTC) moment on the office's clock."""
    return moment.astimezone(office_zone())


def local_now() -> datetime:
    """Now on the office's clock."""
    return datetime.now(office_zone())


def local_today() -> date:
    """Today in the office's time zone (not the server's, not UTC)."""
    return local_now().date()


def format_date(day: date | datetime | None) -> str:
    """A calendar day: 2018-07-16 (a moment: its day on the office's clock)."""
    if day is None or day != day:  # None or NaT
        return MISSING
    if isinstance(day, datetime) and day.tzinfo is not None:
        day = to_local(day)
    return day.strftime(DATE_PATTERN)


def format_time(moment: datetime | None) -> str:
    """A moment on the office's clock: 2026-11-28 12:56 (naive moments are taken as UTC)."""
    if moment is None or moment != moment:
        return MISSING
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return to_local(moment).strftime(TIME_PATTERN)


def format_clock(moment: datetime) -> str:
    """Only the office's clock time of a moment: 12:56."""
    return to_local(moment).strftime("%H:%M")
