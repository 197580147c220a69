"""parse_ledger: an uploaded file -> checked, normalised, validated frames and every error found."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
from sqlmodel import Session

from data_access.ingest.collector import bulk_step
from data_access.ingest.columns import SHEETS
from data_access.ingest.errors import FILE_ROW, RowError
from data_access.ingest.frames import (
    OUTPUT_FIELDS,
    ROW,
    derive_accountability,
    ensure_output_columns,
    normalise_sheet,
    output_frame,
    resolve_names,
)
from data_access.ingest.lookup import problem_ids
from data_access.ingest.read import HEADER_SCAN_ROWS, RawSheet, RawWorkbook, read_workbook
from data_access.ingest.resolve import NameBook
from data_access.ingest.safety import check_upload
from data_access.ingest.scope import scope_errors
from data_access.ingest.validate import frame_rules, required_reason, validate_sheet
from data_access.ingest.validity import retired_township_errors
from i18n import t


@dataclass
class ParsedLedger:
    """A parsed upload: the valid rows of each sheet (normalised) and every error found."""

    file_name: str
    sha256: str
    round_id: int
    problems: pd.DataFrame
    accountability: pd.DataFrame
    leads: pd.DataFrame
    errors: list[RowError]
    rejected_rows: dict[str, set[int]]  # sheet key -> Excel rows with at least one error
    notices: list[str] = field(default_factory=list)  # ignored columns, skipped total rows...

    @property
    def is_valid(self) -> bool:
        """True when the file may be applied (no errors at all)."""
        return not self.errors


def empty_frame(sheet_key: str) -> pd.DataFrame:
    """A sheet frame with the contract's columns and no rows."""
    columns = [*OUTPUT_FIELDS[sheet_key], ROW]
    return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})


@bulk_step
def parse_ledger(
    data: bytes,
    file_name: str,
    *,
    session: Session,
    round_id: int | None = None,
    max_bytes: int | None = None,
    scope: tuple[int, ...] | None = None,
) -> ParsedLedger:
    """Check, read, normalise and validate an upload (FileRejectedError for unsafe files).

    round_id is the round of rows whose 巡察轮次 is blank (default: the newest round); a row
    naming another round is an error then. scope: the uploader's townships (None: all);
    rows outside it are errors.
    """
    digest = hashlib.sha256(data).hexdigest()
    book = read_workbook(data, check_upload(data, max_bytes=max_bytes))
    names = NameBook.load(session)
    parsed = ParsedLedger(
        file_name, digest, 0, *(empty_frame(s.key) for s in SHEETS), [], {}, book.notices
    )
    parsed.errors.extend(workbook_errors(book))
    chosen = round_id if round_id is not None else names.newest_round_id
    if chosen is None or chosen not in names.rounds:
        parsed.errors.append(RowError("", FILE_ROW, "", str(round_id or ""), _round_reason(chosen)))
        return parsed
    frames = {raw.spec.key: _normalised(raw, names, round_id) for raw in book.sheets}
    known = known_problem_codes(frames, session=session)
    for raw in book.sheets:
        frame = frames[raw.spec.key]
        errors = sheet_errors(raw, frame, known)
        errors += scope_errors(raw, frame, scope, session=session)
        errors += retired_township_errors(raw, frame, names)
        parsed.errors.extend(errors)
        rejected = _rejected(raw, errors)
        parsed.rejected_rows[raw.spec.key] = rejected
        valid = frame[~frame[ROW].isin(rejected)]
        setattr(parsed, raw.spec.key, output_frame(valid, raw.spec.key))
    parsed.round_id = round_id if round_id is not None else _main_round(parsed.problems, chosen)
    return parsed


def _round_reason(chosen: int | None) -> str:
    """Why no round can take the rows."""
    if chosen is None:
        return t("ingest.file.no_round")
    return t("ingest.file.round_missing", round_id=chosen)


def _normalised(raw: RawSheet, names: NameBook, round_id: int | None) -> pd.DataFrame:
    """One sheet normalised, names resolved, derived values filled."""
    frame = normalise_sheet(raw)
    resolve_names(frame, raw.spec.key, names=names, round_id=round_id)
    if raw.spec.key == "accountability":
        derive_accountability(frame)
    ensure_output_columns(frame, raw.spec.key)
    return frame


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
    """A sheet-level error for each required column the header row lacks."""
    return [
        RowError(
            raw.name,
            raw.header_row,
            spec.header,
            "",
            t("ingest.file.missing_column", header=spec.header),
        )
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


def _rejected(raw: RawSheet, errors: list[RowError]) -> set[int]:
    """The Excel rows of a sheet that cannot be imported (all of them after a sheet error)."""
    data_rows = set(raw.row_numbers)
    if any(error.row == raw.header_row for error in errors):
        return data_rows
    return {error.row for error in errors if error.row in data_rows}


def known_problem_codes(frames: dict[str, pd.DataFrame], *, session: Session) -> set[str]:
    """Problem codes the other sheets may point at: those in the file and those stored."""
    in_file = set()
    if "problems" in frames:
        in_file = {c for c in frames["problems"]["code"] if isinstance(c, str)}
    wanted = {
        code
        for key in ("accountability", "leads")
        if key in frames
        for code in frames[key]["problem_code"]
        if isinstance(code, str) and code not in in_file
    }
    return in_file | set(problem_ids(session, wanted))


def _main_round(problems: pd.DataFrame, fallback: int) -> int:
    """The round most valid problem rows belong to (fallback when there are none)."""
    counts = Counter(int(r) for r in problems["round_id"] if r is not None)
    return counts.most_common(1)[0][0] if counts else fallback
