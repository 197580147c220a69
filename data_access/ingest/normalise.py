"""Cell values as real ledgers write them -> clean Python values (or Invalid with a reason).

Each column is normalised per distinct value (ledgers repeat dates, names and labels), so a
100,000-row sheet costs one parse per distinct cell, not per row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from data_access.ingest.cell_dates import parse_date, parse_deadline
from data_access.ingest.cell_values import CONTROL, Invalid, is_blank, raw_text, shown
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

_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"^([+-]?\d+(?:\.\d+)?)(万)?(元)?$")  # i18n-data
_COUNT = re.compile(r"^([+-]?\d+(?:\.0+)?)(项|个|条|件|份)?$")  # i18n-data
_MONEY_NOISE = re.compile(r"[,，\s￥¥]|人民币")  # i18n-data
# Where a note starts after a status word: 已完成（已追回资金）, 整改中，预计6月完成
_NOTE_AFTER = re.compile(r"[(（\[【,，;；。:：、\s]")  # i18n-data
NOTED_FIELDS = frozenset({"status"})  # coded columns whose cells may carry a note
TEN_THOUSAND = "万"  # i18n-data: a header unit of 10k yuan (挽回损失(万元))


def _refused(text: str | None) -> str | Invalid | None:
    """text, or Invalid when it holds a control character."""
    if text is not None and CONTROL.search(text):
        return Invalid(shown(text), t("ingest.reason.control"))
    return text


def reason_yuan() -> str:
    """Why a cell is not an amount in yuan."""
    return t("ingest.reason.yuan")


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


def parse_yuan(value: object, scale: int = 1) -> int | Invalid | None:
    """Integer 元 from 12000, "12,000元", "1.2万", "3.5万元"; scale is 10000 in 万元 columns."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return Invalid(raw_text(value), reason_yuan())
    if isinstance(value, int | float):
        return _round_yuan(Decimal(repr(value)) * scale)
    text = _MONEY_NOISE.sub("", unicodedata.normalize("NFKC", str(value)))
    if is_blank(text):
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
    if is_blank(text):
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
