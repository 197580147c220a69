"""What calamine does not tell of an .ods before it reads it: merged ranges and sheet extents.

calamine expands repeated cells (table:number-columns-repeated / -rows-repeated) and sizes a
sheet's grid as rows × columns at once: a 2 KB .ods repeating one value 20,000 × 2,000
times makes it allocate 2 GB, and a failed allocation aborts the process. So content.xml is
walked first (expat, start and end tags only) for the extent of the cells that hold
something, and for the ranges of spanning cells; a link to another file is refused on the
way, as in an xlsx. Cost: docs/ledger-files.md.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from data_access.ingest.errors import FileRejectedError
from data_access.ingest.ole import MAX_GRID_CELLS
from i18n import t

CONTENT = "content.xml"
CHUNK = 1 << 20
# Qualified names as every ODS writer spells them (calamine matches them the same way).
TABLE, ROW = "table:table", "table:table-row"
CELLS = frozenset({"table:table-cell", "table:covered-table-cell"})
VALUE_TYPE = "office:value-type"
# A sheet linked to another file, a DDE link, or a formula naming another file: external links.
EXTERNAL_SOURCES = frozenset(
    {"table:table-source", "table:cell-range-source", "table:dde-source", "office:dde-source"}
)
EXTERNAL_FORMULA = "file:"

Merged = tuple[int, int, int, int]


@dataclass
class OdsLayout:
    """Per sheet: merged ranges (0-based, inclusive) and (rows, columns) holding content."""

    merged: dict[str, tuple[Merged, ...]] = field(default_factory=dict)
    extents: dict[str, tuple[int, int]] = field(default_factory=dict)


def ods_layout(data: bytes) -> OdsLayout:
    """Walk content.xml; refuse a sheet whose content spans more than MAX_GRID_CELLS cells."""
    walk = _Walk()
    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler = walk.start, walk.end
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = _forbidden
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(CONTENT) as stream:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    for rows, columns in walk.layout.extents.values():
        if rows * columns > MAX_GRID_CELLS:
            raise FileRejectedError(t("ingest.file.too_many_cells", rows=rows, columns=columns))
    return walk.layout


def _forbidden(*_args: object) -> None:
    """No DTD or entity declarations (safety.py refuses them in the prolog already)."""
    raise FileRejectedError(t("ingest.file.xml_entity"))


def _count(attrs: dict[str, str], name: str) -> int:
    """A repeat or span count of the table namespace (1 when absent)."""
    return int(attrs.get(f"table:{name}", 1))


class _Walk:
    """Positions of the top-level tables' rows and cells, as calamine will lay them out."""

    def __init__(self) -> None:
        self.layout = OdsLayout()
        self.sheet = ""
        self.depth = 0  # tables nest inside cells; only the sheets themselves count
        self.row = self.column = 0
        self.row_repeat = 1
        self.row_width = 0  # columns up to the last cell of this row that holds something
        self.open_cell = False  # inside a cell not yet known to hold something
        self.merged: list[Merged] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Advance over rows and cells; note spans and the cells that hold something."""
        if name in EXTERNAL_SOURCES or EXTERNAL_FORMULA in attrs.get("table:formula", ""):
            raise FileRejectedError(t("ingest.file.external_links"))
        if name == TABLE:
            self.depth += 1
            if self.depth == 1:
                self.sheet, self.row, self.merged = attrs.get("table:name", ""), 0, []
        elif self.depth != 1:
            return
        elif name == ROW:
            self.column, self.row_width = 0, 0
            self.row_repeat = _count(attrs, "number-rows-repeated")
        elif name in CELLS:
            self._cell(name, attrs)
        elif self.open_cell:  # a paragraph or other content inside the cell
            self.row_width = self.column
            self.open_cell = False

    def _cell(self, name: str, attrs: dict[str, str]) -> None:
        """One cell element (repeated or not): its span, and whether it holds a value."""
        rows, columns = (
            _count(attrs, "number-rows-spanned"),
            _count(attrs, "number-columns-spanned"),
        )
        if name == "table:table-cell" and (rows > 1 or columns > 1):
            last = (self.row + rows - 1, self.column + columns - 1)
            self.merged.append((self.row, self.column, *last))
        self.column += _count(attrs, "number-columns-repeated")
        self.open_cell = False
        if VALUE_TYPE in attrs:
            self.row_width = self.column
        elif name == "table:table-cell":
            self.open_cell = True  # its content, if any, shows in the next start tag

    def end(self, name: str) -> None:
        """Close a cell, a row (repeated rows count as many), or a sheet."""
        if name in CELLS:
            self.open_cell = False
        elif name == ROW and self.depth == 1:
            self.row += self.row_repeat
            if self.row_width:
                self._extend(self.row, self.row_width)
        elif name == TABLE:
            self.depth -= 1
            if self.depth == 0 and self.merged:
                self.layout.merged[self.sheet] = tuple(sorted(self.merged))

    def _extend(self, rows: int, columns: int) -> None:
        """Grow the current sheet's extent to cover rows × columns."""
        old_rows, old_columns = self.layout.extents.get(self.sheet, (0, 0))
        self.layout.extents[self.sheet] = (max(old_rows, rows), max(old_columns, columns))
