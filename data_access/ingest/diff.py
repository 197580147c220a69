"""What a parsed ledger would change: new, changed (field → old, new) and unchanged rows per sheet.

Rows are matched on their natural key (问题编号 / 问责编号 / 线索编号). A stored row that the
file does not mention is left alone: an import adds and updates, it never deletes. A stored row
the file mentions changes only where the file says so (marks.py): a column the file lacks, or
an inferred value, never replaces a stored value, and a blank cell replaces one only when the
uploader chose to clear blanks; those would-be clears are listed on their own (blank_cells).
The headline "after" figures are the "before" figures (fetch_headline over everything) plus
the deltas of the new and changed rows, so the preview needs no write transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd
from sqlmodel import Session

from data_access.ingest.errors import RowError
from data_access.ingest.headline_change import (
    HeadlineFigures,
    fetch_headline_figures,
    headline_delta,
)
from data_access.ingest.lookup import fetch_compared, fetch_packed, fetch_stored, pack
from data_access.ingest.merge import StoredMerge, row_marks
from data_access.ingest.records import (
    LEDGER_TABLES,
    FileRow,
    LedgerTable,
    file_rows,
)
from data_access.version import read_data_version

if TYPE_CHECKING:  # parse imports what imports this module
    from data_access.ingest.parse import ParsedLedger

COUNT_KEYS = ("new", "changed", "unchanged", "rejected")


@dataclass(frozen=True)
class NewRow:
    """A file row whose code is not stored yet."""

    code: str
    excel_row: int
    values: dict[str, object]  # the compared fields, as stored


@dataclass(frozen=True)
class ChangedRow:
    """A file row whose stored twin differs in at least one field."""

    code: str
    excel_row: int
    stored: dict[str, object]  # the full stored row (the before image), plus problem_code
    values: dict[str, object]  # the compared fields from the file, as stored
    fields: dict[str, tuple[object, object]]  # only the differing fields: name -> (old, new)


@dataclass(frozen=True)
class BlankCell:
    """A blank cell of the file where the stored row holds a value (kept, or cleared)."""

    code: str
    excel_row: int
    field: str
    stored: object  # the stored value the blank would clear


@dataclass
class SheetDiff:
    """The outcome of one sheet."""

    ledger_table: LedgerTable
    new: list[NewRow] = field(default_factory=list)
    changed: list[ChangedRow] = field(default_factory=list)
    unchanged: list[tuple[str, int]] = field(default_factory=list)  # (code, excel row)
    rejected: int = 0
    blank_cells: list[BlankCell] = field(default_factory=list)

    @property
    def sheet(self) -> str:
        """The sheet's key: problems / accountability / leads."""
        return self.ledger_table.sheet

    def counts(self) -> dict[str, int]:
        """new / changed / unchanged / rejected row counts."""
        return {
            "new": len(self.new),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
            "rejected": self.rejected,
        }


@dataclass
class LedgerDiff:
    """The effect a parsed ledger would have on the stored data."""

    file_name: str
    sha256: str
    round_id: int
    sheets: dict[str, SheetDiff]
    errors: list[RowError]
    before: HeadlineFigures
    after: HeadlineFigures
    data_version: int  # the store's version the diff was computed against
    source: ParsedLedger | None = field(default=None, repr=False, compare=False)
    clear_blanks: bool = False  # blank cells clear stored values (else they keep them)

    @property
    def blank_cells(self) -> list[BlankCell]:
        """Every blank cell whose stored value is kept (or, with clear_blanks, cleared)."""
        return [cell for sheet in self.sheets.values() for cell in sheet.blank_cells]

    @property
    def kept_blanks(self) -> int:
        """Stored values kept although the file's cell is blank."""
        return 0 if self.clear_blanks else len(self.blank_cells)

    @property
    def cleared_blanks(self) -> int:
        """Stored values a blank cell clears (only when the uploader chose so)."""
        return len(self.blank_cells) if self.clear_blanks else 0

    def is_current_for(self, parsed: object, *, session: Session) -> bool:
        """True when this diff is of parsed and nothing was committed since it was computed."""
        return self.source is parsed and self.data_version == read_data_version(session=session)

    @property
    def has_changes(self) -> bool:
        """True when applying would write at least one row."""
        return any(s.new or s.changed for s in self.sheets.values())

    def counts(self) -> dict[str, int]:
        """new / changed / unchanged / rejected summed over the sheets."""
        per_sheet = [s.counts() for s in self.sheets.values()]
        return {key: sum(c[key] for c in per_sheet) for key in COUNT_KEYS}

    def counts_by_sheet(self) -> dict[str, dict[str, int]]:
        """The counts of each sheet."""
        return {name: s.counts() for name, s in self.sheets.items()}

    def touched_townships(self) -> set[int]:
        """Townships the rows applying would write were in, before or after."""
        found: set[object] = set()
        for sheet in self.sheets.values():
            found.update(row.values["township_id"] for row in sheet.new)
            for row in sheet.changed:
                found.update((row.stored["township_id"], row.values["township_id"]))
        return {township for township in found if isinstance(township, int)}


def compute_diff(parsed: ParsedLedger, *, session: Session) -> LedgerDiff:
    """Compare the valid rows of parsed (a ParsedLedger) with what session sees stored."""
    clear = bool(getattr(getattr(parsed, "options", None), "clear_blanks", False))
    sheets = {
        t.sheet: diff_sheet(t, getattr(parsed, t.sheet), session=session, clear_blanks=clear)
        for t in LEDGER_TABLES
    }
    for sheet in sheets.values():
        sheet.rejected = len(parsed.rejected_rows.get(sheet.sheet, ()))
    before = fetch_headline_figures(session=session)
    return LedgerDiff(
        file_name=parsed.file_name,
        sha256=parsed.sha256,
        round_id=parsed.round_id,
        sheets=sheets,
        errors=list(parsed.errors),
        before=before,
        after=before.plus(headline_delta(sheets)),
        data_version=read_data_version(session=session),
        source=parsed,
        clear_blanks=clear,
    )


def diff_sheet(
    ledger_table: LedgerTable, frame: pd.DataFrame, *, session: Session, clear_blanks: bool = False
) -> SheetDiff:
    """Classify every row of one parsed sheet against its stored twin."""
    rows = file_rows(ledger_table, frame)
    same, stored = _stored_twins(session, ledger_table, rows)
    sheet = SheetDiff(ledger_table)
    merge = StoredMerge(ledger_table, clear_blanks)
    changed = []
    for (code, excel_row, read), marks in zip(rows, row_marks(frame, len(rows)), strict=True):
        if code in same:
            sheet.unchanged.append((code, excel_row))
            continue
        values = dict(zip(ledger_table.fields, read, strict=True))
        old = stored.get(code)
        if old is None:
            sheet.new.append(NewRow(code, excel_row, values))
            continue
        # Equal as read: merging stored values in could change nothing (most rows of a
        # weekly update; the per-row merge was a second of a 100k preview).
        if old != read and any(marks):
            values, blanks = merge(values, old, marks)
            sheet.blank_cells += [BlankCell(code, excel_row, *blank) for blank in blanks]
        if old == tuple(values.values()):  # values are in ledger_table.fields order
            sheet.unchanged.append((code, excel_row))
        else:
            changed.append((code, excel_row, values, _differing(values, old)))
    # Whole rows (the before images) only for the rows that changed.
    whole = fetch_stored(session, ledger_table, (code for code, *_ in changed))
    sheet.changed = [ChangedRow(c, row, whole[c], values, diff) for c, row, values, diff in changed]
    return sheet


def _stored_twins(
    session: Session, ledger_table: LedgerTable, rows: list[FileRow]
) -> tuple[set[str], dict[str, tuple[object, ...]]]:
    """Codes of the rows stored just as the file has them, and the compared fields of every
    other stored row of the file (SQLite packs rows to compare them first: fetch_packed)."""
    codes = [row.code for row in rows]
    packed = fetch_packed(session, ledger_table, codes)
    same: set[str] = set()
    if packed:
        same = {r.code for r in rows if packed.get(r.code, 0) == pack(r.values)}
        codes = [code for code in packed if code not in same]
    elif packed is not None:
        codes = []  # none of the file's rows is stored
    return same, fetch_compared(session, ledger_table, codes) if codes else {}


def _differing(
    values: dict[str, object], stored: tuple[object, ...]
) -> dict[str, tuple[object, object]]:
    """The fields whose file value differs from the stored one: name -> (old, new)."""
    return {
        name: (old, new)
        for (name, new), old in zip(values.items(), stored, strict=True)
        if old != new
    }
