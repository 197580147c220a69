"""Rows of a regions sheet -> clean RegionRow values, and the problems of each single row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import pandas as pd

from data_access.ingest.cell_values import Invalid, raw_text
from data_access.ingest.errors import RowError
from data_access.ingest.normalise import clean_name
from data_access.ingest.normalise_sheet import ROW, normalise_sheet
from data_access.ingest.read import RawSheet
from data_access.regions.snapshot import CountyKey, TownshipKey, VillageKey
from i18n import t

T = TypeVar("T")
NAME_MAX = 64  # city / county / township / alias / village name columns
_ALIAS_SEPARATORS = re.compile(r"[、,，;；/／\s]+")
# Name ending -> kind; a department inspected as a unit (县民政局, 区城管局, 县卫健委,
# 区政府办) counts like a township in every figure.
KIND_BY_SUFFIX = (
    ("街道", "街道"), ("镇", "镇"), ("乡", "乡"),  # i18n-data: name endings and kinds
    ("局", "部门"), ("委", "部门"), ("办", "部门"),  # i18n-data: name endings and kinds
    ("院", "部门"), ("中心", "部门"),  # i18n-data: name endings and kinds
)  # fmt: skip
NAME_FIELDS = ("city", "county", "township", "village", "merged_into")


@dataclass(frozen=True)
class RegionRow:
    """One readable row: a township (and maybe one of its villages) with its history."""

    row: int  # Excel row number
    city: str
    county: str
    township: str
    kind: str  # 镇 / 乡 / 街道 (written, or read from the name's ending)
    kind_given: bool
    aliases: tuple[str, ...]
    village: str | None
    is_poverty_village: bool | None  # None: not written (a stored flag stays)
    valid_from: date | None
    valid_to: date | None
    merged_into: str | None

    @property
    def county_key(self) -> CountyKey:
        """(city, county)."""
        return (self.city, self.county)

    @property
    def township_key(self) -> TownshipKey:
        """(city, county, township)."""
        return (self.city, self.county, self.township)

    @property
    def village_key(self) -> VillageKey | None:
        """(city, county, township, village), or None for a township-only row."""
        return (*self.township_key, self.village) if self.village else None


class RowReporter:
    """Builds RowErrors located in the sheet as the user sees it."""

    def __init__(self, raw: RawSheet) -> None:
        """Report on raw's sheet name and headers."""
        self.raw = raw
        self.errors: list[RowError] = []
        self.positions = {row: index for index, row in enumerate(raw.row_numbers)}

    def add(self, row: int, field: str, reason: str, value: object = None) -> None:
        """One error at (row, field); value defaults to the cell as written."""
        text = self.cell(row, field) if value is None else str(value)
        self.errors.append(RowError(self.raw.name, row, self.raw.header_of(field), text, reason))

    def cell(self, row: int, field: str) -> str:
        """The cell as written in the file ("" when the column is absent)."""
        column = self.raw.columns.get(field)
        index = self.positions.get(row)
        if column is None or index is None:
            return ""
        cells = self.raw.rows[index]
        return raw_text(cells[column.index] if column.index < len(cells) else None).strip()


def split_aliases(text: object, own_name: str | None) -> tuple[str, ...]:
    """别名 cell -> names (separated by 、 , ； or spaces), without repeats or the own name."""
    if not isinstance(text, str):
        return ()
    names = (clean_name(part) for part in _ALIAS_SEPARATORS.split(text))
    # the cell passed the control-character check, so its parts are never Invalid
    return tuple(dict.fromkeys(n for n in names if isinstance(n, str) and n and n != own_name))


def kind_from_name(name: str) -> str | None:
    """镇 / 乡 / 街道 / 部门 from the end of a township-level name (None when it says none)."""
    return next((kind for suffix, kind in KIND_BY_SUFFIX if name.endswith(suffix)), None)


def read_rows(raw: RawSheet, report: RowReporter) -> list[RegionRow]:
    """The rows without errors of their own (every problem found goes to report)."""
    frame = normalise_sheet(raw)
    rows: list[RegionRow] = []
    for record in frame.to_dict("records"):
        before = len(report.errors)
        values = _clean(record)
        _check_cells(values, report)
        if len(report.errors) == before:
            rows.append(_region_row(values))
    return rows


def _clean(record: dict[str, object]) -> dict[str, object]:
    """Names without spaces, blanks as None; unreadable cells stay Invalid."""
    values = {key: (None if _blank(value) else value) for key, value in record.items()}
    for field in NAME_FIELDS:
        if isinstance(values.get(field), str):
            values[field] = clean_name(values[field])
    return values


def _blank(value: object) -> bool:
    """True for None / NaN (a blank cell)."""
    return value is None or (not isinstance(value, Invalid | str) and pd.isna(value))


def _check_cells(values: dict[str, object], report: RowReporter) -> None:
    """Every problem of one row on its own: unreadable, missing, too long, out of order."""
    row = _row_number(values)
    for field, value in values.items():
        if isinstance(value, Invalid):
            report.add(row, field, value.reason, value.raw)
    for field in ("city", "county", "township"):
        if values.get(field) is None:
            report.add(row, field, t("ingest.reason.required"))
    for field in (*NAME_FIELDS, "aliases"):
        names = split_aliases(values.get(field), None) if field == "aliases" else [values[field]]
        if any(isinstance(n, str) and len(n) > NAME_MAX for n in names):
            report.add(row, field, t("ingest.reason.too_long", max=NAME_MAX))
    _check_township(values, report, row)


def _check_township(values: dict[str, object], report: RowReporter, row: int) -> None:
    """Kind, dates, merge and the poverty flag of one row."""
    name = values.get("township")
    if isinstance(name, str) and values.get("kind") is None and kind_from_name(name) is None:
        report.add(row, "kind", t("regions.reason.kind_missing"))
    start, end = values.get("valid_from"), values.get("valid_to")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        report.add(row, "valid_to", t("regions.reason.valid_to_before_from"))
    merged = values.get("merged_into")
    if isinstance(merged, str) and values.get("valid_to") is None:
        report.add(row, "valid_to", t("regions.reason.merge_needs_date"), "")
    if isinstance(merged, str) and merged == name:
        report.add(row, "merged_into", t("regions.reason.self_merge"))
    if values.get("is_poverty_village") is True and values.get("village") is None:
        report.add(row, "is_poverty_village", t("regions.reason.poverty_needs_village"))


def _region_row(values: dict[str, object]) -> RegionRow:
    """A RegionRow of one checked row."""
    township = str(values["township"])
    kind = values.get("kind")
    return RegionRow(
        row=_row_number(values),
        city=str(values["city"]),
        county=str(values["county"]),
        township=township,
        kind=str(kind or kind_from_name(township)),
        kind_given=kind is not None,
        aliases=split_aliases(values.get("aliases"), township),
        village=_optional(values.get("village"), str),
        is_poverty_village=_optional(values.get("is_poverty_village"), bool),
        valid_from=_optional(values.get("valid_from"), date),
        valid_to=_optional(values.get("valid_to"), date),
        merged_into=_optional(values.get("merged_into"), str),
    )


def _row_number(values: dict[str, object]) -> int:
    """The Excel row number normalise_sheet keeps in the ROW column."""
    row = values[ROW]
    if not isinstance(row, int):
        raise TypeError(f"row number {row!r}")
    return row


def _optional(value: object, kind: type[T]) -> T | None:
    """A checked row's cell as its type (the parsers gave it), or None for a blank."""
    return value if isinstance(value, kind) else None
