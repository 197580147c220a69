"""Cell values as real ledgers write them -> clean Python values (or Invalid with a reason).

Each column is normalised per distinct value (ledgers repeat dates, names and labels), so a
100,000-row sheet costs one parse per distinct cell, not per row.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from data_access.ingest.columns import ColumnSpec
from data_access.ingest.distinct import batched
from data_access.ingest.errors import joined
from data_access.ingest.synonyms import (
    BLANK_WORDS,
    FALSE_WORDS,
    NO,
    TRUE_WORDS,
    YES,
    code_lookup,
    fold_key,
)
from data_access.ingest.widths import halfwidth, halfwidth_many
from i18n import t

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 in Excel's 1900 date system
FIRST_YEAR, LAST_YEAR = 1990, 2100
SERIAL_RANGE = (
    (date(FIRST_YEAR, 1, 1) - EXCEL_EPOCH).days,
    (date(LAST_YEAR, 12, 31) - EXCEL_EPOCH).days,
)
_SPACES = re.compile(r"\s+")
# C0 and C1 control characters (NUL, backspace, escape, DEL …): no ledger text holds them, and
# PostgreSQL refuses NUL in text. Tab, line feed and carriage return are ordinary in cells.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
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
_NUMBER = re.compile(r"^([+-]?\d+(?:\.\d+)?)(万)?(元)?$")  # i18n-data
_COUNT = re.compile(r"^([+-]?\d+(?:\.0+)?)(项|个|条|件|份)?$")  # i18n-data
_MONEY_NOISE = re.compile(r"[,，\s￥¥]|人民币")  # i18n-data
# Where a note starts after a status word: 已完成（已追回资金）, 整改中，预计6月完成
_NOTE_AFTER = re.compile(r"[(（\[【,，;；。:：、\s]")  # i18n-data
NOTED_FIELDS = frozenset({"status"})  # coded columns whose cells may carry a note
OPEN_ENDED = IMMEDIATE | LONG_TERM  # 整改时限 words meaning no dated deadline
TEN_THOUSAND = "万"  # i18n-data: a header unit of 10k yuan (挽回损失(万元))


def reason_date() -> str:
    """Why a cell is not a date."""
    return t("ingest.reason.date")


def reason_date_range() -> str:
    """Why a date is implausible for a ledger."""
    return t("ingest.reason.date_range", first=FIRST_YEAR, last=LAST_YEAR)


def shown(text: str) -> str:
    """text with each control character as a visible code (NUL as \\x00), for messages."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found[0]):02x}", text)


def _refused(text: str | None) -> str | Invalid | None:
    """text, or Invalid when it holds a control character."""
    if text is not None and _CONTROL.search(text):
        return Invalid(shown(text), t("ingest.reason.control"))
    return text


def reason_yuan() -> str:
    """Why a cell is not an amount in yuan."""
    return t("ingest.reason.yuan")


@dataclass(frozen=True)
class Invalid:
    """A cell that could not be read: the text as written and why (in the UI language)."""

    raw: str
    reason: str


def is_invalid(value: object) -> bool:
    """True for an Invalid marker."""
    return isinstance(value, Invalid)


def raw_text(value: object) -> str:
    """A cell as the user sees it (1.0 -> "1", dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, Invalid):
        return value.raw
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _cell_text(value: object) -> str:
    """A cell as text before cleaning (a boolean as 是/否)."""
    if isinstance(value, bool):
        return YES if value else NO
    return raw_text(value)


def clean_texts(values: Sequence[object]) -> list[str | Invalid | None]:
    """clean_text of each value, the half-width mapping done for all of them at once."""
    texts = halfwidth_many([v if type(v) is str else _cell_text(v) for v in values])
    return [_refused(text.strip() or None) for text in texts]


@batched(clean_texts)
def clean_text(value: object) -> str | Invalid | None:
    """Free text: half-width digits and letters, trimmed; blank -> None; Invalid when it
    holds a control character."""
    return _refused(halfwidth(_cell_text(value)).strip() or None)


def _without_spaces(text: str | Invalid | None) -> str | Invalid | None:
    """text with no whitespace left inside (None and Invalid stay as they are)."""
    return _SPACES.sub("", text) if isinstance(text, str) and text else text


def _as_code(text: str | Invalid | None) -> str | Invalid | None:
    """text as an identifier: NFKC, no whitespace (None and Invalid stay as they are)."""
    if not isinstance(text, str) or not text:
        return text
    if text.isascii() and text.isprintable() and " " not in text:
        return text  # NFKC keeps ASCII as it is, and there is no whitespace to take out
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


@batched(lambda values: [_without_spaces(text) for text in clean_texts(values)])
def clean_name(value: object) -> str | Invalid | None:
    """A name (township, village, group, person): clean text without inner spaces."""
    return _without_spaces(clean_text(value))


@batched(lambda values: [_as_code(text) for text in clean_texts(values)])
def clean_code(value: object) -> str | Invalid | None:
    """An identifier such as 问题编号: NFKC (full-width －／ too), no spaces."""
    return _as_code(clean_text(value))


def _blank(text: str) -> bool:
    """True for cells that mean "nothing" (无, /, -)."""
    return fold_key(text) in BLANK_WORDS


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
    if not text or _blank(text):
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


def parse_yuan(value: object, scale: int = 1) -> int | Invalid | None:
    """Integer 元 from 12000, "12,000元", "1.2万", "3.5万元"; scale is 10000 in 万元 columns."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return Invalid(raw_text(value), reason_yuan())
    if isinstance(value, int | float):
        return _round_yuan(Decimal(repr(value)) * scale)
    text = _MONEY_NOISE.sub("", unicodedata.normalize("NFKC", str(value)))
    if _blank(text):
        return None
    match = _NUMBER.match(text)
    if match is None:
        return Invalid(str(value).strip(), reason_yuan())
    number, wan, yuan = match.groups()
    factor = 10_000 if wan else (1 if yuan else scale)
    return _round_yuan(Decimal(number) * factor)


def _round_yuan(amount: Decimal) -> int | Invalid:
    """Round half up to whole 元."""
    try:
        return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return Invalid(str(amount), reason_yuan())


def parse_int(value: object) -> int | Invalid | None:
    """A count such as 完善制度数: 3, "3项", "３"; fractions are invalid."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            return int(value)
        return Invalid(raw_text(value), t("ingest.reason.int"))
    text = _SPACES.sub("", unicodedata.normalize("NFKC", str(value)))
    if _blank(text):
        return None
    match = _COUNT.match(text)
    if match is None:
        return Invalid(str(value).strip(), t("ingest.reason.int"))
    return int(float(match.group(1)))


def parse_bool(value: object) -> bool | Invalid | None:
    """是/否, √/×, Y/N, 1/0 (and Excel booleans); blank -> None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    key = fold_key(raw_text(value))
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    if key in BLANK_WORDS:
        return None
    return Invalid(raw_text(value).strip(), t("ingest.reason.bool"))


def code_parser(spec: ColumnSpec) -> Callable[[object], object]:
    """A parser for one coded column: labels, codes and synonyms -> code."""
    lookup = code_lookup(spec)
    choices = joined(spec.workbook_labels().values())
    reason = t("ingest.reason.code", column=spec.header, choices=choices)
    noted = spec.field in NOTED_FIELDS

    def parse(value: object) -> object:
        """The code a cell names, None when blank, else Invalid."""
        text = raw_text(value).strip()
        if not text:
            return None
        key = fold_key(text)
        if key in lookup:
            return lookup[key]
        if noted and (head := fold_key(_NOTE_AFTER.split(text, maxsplit=1)[0])) in lookup:
            return lookup[head]
        return None if key in BLANK_WORDS else Invalid(text, reason)

    return parse


def parser_for(spec: ColumnSpec, unit: str = "") -> Callable[[object], object]:
    """The normaliser of one column given its kind (and its header's unit, for 万元)."""
    if spec.kind == "date":
        return parse_deadline if spec.field == "deadline" else parse_date
    if spec.kind == "yuan":
        scale = 10_000 if TEN_THOUSAND in unit else 1
        return lambda value: parse_yuan(value, scale)
    if spec.kind == "int":
        return parse_int
    if spec.kind == "bool":
        return parse_bool
    if spec.kind == "code":
        return code_parser(spec)
    if spec.field in ("code", "problem_code"):
        return clean_code
    if spec.field in ("township", "village", "group", "round", "person_name"):
        return clean_name
    return clean_text
