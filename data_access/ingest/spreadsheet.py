"""Bytes of a checked upload -> the cell grids of its sheets (xlsx, xlsb, xls, ods, or CSV).

Every workbook format goes through python-calamine; formulas are never evaluated: calamine
returns a formula's cached value, and an xlsx formula without one is shown as its text
(formulas.py). A CSV is one grid, read as csv_text.py detects its encoding and separator.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import cast
from xml.parsers.expat import ExpatError

from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from data_access.ingest.csv_text import read_csv
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.formulas import sheet_parts, uncached_formulas
from data_access.ingest.ods_layout import ods_layout
from data_access.ingest.safety import FileKind
from i18n import t

# What a damaged file raises while it is read (zip members, XML, calamine's own errors).
BROKEN = (
    CalamineError,
    ExpatError,
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    EOFError,
    KeyError,
    ValueError,
    OSError,
)
Merged = tuple[int, int, int, int]  # first_row, first_col, last_row, last_col (0-based, inclusive)


@dataclass(frozen=True)
class SheetGrid:
    """One sheet: its cells from A1 (rectangular, values as calamine gives them), merged ranges."""

    name: str
    rows: list[list[object]]
    merged: tuple[Merged, ...] = ()  # sorted


@dataclass
class LoadedFile:
    """The grids of one upload, what its content really is, and notes for the user."""

    kind: FileKind
    grids: list[SheetGrid]
    notices: list[str]  # e.g. the CSV's encoding and separator, in the UI language


def load_spreadsheet(data: bytes, kind: FileKind) -> LoadedFile:
    """The sheet grids of a file check_upload has passed as kind (FileRejectedError if broken)."""
    if kind == "csv":
        table = read_csv(data)
        return LoadedFile(kind, [SheetGrid("", table.rows)], [table.notice()])
    try:
        return LoadedFile(kind, _workbook_grids(data, kind), [])
    except PasswordError as exc:  # safety.py refuses these first; calamine's own check is a net
        raise FileRejectedError(t("ingest.file.encrypted")) from exc
    except BROKEN as exc:
        raise FileRejectedError(t("ingest.file.broken")) from exc
    except BaseException as exc:
        # A damaged file can make calamine's Rust code panic: pyo3 raises PanicException,
        # which derives from BaseException so that it passes `except Exception`.
        if type(exc).__name__ != "PanicException":
            raise
        raise FileRejectedError(t("ingest.file.broken")) from exc


def _workbook_grids(data: bytes, kind: FileKind) -> list[SheetGrid]:
    """SheetGrid per visible worksheet (hidden sheets hold helper lists the user never sees)."""
    # calamine reads an .ods whole when it opens it: its layout is checked first.
    merged = ods_layout(data).merged if kind == "ods" else {}
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    names = [
        meta.name
        for meta in workbook.sheets_metadata
        if meta.typ == SheetTypeEnum.WorkSheet and meta.visible == SheetVisibleEnum.Visible
    ]
    if kind == "xlsx":
        return _xlsx_grids(data, workbook, names)
    grids = []
    for name in names:
        sheet = workbook.get_sheet_by_name(name)
        grids.append(SheetGrid(name, _cells(sheet), merged.get(name) or _calamine_merged(sheet)))
    return grids


def _cells(sheet: CalamineSheet) -> list[list[object]]:
    """The sheet's cells from A1; widened to object, as later steps fill in other values."""
    return cast("list[list[object]]", sheet.to_python(skip_empty_area=False))


def _calamine_merged(sheet: CalamineSheet) -> tuple[Merged, ...]:
    """The merged ranges calamine reports, top to bottom (xlsx and xls; none for xlsb, ods)."""
    ranges = sheet.merged_cell_ranges or []
    return tuple(sorted((top, left, bottom, right) for (top, left), (bottom, right) in ranges))


def _xlsx_grids(data: bytes, workbook: CalamineWorkbook, names: list[str]) -> list[SheetGrid]:
    """The xlsx's grids with formula text in the cells of uncached formulas.

    The formula scan inflates each sheet part a second time; it runs in a thread while
    calamine loads the sheets, as both release the GIL (time saved: docs/performance.md).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive, ThreadPoolExecutor(1) as pool:
        scan = pool.submit(_formulas_by_sheet, archive, names)
        sheets = [workbook.get_sheet_by_name(name) for name in names]
        grids = [
            SheetGrid(name, _cells(sheet), _calamine_merged(sheet))
            for name, sheet in zip(names, sheets, strict=True)
        ]
        formulas = scan.result()
    for grid in grids:
        _fill_formulas(grid.rows, formulas.get(grid.name, {}))
    return grids


def _formulas_by_sheet(
    archive: zipfile.ZipFile, names: list[str]
) -> dict[str, dict[tuple[int, int], str]]:
    """The uncached formula cells of each named sheet whose part the archive holds."""
    parts = sheet_parts(archive)
    present = set(archive.namelist())
    return {
        name: uncached_formulas(archive, parts[name])
        for name in names
        if name in parts and parts[name] in present
    }


def _fill_formulas(grid: list[list[object]], formulas: dict[tuple[int, int], str]) -> None:
    """Put formula text into the empty cells calamine returned for uncached formulas."""
    for (row, column), text in formulas.items():
        if row < len(grid) and column < len(grid[row]) and grid[row][column] == "":
            grid[row][column] = text
