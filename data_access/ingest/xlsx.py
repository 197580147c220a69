"""The cell grids of an xlsx's visible worksheets (python-calamine), formula text included.

Formulas are never evaluated: calamine returns a formula's cached value, and a formula
without one is shown as its text (formulas.py).
"""

from __future__ import annotations

import io
import zipfile
from concurrent.futures import ThreadPoolExecutor

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from data_access.ingest.errors import FileRejectedError
from data_access.ingest.formulas import sheet_parts, uncached_formulas
from i18n import t


def xlsx_grids(data: bytes) -> list[tuple[str, list[list[object]]]]:
    """(sheet name, cell grid from A1) per visible worksheet; formula text fills uncached cells.

    The formula scan inflates each sheet part a second time; it runs in a thread while
    calamine loads the sheets, as both release the GIL (a 100,000-row sheet: 0.5 s saved).
    """
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        # Hidden sheets hold helper lists (drop-down sources) the user never sees.
        names = [
            meta.name
            for meta in workbook.sheets_metadata
            if meta.typ == SheetTypeEnum.WorkSheet and meta.visible == SheetVisibleEnum.Visible
        ]
        with zipfile.ZipFile(io.BytesIO(data)) as archive, ThreadPoolExecutor(1) as pool:
            scan = pool.submit(_formulas_by_sheet, archive, names)
            grids = [
                (name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
                for name in names
            ]
            formulas = scan.result()
        for name, grid in grids:
            _fill_formulas(grid, formulas.get(name, {}))
    except (CalamineError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise FileRejectedError(t("ingest.file.broken")) from exc
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
