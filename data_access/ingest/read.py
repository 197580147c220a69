"""Raw sheets out of an xlsx (python-calamine) or a CSV (UTF-8, UTF-8 BOM, GBK/GB18030).

A sheet is located by name or, failing that, by its headers; the header row is found below
merged title rows; the values stay raw (normalise.py cleans them).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from operator import itemgetter

from data_access.codes import LabelMap
from data_access.ingest.columns import (
    ALL_SHEETS,
    INSTRUCTIONS_SHEET,
    SHEETS,
    ColumnSpec,
    SheetSpec,
    is_other_family,
    match_column,
    match_sheet,
    normalise_header,
)
from data_access.ingest.errors import FileRejectedError, joined
from data_access.ingest.safety import FileKind
from data_access.ingest.xlsx import xlsx_grids
from i18n import t

HEADER_SCAN_ROWS = 15
CANONICAL_HEADERS = frozenset(
    normalise_header(column.header) for sheet in ALL_SHEETS for column in sheet.columns
)
MIN_HEADER_MATCHES = 2
# The column a header row must contain for each sheet (accountability codes may be derived).
KEY_FIELDS = {"problems": "code", "accountability": "person_name", "leads": "code"}
KEY_FIELDS["regions"] = "township"  # the regions sheet (data_access.regions)
TOTAL_WORDS = frozenset({"合计", "总计", "小计", "合计:"})  # i18n-data: total-row words
_TOTAL = re.compile("合|总|小")  # i18n-data: matches total-row words
ENCODING_LABELS = LabelMap("encoding", ("utf-8-sig", "utf-8", "gb18030"), area="ingest")


@dataclass(frozen=True)
class SourceColumn:
    """A recognised column of the file: its field, header as written, unit and position."""

    spec: ColumnSpec
    header: str
    unit: str
    index: int


@dataclass
class RawSheet:
    """One ledger sheet as read: recognised columns and data rows with Excel row numbers."""

    name: str  # as in the file
    spec: SheetSpec
    header_row: int  # Excel row number of the header
    columns: dict[str, SourceColumn]  # field -> column
    rows: list[list[object]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)  # 合计 rows

    def values(self, field_name: str) -> list[object]:
        """The raw cells of one recognised column, one per data row."""
        return list(map(itemgetter(self.columns[field_name].index), self.rows))

    def header_of(self, field_name: str) -> str:
        """The header as written in the file (the canonical one if the column is absent)."""
        column = self.columns.get(field_name)
        return column.header if column else self.spec.column(field_name).header


@dataclass
class RawWorkbook:
    """Every ledger sheet found in a file, plus notes for the user."""

    sheets: list[RawSheet]
    notices: list[str]
    missing: list[str]  # names of sheets with data but no recognisable header row


def decode_csv(data: bytes) -> tuple[str, str]:
    """The CSV text and its encoding: BOM -> utf-8-sig, strict UTF-8, strict GB18030, or refuse."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding, errors="strict"), encoding
        except UnicodeDecodeError:
            continue
    raise FileRejectedError(t("ingest.file.encoding"))


def csv_rows(data: bytes) -> tuple[list[list[object]], str]:
    """The rows of a CSV (comma, tab or semicolon separated, as detected) and its encoding."""
    text, encoding = decode_csv(data)
    rows = [list(row) for row in csv.reader(io.StringIO(text), delimiter=csv_delimiter(text))]
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows], encoding  # rectangular


def csv_delimiter(text: str) -> str:
    """The separator used most in the first lines (comma on a tie): predictable, unlike sniffing."""
    head = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS])
    return max((",", "\t", ";"), key=head.count)


def read_workbook(
    data: bytes, kind: FileKind, sheets: tuple[SheetSpec, ...] = SHEETS
) -> RawWorkbook:
    """The sheets of one family (the ledger's, or the regions sheet) of a checked upload.

    A sheet of the other family (the template holds both) is skipped without a notice.
    """
    book = RawWorkbook([], [], [])
    if kind == "csv":
        rows, encoding = csv_rows(data)
        grids = [(sheets[0].name, rows)]
        specs_by_name = {sheets[0].name: sheets[0]}  # a CSV holds only the first sheet
        book.notices.append(t("ingest.notice.csv_encoding", encoding=ENCODING_LABELS[encoding]))
    else:
        grids = xlsx_grids(data)
        specs_by_name = {name: match_sheet(name, sheets) for name, _grid in grids}
    taken: dict[str, str] = {}  # sheet key -> name of the sheet that supplied it
    for name, grid in grids:
        if normalise_header(name) == INSTRUCTIONS_SHEET or is_other_family(name, sheets):
            continue  # the template's own instructions table names every column
        spec = specs_by_name.get(name)
        sheet = _locate(name, grid, spec, taken, sheets)
        if sheet is None:
            if kind == "xlsx":
                _note_unused_sheet(book, name, grid, spec, taken)
            continue
        taken[sheet.spec.key] = name
        _fill_rows(sheet, grid)
        book.sheets.append(sheet)
        book.notices.extend(_sheet_notices(sheet))
    return book


def _note_unused_sheet(
    book: RawWorkbook,
    name: str,
    grid: list[list[object]],
    spec: SheetSpec | None,
    taken: dict[str, str],
) -> None:
    """Say why a worksheet is not read: a duplicate, no header row, or not a ledger sheet."""
    if spec is not None and spec.key in taken:
        book.notices.append(t("ingest.notice.duplicate_sheet", name=name, other=taken[spec.key]))
    elif spec is not None and _has_content(grid):
        book.missing.append(name)
    elif _has_content(grid):
        book.notices.append(t("ingest.notice.unknown_sheet", name=name))


def _locate(
    name: str,
    grid: list[list[object]],
    spec: SheetSpec | None,
    taken: dict[str, str],
    sheets: tuple[SheetSpec, ...],
) -> RawSheet | None:
    """The sheet in grid: by its name's spec, else the spec of sheets whose headers fit best."""
    candidates = [spec] if spec else sheets
    found = [
        sheet
        for candidate in candidates
        if candidate.key not in taken and (sheet := find_header(name, grid, candidate))
    ]
    return max(found, key=lambda sheet: len(sheet.columns), default=None)


def find_header(name: str, grid: list[list[object]], spec: SheetSpec) -> RawSheet | None:
    """The row among the first rows matching most headers of spec (its key column included)."""
    best: RawSheet | None = None
    for row_index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        columns, ignored = match_header_row(spec, row)
        if KEY_FIELDS[spec.key] not in columns or len(columns) < MIN_HEADER_MATCHES:
            continue
        if best is None or len(columns) > len(best.columns):
            best = RawSheet(name, spec, row_index + 1, columns, ignored_headers=ignored)
    return best


def match_header_row(
    spec: SheetSpec, row: list[object]
) -> tuple[dict[str, SourceColumn], list[str]]:
    """Recognised columns of a candidate header row and the headers left unused.

    When two headers name one field, the canonical header wins over a variant (a sheet with
    both 编号 and 问题编号 reads 问题编号), else the first one.
    """
    columns: dict[str, SourceColumn] = {}
    ignored: list[str] = []
    for index, cell in enumerate(row):
        header = str(cell).strip() if cell is not None else ""
        column, unit = match_column(spec, header) if header else (None, "")
        if column is None:
            ignored.extend([header] if header else [])
            continue
        taken = columns.get(column.field)
        if taken is not None and not (_is_canonical(header) and not _is_canonical(taken.header)):
            ignored.append(header)
            continue
        if taken is not None:
            ignored.append(taken.header)
        columns[column.field] = SourceColumn(column, header, unit, index)
    return columns, ignored


def _is_canonical(header: str) -> bool:
    """True when header is the template's own spelling of a column."""
    return normalise_header(header) in CANONICAL_HEADERS


def _fill_rows(sheet: RawSheet, grid: list[list[object]]) -> None:
    """Data rows below the header: blank rows dropped, 合计 rows skipped."""
    cells_of = itemgetter(*(column.index for column in sheet.columns.values()))
    key_index = sheet.columns[KEY_FIELDS[sheet.spec.key]].index
    for row_index in range(sheet.header_row, len(grid)):
        row = grid[row_index]
        key = row[key_index]
        # Nearly every row has a key that no total word could be: it needs none of the
        # per-cell checks (they were a third of the read step's Python time at 100,000 rows).
        if not (type(key) is str and key.strip() and not _TOTAL.search(key)):
            if not _row_has_content(cells_of(row)):
                continue
            if _is_total_row(row, key_index):
                sheet.skipped_rows.append(row_index + 1)
                continue
        sheet.rows.append(row)
        sheet.row_numbers.append(row_index + 1)


def _row_has_content(cells: tuple[object, ...] | list[object]) -> bool:
    """True when any cell holds something other than blanks."""
    if not any(cells):  # C-speed pass: every cell "", None, 0 or False
        return any(c is not None and c != "" for c in cells)
    return any(c.strip() if isinstance(c, str) else c is not None for c in cells)


def _has_content(grid: list[list[object]]) -> bool:
    """True when a sheet holds any non-blank cell."""
    return any(_row_has_content(row) for row in grid)


def _is_total_row(row: list[object], key_index: int) -> bool:
    """A 合计/总计 line: no key, and a cell saying total."""
    key = row[key_index]
    if key is not None and key != "":
        return isinstance(key, str) and bool(_TOTAL.search(key)) and _is_total_word(key)
    return any(isinstance(c, str) and _is_total_word(c) for c in row)


def _is_total_word(text: str) -> bool:
    """合计 / 总计 / 小计 (spaces and full-width colon allowed)."""
    return normalise_header(text) in TOTAL_WORDS


def _sheet_notices(sheet: RawSheet) -> list[str]:
    """Notes about ignored columns and skipped total rows of one sheet."""
    notices = []
    if sheet.ignored_headers:
        names = joined(t("ingest.quoted", text=h) for h in sheet.ignored_headers)
        notices.append(t("ingest.notice.ignored_columns", sheet=sheet.name, names=names))
    if sheet.skipped_rows:
        rows = joined(sheet.skipped_rows)
        notices.append(t("ingest.notice.total_rows", sheet=sheet.name, rows=rows))
    return notices
