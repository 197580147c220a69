"""Checks of whole sheets and of the file: missing columns, no data, codes pointed at."""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session

from data_access.ingest.errors import FILE_ROW, RowError
from data_access.ingest.lookup import problem_ids
from data_access.ingest.read import HEADER_SCAN_ROWS, RawSheet, RawWorkbook
from data_access.ingest.read_report import missing_field_reason
from data_access.ingest.validate import frame_rules, required_reason, validate_sheet
from i18n import t


def workbook_errors(book: RawWorkbook) -> list[RowError]:
    """Whole-file problems: sheets without a header row, no ledger sheet, no data rows."""
    no_header = t("ingest.file.no_header", rows=HEADER_SCAN_ROWS)
    errors = [RowError(name, FILE_ROW, "", "", no_header) for name in book.missing]
    if not book.sheets and not book.missing:
        errors.append(RowError("", FILE_ROW, "", "", t("ingest.file.no_ledger")))
    elif book.sheets and not any(raw.rows for raw in book.sheets):
        no_rows = t("ingest.file.no_rows")
        errors.extend(RowError(raw.name, FILE_ROW, "", "", no_rows) for raw in book.sheets)
    return errors


def missing_columns(raw: RawSheet) -> list[RowError]:
    """A sheet-level error for each required field no header names (the nearest one named)."""
    return [
        RowError(raw.name, raw.header_row, spec.header, "", missing_field_reason(raw, spec.field))
        for spec in raw.spec.columns
        if spec.required and spec.field not in raw.columns
    ]


def sheet_errors(raw: RawSheet, frame: pd.DataFrame, known: set[str]) -> list[RowError]:
    """Missing required columns, then every row error (not repeating a missing column per row)."""
    missing = missing_columns(raw)
    absent = {error.column for error in missing}
    rows = validate_sheet(raw, frame, frame_rules(raw.spec.key, known))
    required = required_reason()
    return missing + [e for e in rows if not (e.column in absent and e.reason == required)]


def rejected_rows(raw: RawSheet, errors: list[RowError]) -> set[int]:
    """The Excel rows of a sheet that cannot be imported (all of them after a sheet error)."""
    data_rows = set(raw.row_numbers)
    if any(error.row == raw.header_row for error in errors):
        return data_rows
    return {error.row for error in errors if error.row in data_rows}


def known_problem_codes(
    frames: list[tuple[RawSheet, pd.DataFrame]], *, session: Session
) -> set[str]:
    """Problem codes the other sheets may point at: those in the file and those stored."""
    in_file = {
        code
        for raw, frame in frames
        if raw.spec.key == "problems"
        for code in frame["code"]
        if isinstance(code, str)
    }
    wanted = {
        code
        for raw, frame in frames
        if raw.spec.key in ("accountability", "leads")
        for code in frame["problem_code"]
        if isinstance(code, str) and code not in in_file
    }
    return in_file | set(problem_ids(session, wanted))
