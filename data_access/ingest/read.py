"""Raw sheets out of the grids of an upload (spreadsheet.py: any workbook format, or a CSV).

Every sheet is read as offices lay it out (layout.py, rows.py): the header may sit under
title rows and span two rows, its columns are recognised by their words (recognise.py, or
the uploader's mapping), and the rows under it are sorted into data, section headings,
totals and footnotes. Any number of sheets may hold one kind of ledger (one per 巡察组).
Values stay raw (normalise.py cleans them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from data_access.ingest.columns import (
    INSTRUCTIONS_SHEET,
    SHEETS,
    ColumnSpec,
    SheetSpec,
    is_other_family,
    match_sheet,
    normalise_header,
)
from data_access.ingest.layout import HEADER_SCAN_ROWS, HeaderCell, fill_merged, title_as_of
from data_access.ingest.read_header import Header, header_signature, locate_header
from data_access.ingest.recognise import Guess
from data_access.ingest.rows import SheetRows, classify
from data_access.ingest.safety import FileKind
from data_access.ingest.spreadsheet import SheetGrid, load_spreadsheet
from data_access.ingest.summary_sheet import SummaryTable, is_summary_header, summary_table

__all__ = ["HEADER_SCAN_ROWS", "RawSheet", "RawWorkbook", "SourceColumn", "read_workbook"]
Mapping = dict[str, str | None]  # folded header label -> field (None: not imported)


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
    header_row: int  # Excel row number of the (lowest) header row
    columns: dict[str, SourceColumn]  # field -> column
    # Tuples, not the reader's lists: the cycle collector stops tracking a tuple of plain
    # values, and a full collection no longer walks 100,000 rows (docs/performance.md).
    rows: list[tuple[object, ...]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)  # recognised as nothing
    chosen_out: list[str] = field(default_factory=list)  # the uploader's "not imported"
    skipped_rows: list[int] = field(default_factory=list)  # 合计 rows
    footnotes: list[int] = field(default_factory=list)
    sections: list[tuple[str, ...]] = field(default_factory=list)  # per data row
    headings: dict[int, str] = field(default_factory=dict)  # Excel row -> section heading
    guesses: list[Guess] = field(default_factory=list)  # every header and its proposal
    signature: str = ""  # the header's fingerprint, the key of a saved mapping
    title: str = ""
    ignored_with_data: list[str] = field(default_factory=list)  # unrecognised, with values
    codes_derived: bool = False  # no 问题编号 column: codes made by keys.py's rule

    def values(self, field_name: str) -> list[object]:
        """The raw cells of one recognised column, one per data row."""
        return list(map(itemgetter(self.columns[field_name].index), self.rows))

    def header_of(self, field_name: str) -> str:
        """The header as written in the file (the canonical one if the column is absent)."""
        column = self.columns.get(field_name)
        return column.header if column else self.spec.column(field_name).header

    @property
    def ambiguous(self) -> list[Guess]:
        """Headers two fields fit equally well, that no mapping has settled."""
        return [g for g in self.guesses if g.ambiguous and g.field in self.columns]


@dataclass
class RawWorkbook:
    """Every ledger sheet found in a file, plus notes for the user."""

    sheets: list[RawSheet]
    notices: list[str]
    missing: list[str]  # names of sheets with data but no recognisable header row
    as_of: date | None = None  # the 截至 date a title row states, else None
    unread: list[str] = field(default_factory=list)  # sheets with data that are not read
    summaries: list[SummaryTable] = field(default_factory=list)  # counts, rates per unit


def read_workbook(
    data: bytes,
    kind: FileKind,
    sheets: tuple[SheetSpec, ...] = SHEETS,
    mapping: Mapping | None = None,
    saved: dict[str, Mapping] | None = None,
) -> RawWorkbook:
    """The sheets of one family (the ledger's, or the regions sheet) of a checked upload.

    mapping: the uploader's choices for headers; saved: mappings by header signature,
    applied by themselves to a sheet whose header they fit. A sheet of the other family
    (the template holds both) is skipped without a notice.
    """
    loaded = load_spreadsheet(data, kind)
    book = RawWorkbook([], list(loaded.notices), [])
    for grid in loaded.grids:
        name = grid.name or sheets[0].name  # a CSV's one grid has no name
        if normalise_header(name) == INSTRUCTIONS_SHEET or is_other_family(name, sheets):
            continue  # the template's own instructions table names every column
        _read_grid(book, name, grid, sheets, Choices(mapping or {}, saved or {}))
    return book


@dataclass(frozen=True)
class Choices:
    """The uploader's mapping and the saved ones, looked up per sheet."""

    mapping: Mapping
    saved: dict[str, Mapping]


def _read_grid(
    book: RawWorkbook, name: str, grid: SheetGrid, sheets: tuple[SheetSpec, ...], choices: Choices
) -> None:
    """Read one grid into book: a ledger sheet, a summary, or a sheet not read."""
    rows = grid.rows
    if not _has_content(rows):
        return
    fill_merged(rows, grid.merged)
    named = match_sheet(name, sheets)
    candidates = [named] if named else list(sheets)
    header = _best_header(rows, grid, candidates, choices)
    if header is None:
        if not grid.name:
            return  # a CSV without a ledger header: no ledger in the file at all
        if is_summary_header(rows[:HEADER_SCAN_ROWS]):
            book.summaries.append(summary_table(name, rows))
        elif named is not None:
            book.missing.append(name)
        else:
            book.unread.append(name)
        return
    sheet = _sheet(name, rows, header)
    title, as_of = title_as_of(rows, header.top)
    sheet.title = title
    book.as_of = book.as_of or as_of
    book.sheets.append(sheet)


def _best_header(
    rows: list[list[object]], grid: SheetGrid, specs: list[SheetSpec], choices: Choices
) -> Header | None:
    """The header that names most fields of any candidate sheet kind, key field included."""
    found = [
        header
        for spec in specs
        if (header := locate_header(rows, grid.merged, spec, choices.mapping, choices.saved))
    ]
    return max(found, key=lambda header: header.weight, default=None)


def _sheet(name: str, rows: list[list[object]], header: Header) -> RawSheet:
    """The RawSheet of a located header: columns, and the rows under it by kind."""
    columns = {
        field_name: SourceColumn(header.spec.column(field_name), g.cell.label, g.unit, g.cell.index)
        for field_name, g in header.assigned.items()
    }
    sheet = RawSheet(name, header.spec, header.top + header.depth, columns)
    sheet.guesses, sheet.signature = header.guesses, header_signature(header.cells)
    sheet.chosen_out = header.chosen_out
    found = classify(rows, header.top + header.depth, sorted(c.index for c in columns.values()))
    _take_rows(sheet, rows, found)
    taken = {column.index for column in columns.values()}
    unused = [g.cell for g in header.guesses if g.cell.index not in taken]
    sheet.ignored_headers = [c.label for c in unused if c.label not in header.chosen_out]
    sheet.ignored_with_data = [
        c.label for c in unused if c.label not in header.chosen_out and _column_has(found, rows, c)
    ]
    return sheet


def _take_rows(sheet: RawSheet, rows: list[list[object]], found: SheetRows) -> None:
    """Data rows (padded to the header's width) and their context into sheet."""
    width = max((c.index for c in sheet.columns.values()), default=0) + 1
    for index in found.data:
        row = rows[index]
        sheet.rows.append((*row, *[None] * (width - len(row))))
        sheet.row_numbers.append(index + 1)
    sheet.sections = found.sections
    sheet.headings = found.headings
    sheet.skipped_rows = found.totals
    sheet.footnotes = found.footnotes


def _column_has(found: SheetRows, rows: list[list[object]], cell: HeaderCell) -> bool:
    """True when any data row holds a value in the column of cell."""
    index = cell.index
    return any(index < len(rows[r]) and rows[r][index] not in (None, "") for r in found.data)


def _has_content(grid: list[list[object]]) -> bool:
    """True when a sheet holds any non-blank cell."""
    return any(c not in (None, "") and str(c).strip() for row in grid for c in row)
