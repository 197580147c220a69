"""Dates and 整改时限 as ledgers write them (Excel serials, 2018年6月8日, 2025年底前, 6月底前)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from data_access.ingest.cell_values import Invalid, is_blank, raw_text
from data_access.ingest.synonyms import fold_key
from i18n import t

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 in Excel's 1900 date system
FIRST_YEAR, LAST_YEAR = 1990, 2100
SERIAL_RANGE = (
    (date(FIRST_YEAR, 1, 1) - EXCEL_EPOCH).days,
    (date(LAST_YEAR, 12, 31) - EXCEL_EPOCH).days,
)
_SPACES = re.compile(r"\s+")
_YMD = re.compile(  # 2018年6月8日, 2018.6.8, 2025年6月30日前
    r"^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*"  # i18n-data
    r"[日号]?\s*(?:之?前)?(?:\s.*)?$"  # i18n-data
)
_YM_END = re.compile(r"^(\d{4})年(?:(\d{1,2})月)?底前?$")  # i18n-data
# 整改时限 only: 2025年5月 (the month's end), 2025年底, and with no year (今年年底前, 6月底前,
# 6月30日前: the year of the ledger's 截至 date, settled by inferred.settle_dates).
_DEADLINE_YM = re.compile(
    r"^(\d{4})年(?:(\d{1,2})月份?)?(?:年?[底末])?(?:之?前)?$"  # i18n-data
)
_THIS_YEAR = r"(?:(?:今|本|当)年)?"  # i18n-data
_YEARLESS_END = re.compile(_THIS_YEAR + r"年?[底末](?:之?前)?$")  # i18n-data
_YEARLESS_MONTH = re.compile(
    _THIS_YEAR + r"(\d{1,2})月份?(?:[底末]|(\d{1,2})[日号])?(?:之?前)?$"  # i18n-data
)
IMMEDIATE = frozenset({"立行立改", "立即整改", "立查立改", "即知即改", "边巡边改"})  # i18n-data
LONG_TERM = frozenset({"长期坚持", "长期", "持续整改", "持续推进", "长期推进"})  # i18n-data
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
OPEN_ENDED = IMMEDIATE | LONG_TERM  # 整改时限 words meaning no dated deadline


def reason_date() -> str:
    """Why a cell is not a date."""
    return t("ingest.reason.date")


def reason_date_range() -> str:
    """Why a date is implausible for a ledger."""
    return t("ingest.reason.date_range", first=FIRST_YEAR, last=LAST_YEAR)


def parse_date(value: object) -> date | Invalid | None:
    """Dates as Excel gives them (date, datetime, serial) or as text (2018年6月8日, 2018.6.8...)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _in_range(value.date(), raw_text(value))
    if isinstance(value, date):
        return _in_range(value, raw_text(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(float(value), raw_text(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text or is_blank(text):
        return None
    return _parse_date_text(text)


def _parse_date_text(text: str) -> date | Invalid:
    """Date text in the forms ledgers use; a bare number is an Excel serial or yyyymmdd."""
    try:
        if match := _YMD.match(text) or _COMPACT.match(text):
            return _in_range(date(*map(int, match.groups()[:3])), text)
        if match := _YM_END.match(text):
            year, month = int(match.group(1)), int(match.group(2) or 12)
            return _in_range(date(year, month, calendar.monthrange(year, month)[1]), text)
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return _from_serial(float(text), text)
    except ValueError:
        return Invalid(text, reason_date())
    return Invalid(text, reason_date())


def _from_serial(serial: float, raw: str) -> date | Invalid:
    """An Excel date serial (1900 system) as a date."""
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        return Invalid(raw, reason_date_range() if serial > 0 else reason_date())
    return EXCEL_EPOCH + timedelta(days=int(serial))


def _in_range(day: date, raw: str) -> date | Invalid:
    """day, unless its year is implausible for a ledger."""
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else Invalid(raw, reason_date_range())


@dataclass(frozen=True)
class YearLess:
    """A deadline written without its year (今年年底前, 6月底前): month, and day (None: the
    month's last), in the year inferred.settle_dates gives it."""

    raw: str
    month: int
    day: int | None = None

    def in_year(self, year: int) -> date | Invalid:
        """The day in year (Invalid for 2月30日)."""
        try:
            last = calendar.monthrange(year, self.month)[1]
            return date(year, self.month, self.day or last)
        except (ValueError, calendar.IllegalMonthError):
            return Invalid(self.raw, reason_date())


def parse_deadline(value: object) -> date | YearLess | Invalid | None:
    """整改时限: a date, "2018年底(前)", "2025年5月" (its last day), a day without its year
    (YearLess), or open-ended wording (立行立改, 长期坚持) meaning no dated deadline."""
    if not isinstance(value, str):
        return parse_date(value)
    text = unicodedata.normalize("NFKC", value).strip()
    if fold_key(text) in OPEN_ENDED:
        return None
    key = _SPACES.sub("", text)
    if match := _DEADLINE_YM.match(key):
        year, month = int(match.group(1)), int(match.group(2) or 12)
        if 1 <= month <= 12:
            last = calendar.monthrange(year, month)[1]
            return _in_range(date(year, month, last), text)
    if _YEARLESS_END.match(key):
        return YearLess(text, 12)
    if match := _YEARLESS_MONTH.match(key):
        month, day = int(match.group(1)), match.group(2)
        return YearLess(text, month, int(day) if day else None)
    return parse_date(value)


def deadline_kind(value: object) -> str:
    """The kind of a 整改时限 as written (codes.DEADLINE_KINDS): date, immediate, long_term,
    "" for a blank or unreadable cell."""
    parsed = parse_deadline(value)
    if isinstance(parsed, date | YearLess):
        return "date"
    key = fold_key(value) if isinstance(value, str) else ""
    return "immediate" if key in IMMEDIATE else "long_term" if key in LONG_TERM else ""
