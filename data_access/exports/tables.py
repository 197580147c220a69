"""Table exports as CSV (UTF-8 with BOM) and XLSX that start with their header row.

A file reads straight into pandas.read_csv / read_excel and Excel's table import: the first
row is the header. What was filtered, by whom and when goes to a second sheet (说明) of the
XLSX and, for the CSV, into its file name (csv_file_stem).

Text cells go through the one formula-injection escape (data_access.ingest.cell_text), so
no cell ever runs as a formula in a spreadsheet; numbers, negative ones included, stay
numbers. Name columns are shown as the role may see them (masked without see_full_names).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from numbers import Number
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter

from data_access.exports.ledger import display_width
from data_access.formatting import format_time, to_local
from data_access.ingest.cell_text import escape_text
from data_access.roles import display_name_for
from i18n import t

SHEET_NAME_CHARS = 31  # Excel's limit
FILE_NAME_FORBIDDEN = str.maketrans(dict.fromkeys('\\/:*?"<>|', "_"))
CHIP_NAME_SEPARATOR = re.compile("：|: ")  # "乡镇：藕山镇" -> "乡镇-藕山镇"
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
MIN_WIDTH, MAX_WIDTH = 8, 60
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class TableExport:
    """One table ready to write: title, the header block lines, headers and typed cells."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]  # cells from cell_value: None, number, date, datetime, str
    filters: Sequence[str] = ()  # e.g. "乡镇：枞阳镇、藕山镇"
    notes: Sequence[str] = ()  # further lines of the header block (demo notice, masking)
    exported_at: datetime | None = None
    number_formats: Mapping[int, str] = field(default_factory=dict)  # column -> xlsx format

    def header_block(self) -> list[str]:
        """The lines above the table: title, filters, export time, notes."""
        lines = [self.title, filter_line(self.filters)]
        if self.exported_at is not None:
            lines.append(t("download.exported_at", time=format_time(self.exported_at)))
        return [*lines, *self.notes]


def filter_line(filters: Sequence[str]) -> str:
    """ "筛选条件：…" with the filters, or "全部（未筛选）", in the UI language."""
    joined = t("download.semicolon").join(filters)
    return t("download.filter_line", filters=joined or t("download.unfiltered"))


def cell_value(value: Any, *, escape: bool = True) -> Any:
    """A cell as written: None, a number, a date/datetime, or text (escaped for spreadsheets)."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, bool | np.bool_):
        return t("queries.yes") if value else t("queries.no")
    if isinstance(value, Number):
        number = value.item() if hasattr(value, "item") else value
        return None if isinstance(number, float) and math.isnan(number) else number
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        if value.tzinfo is not None:  # spreadsheets have no time zones: the office's time
            value = to_local(value).replace(tzinfo=None)
        return value
    if isinstance(value, date):
        return value
    return escape_text(str(value)) if escape else str(value)


def table_export(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    *,
    title: str,
    filters: Sequence[str] = (),
    notes: Sequence[str] = (),
    role: str | None = None,
    name_columns: Sequence[str] = (),
    exported_at: datetime | None = None,
    number_formats: Mapping[str, str] | None = None,
    escape: bool = True,
) -> TableExport:
    """frame's columns (field -> header, in that order) as a TableExport.

    The values of name_columns are shown as role may see them: data_access already masks
    them for the screen; masking again here keeps any other source from leaking names.
    escape=False keeps text as it is, for documents no spreadsheet opens (the briefing).
    """
    present = [name for name in columns if name in frame.columns]
    shown = frame[present].copy()
    for name in (n for n in name_columns if n in shown.columns):
        shown[name] = [display_name_for(role, str(v)) if _filled(v) else v for v in shown[name]]
    records = shown.itertuples(index=False, name=None)
    rows = [[cell_value(value, escape=escape) for value in record] for record in records]
    formats = number_formats or {}
    return TableExport(
        title=title,
        headers=[columns[name] for name in present],
        rows=rows,
        filters=tuple(filters),
        notes=tuple(notes),
        exported_at=exported_at,
        number_formats={i: formats[n] for i, n in enumerate(present) if n in formats},
    )


def _filled(value: Any) -> bool:
    """True for a value that is not None or NaN."""
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _csv_text(value: Any) -> str:
    """A written cell as CSV text (dates ISO, nothing for None)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_table_csv(table: TableExport) -> bytes:
    """CSV for Excel: BOM, the header row, the rows (the context goes to the file name)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([escape_text(header) for header in table.headers])
    for row in table.rows:
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def sheet_name(title: str) -> str:
    """A valid worksheet name from a title (no []:*?/\\, at most 31 characters)."""
    name = title.translate(SHEET_NAME_FORBIDDEN).strip() or t("download.sheet_name")
    return name[:SHEET_NAME_CHARS]


def write_table_xlsx(table: TableExport) -> bytes:
    """An xlsx workbook: the table (header on row 1, frozen, filtered), then a 说明 sheet."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    _write_table_sheet(workbook, table)
    about = workbook.add_worksheet(sheet_name(t("download.about_sheet")))
    bold = workbook.add_format({"bold": True})
    for row, line in enumerate(table.header_block()):
        about.write_string(row, 0, escape_text(line), bold if row == 0 else None)
    about.set_column(0, 0, MAX_WIDTH)
    workbook.close()
    return buffer.getvalue()


def _write_table_sheet(workbook: Any, table: TableExport) -> None:
    """The data sheet: header row first, typed cells, widths, frozen header, autofilter."""
    sheet = workbook.add_worksheet(sheet_name(table.title))
    header_format = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    top = 0
    for col, header in enumerate(table.headers):
        sheet.write_string(top, col, escape_text(header), header_format)
    formats = _cell_formats(workbook, table)
    for offset, values in enumerate(table.rows, start=1):
        for col, value in enumerate(values):
            _write_cell(sheet, top + offset, col, value, formats)
    for col, header in enumerate(table.headers):
        sheet.set_column(col, col, _width(header, [row[col] for row in table.rows]))
    sheet.freeze_panes(top + 1, 0)
    if table.headers:
        sheet.autofilter(top, 0, top + max(len(table.rows), 1), len(table.headers) - 1)


def csv_file_stem(
    title: str, filters: Sequence[str], who: str, moment: datetime, limit: int = 150
) -> str:
    """A CSV's file name stem carrying its context: title, filters, by whom, when.

    "问题清单_乡镇-藕山镇_viewer_20261128-1256"; characters file systems refuse become "_",
    and long filter texts are cut so the name stays under limit characters.
    """
    context = "_".join(CHIP_NAME_SEPARATOR.sub("-", text) for text in filters) or t(
        "download.unfiltered_short"
    )
    stamp = to_local(moment).strftime("%Y%m%d-%H%M")
    head = f"{title}_{context}"
    tail = f"_{who}_{stamp}"
    name = head[: max(len(title), limit - len(tail))] + tail
    return name.translate(FILE_NAME_FORBIDDEN).replace(" ", "")


def _cell_formats(workbook: Any, table: TableExport) -> dict[Any, Any]:
    """Date formats and each column's number format (xlsxwriter de-duplicates formats)."""
    formats: dict[Any, Any] = {
        "date": workbook.add_format({"num_format": DATE_FORMAT}),
        "datetime": workbook.add_format({"num_format": DATETIME_FORMAT}),
    }
    for col, number_format in table.number_formats.items():
        formats[col] = workbook.add_format({"num_format": number_format})
    return formats


def _write_cell(sheet: Any, row: int, col: int, value: Any, formats: dict) -> None:
    """One typed cell; strings are already escaped by cell_value."""
    if value is None:
        return
    if isinstance(value, datetime):
        sheet.write_datetime(row, col, value, formats["datetime"])
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, formats["date"])
    elif isinstance(value, Number):
        sheet.write_number(row, col, value, formats.get(col))
    else:
        sheet.write_string(row, col, str(value))


def _width(header: str, values: list[Any]) -> int:
    """A column width fitting the header and most values (CJK characters count two)."""
    sample = [display_width(_csv_text(value)) for value in values[:500]]
    return max(MIN_WIDTH, min(MAX_WIDTH, max([display_width(header), *sample]) + 2))
