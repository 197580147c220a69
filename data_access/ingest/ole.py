"""Checks of an OLE compound file (old .xls, or an encrypted Office file) with olefile.

Encrypted Office files are OLE containers (EncryptionInfo + EncryptedPackage for OOXML; a
FILEPASS record in an .xls's Workbook stream), refused with one sentence. An .xls must not
hold macros (VBA storages, Excel 4.0 macro sheets) or embedded objects, whatever the case of
their names. Only the directory and the Workbook stream's record headers are read.
"""

from __future__ import annotations

import io
import re
import struct

import olefile

from data_access.ingest.errors import FileRejectedError
from i18n import t

MAX_ENTRIES = 2_000
ENCRYPTION_STREAMS = frozenset({"encryptioninfo", "encryptedpackage"})
WORKBOOK_STREAMS = ("workbook", "book")  # BIFF8 (Excel 97 and later), BIFF5 (Excel 5/95)
# Storages holding VBA projects (Excel, Word) and macro caches, in lower case.
VBA_NAMES = frozenset({"_vba_project_cur", "_vba_project", "vba", "macros", "_xlm_macros"})
# Embedded OLE objects (MBD… storages), Word's object pool, ActiveX controls, packager payloads.
EMBEDDED = re.compile(r"^(mbd[0-9a-f]{8}|objectpool|ctls|\x01?ole10native)$")
BIFF_BOF, BIFF_EOF, BIFF_FILEPASS, BIFF_BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0085
MACRO_SHEET_TYPES = frozenset({0x01, 0x06})  # BoundSheet8.dt: Excel 4.0 macro sheet, VBA module
# SupBook: cch 0x0401 marks the workbook itself, 0x3A01 add-in functions; any other names a
# file on another machine or path — an external link, refused like the xlsx's.
BIFF_SUPBOOK, SELF_OR_ADDIN = 0x01AE, frozenset({0x0401, 0x3A01})
# Records of one cell, or of a run of cells (MULRK, MULBLANK); the first column is in their
# body's bytes 2-3, read with the record's header in one unpack.
BIFF_MULRK, BIFF_MULBLANK, BIFF_DIMENSIONS = 0x00BD, 0x00BE, 0x0200
MULTI_CELL_RECORDS = frozenset({BIFF_MULRK, BIFF_MULBLANK})
CELL_RECORDS = MULTI_CELL_RECORDS | {0x0006, 0x00D6, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E}
CELL_HEADER = struct.Struct("<HHHH")  # type, size, then a cell record's row and column
MAX_COLUMN, MAX_ROWS = 255, 65_536
# calamine allocates rows × columns cells for a sheet (a cell far away makes a huge grid);
# 65,536 rows of 122 columns still pass.
MAX_GRID_CELLS = 8_000_000


def check_ole(data: bytes) -> None:
    """Refuse an encrypted file, macros, embedded objects, or an OLE file holding no workbook."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error, RecursionError) as exc:
        raise FileRejectedError(t("ingest.file.broken")) from exc
    with ole:
        paths = [[part.lower() for part in path] for path in _entries(ole)]
        if len(paths) > MAX_ENTRIES:
            raise FileRejectedError(t("ingest.file.bomb"))
        names = {part for path in paths for part in path}
        if names & ENCRYPTION_STREAMS:
            raise FileRejectedError(t("ingest.file.encrypted"))
        if names & VBA_NAMES:
            raise FileRejectedError(t("ingest.file.macro"))
        if any(EMBEDDED.match(name) for name in names):
            raise FileRejectedError(t("ingest.file.embedded"))
        stream = next((name for name in WORKBOOK_STREAMS if [name] in paths), None)
        if stream is None:
            raise FileRejectedError(t("ingest.file.not_spreadsheet"))
        try:
            workbook = ole.openstream(stream).read()
        except (OSError, ValueError, IndexError, struct.error) as exc:
            raise FileRejectedError(t("ingest.file.broken")) from exc
    check_biff(workbook)


def _entries(ole: olefile.OleFileIO) -> list[list[str]]:
    """Every stream and storage path of the file."""
    try:
        return ole.listdir(streams=True, storages=True)
    except (OSError, ValueError, IndexError, struct.error, RecursionError) as exc:
        raise FileRejectedError(t("ingest.file.broken")) from exc


def check_biff(stream: bytes) -> None:
    """Walk the Workbook stream's records once, reading only their headers and a few bytes.

    In the globals (BOF … EOF): FILEPASS means encrypted; a macro sheet is refused. In the
    sheets: a cell beyond column IV (256 columns in BIFF8) is damage, and a sheet's extent
    must stay within MAX_GRID_CELLS, as calamine allocates rows × columns cells (65,536 ×
    65,536 aborts the process). The sheets' walk is the hot loop (docs/ledger-files.md).
    """
    if stream[:2] != struct.pack("<H", BIFF_BOF):
        raise FileRejectedError(t("ingest.file.broken"))
    position = _walk_globals(stream)
    record = CELL_HEADER.unpack_from
    last_start = len(stream) - CELL_HEADER.size
    rows = columns = 0  # the extent of the current sheet
    while position <= last_start:
        kind, size, row, column = record(stream, position)
        if kind in CELL_RECORDS:
            if kind in MULTI_CELL_RECORDS:
                column = _run_end(kind, size, column)
            if row >= rows:  # comparisons, not max(): this runs for every cell
                rows = row + 1
            if column >= columns:
                columns = column + 1
        elif kind == BIFF_BOF:
            _check_extent(rows, columns)
            rows = columns = 0
        elif kind == BIFF_DIMENSIONS:  # calamine sizes the sheet's cells from it
            _check_extent(*_declared_extent(stream[position + 4 : position + 4 + size]))
        position += 4 + size
    _check_extent(rows, columns)


def _check_extent(rows: int, columns: int) -> None:
    """Refuse a sheet reaching past row 65,536 or column IV (damage), or too many cells."""
    if columns > MAX_COLUMN + 1 or rows > MAX_ROWS:
        raise FileRejectedError(t("ingest.file.broken"))
    if rows * columns > MAX_GRID_CELLS:
        raise FileRejectedError(t("ingest.file.too_many_cells", rows=rows, columns=columns))


def _walk_globals(stream: bytes) -> int:
    """Check the globals substream's records; the position after its EOF record."""
    position = 0
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        _check_global_record(kind, stream[position + 4 : position + 4 + size])
        position += 4 + size
        if kind == BIFF_EOF:
            break
    return position


def _declared_extent(body: bytes) -> tuple[int, int]:
    """(rows, columns) a DIMENSIONS record declares (BIFF8: 32-bit rows; BIFF5: 16-bit)."""
    layout = "<IIHH" if len(body) >= 12 else "<HHHH"
    if len(body) < struct.calcsize(layout):
        raise FileRejectedError(t("ingest.file.broken"))
    first_row, rows, first_column, columns = struct.unpack_from(layout, body)
    if first_row > rows or first_column > columns:  # calamine would subtract across zero
        raise FileRejectedError(t("ingest.file.broken"))
    return rows, columns


def _run_end(kind: int, size: int, first: int) -> int:
    """The last column of a MULRK/MULBLANK run of cells, counted from the record's size."""
    return first + (size - 6) // (6 if kind == BIFF_MULRK else 2) - 1


def _check_global_record(kind: int, body: bytes) -> None:
    """Refuse an encrypted workbook (FILEPASS), a macro sheet (BOUNDSHEET) or an external
    link (SUPBOOK naming another file)."""
    if kind == BIFF_FILEPASS:
        raise FileRejectedError(t("ingest.file.encrypted"))
    if kind == BIFF_BOUNDSHEET and len(body) >= 6 and body[5] in MACRO_SHEET_TYPES:
        raise FileRejectedError(t("ingest.file.macro"))
    external = len(body) >= 4 and struct.unpack_from("<H", body, 2)[0] not in SELF_OR_ADDIN
    if kind == BIFF_SUPBOOK and external:
        raise FileRejectedError(t("ingest.file.external_links"))
