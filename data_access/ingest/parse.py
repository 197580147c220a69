"""parse_ledger: an uploaded file -> checked, normalised, validated frames and every error found."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from sqlmodel import Session

from data_access.formatting import local_today
from data_access.ingest.category_match import CategoryOutcome, match_categories
from data_access.ingest.context import add_column, fill_context
from data_access.ingest.errors import FILE_ROW, RowError
from data_access.ingest.inferred import settle_dates
from data_access.ingest.keys import code_prefix, derived_codes, moved_rows, rule_text
from data_access.ingest.mappings import saved_mappings
from data_access.ingest.marks import MARK_COLUMNS, mark_cells
from data_access.ingest.normalise_sheet import (
    OUTPUT_FIELDS,
    ROW,
    derive_accountability,
    ensure_output_columns,
    normalise_sheet,
    output_frame,
    resolve_names,
    set_column,
)
from data_access.ingest.options import Consent, ImportOptions
from data_access.ingest.read import RawSheet, read_workbook
from data_access.ingest.read_report import book_notices, duplicate_codes, header_errors
from data_access.ingest.resolve import NameBook
from data_access.ingest.safety import check_upload
from data_access.ingest.scope import scope_errors
from data_access.ingest.sheet_checks import (
    known_problem_codes,
    missing_columns,
    rejected_rows,
    sheet_errors,
    workbook_errors,
)
from data_access.ingest.summary_sheet import summary_warnings
from data_access.ingest.township_checks import outside_county_errors, retired_township_errors
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
    # sheet key -> Excel rows with at least one error ((sheet, row) when several sheets)
    rejected_rows: dict[str, set[int | tuple[str, int]]]
    notices: list[str] = field(default_factory=list)  # ignored columns, skipped total rows...
    consents: list[Consent] = field(default_factory=list)  # waiting on the uploader's yes
    options: ImportOptions = field(default_factory=ImportOptions)
    as_of: date | None = None  # the 截至 date the file states (its title), else None
    # the categories the file names that its rounds lack (defined here, or waiting on a yes)
    categories: CategoryOutcome = field(default_factory=CategoryOutcome)
    sheets: list[RawSheet] = field(default_factory=list)  # as read: headers and guesses

    @property
    def is_valid(self) -> bool:
        """True when the file may be applied: no errors, no consent still missing."""
        return not self.errors and not self.pending_consents

    @property
    def pending_consents(self) -> list[Consent]:
        """Consents the options have not given."""
        return [c for c in self.consents if not self.options.accepts(c.kind)]


def empty_frame(sheet_key: str) -> pd.DataFrame:
    """A sheet frame with the contract's columns and no rows."""
    frame = pd.DataFrame({name: pd.Series(dtype=object) for name in OUTPUT_FIELDS[sheet_key]})
    for name in (*MARK_COLUMNS, ROW):
        frame[name] = pd.Series(dtype=np.int64)
    return frame


def parse_ledger(
    data: bytes,
    file_name: str,
    *,
    session: Session,
    options: ImportOptions | None = None,
) -> ParsedLedger:
    """Check, read, normalise and validate an upload (FileRejectedError for unsafe files).

    options.round_id is the round of rows whose 巡察轮次 is blank (default: the newest
    round); a row naming another round is an error then. options.scope: the uploader's
    townships (None: all); rows outside it are errors.
    """
    options = options or ImportOptions()
    digest = hashlib.sha256(data).hexdigest()
    kind = check_upload(data, file_name=file_name, max_bytes=options.max_bytes)
    book = read_workbook(data, kind, mapping=options.mapping, saved=saved_mappings(session))
    names = NameBook.load(session)
    parsed = ParsedLedger(
        file_name,
        digest,
        0,
        problems=empty_frame("problems"),
        accountability=empty_frame("accountability"),
        leads=empty_frame("leads"),
        errors=[],
        rejected_rows={},
        notices=book.notices,
    )
    parsed.options, parsed.as_of, parsed.sheets = options, book.as_of, book.sheets
    parsed.errors.extend(workbook_errors(book))
    chosen = options.round_id if options.round_id is not None else names.newest_round_id
    if chosen is None or chosen not in names.rounds:
        reason = _round_reason(chosen)
        parsed.errors.append(RowError("", FILE_ROW, "", str(options.round_id or ""), reason))
        return parsed
    notices, consents = book_notices(book)
    parsed.notices.extend(notices)
    parsed.consents.extend(consents)
    dated = _DateContext(book.as_of or options.today or local_today(), book.as_of is not None)
    frames = [(raw, _normalised(raw, names, parsed, chosen, dated)) for raw in book.sheets]
    parsed.notices.extend(notice for note in dated.notices for notice in note)
    _match_categories(parsed, frames, session=session)
    _check_sheets(parsed, frames, names, chosen, session=session)
    units = [u for raw, frame in frames if raw.spec.key == "problems" for u in frame["township"]]
    parsed.notices.extend(summary_warnings(book.summaries, units))
    parsed.round_id = options.round_id or _main_round(parsed.problems, chosen)
    return parsed


def _match_categories(
    parsed: ParsedLedger, frames: list[tuple[RawSheet, pd.DataFrame]], *, session: Session
) -> None:
    """Categories of every problems sheet matched at once (a new one is new once)."""
    problem_frames = [frame for raw, frame in frames if raw.spec.key == "problems"]
    if not problem_frames:
        return
    joined = pd.concat(problem_frames, ignore_index=True)
    parsed.categories = match_categories(joined, session=session, options=parsed.options)
    parsed.notices += parsed.categories.notices()
    parsed.consents += parsed.categories.consents()
    start = 0
    for frame in problem_frames:
        for column in ("focus_area", "sub_category"):
            set_column(frame, column, joined[column].iloc[start : start + len(frame)].tolist())
        start += len(frame)


def _check_sheets(
    parsed: ParsedLedger,
    frames: list[tuple[RawSheet, pd.DataFrame]],
    names: NameBook,
    chosen: int,
    *,
    session: Session,
) -> None:
    """Check every sheet; keep the valid rows of each kind, all its sheets joined."""
    known = known_problem_codes(frames, session=session)
    valid: dict[str, list[pd.DataFrame]] = {}
    several = Counter(raw.spec.key for raw, _frame in frames)
    for raw, frame in frames:
        errors = sheet_errors(raw, frame, known) + header_errors(raw)
        errors += scope_errors(raw, frame, parsed.options.scope, session=session)
        errors += retired_township_errors(raw, frame, names)
        errors += outside_county_errors(raw, frame, names)
        if raw.codes_derived:
            errors += moved_rows(raw, frame, code_prefix(raw, chosen), session=session)
        parsed.errors.extend(errors)
        rejected = rejected_rows(raw, errors)
        kept = frame[~frame[ROW].isin(rejected)]
        marked: set[int | tuple[str, int]] = set(rejected)
        if several[raw.spec.key] > 1:  # rows of several sheets: (sheet, row) pairs
            marked = {(raw.name, row) for row in rejected}
        parsed.rejected_rows.setdefault(raw.spec.key, set()).update(marked)
        valid.setdefault(raw.spec.key, []).append(kept)
    for key, kept_frames in valid.items():
        setattr(parsed, key, output_frame(pd.concat(kept_frames, ignore_index=True), key))
    parsed.errors.extend(duplicate_codes(frames))


def _round_reason(chosen: int | None) -> str:
    """Why no round can take the rows."""
    if chosen is None:
        return t("ingest.file.no_round")
    return t("ingest.file.round_missing", round_id=chosen)


@dataclass
class _DateContext:
    """The day inferred dates take (the 截至 date, else the upload's) and the notices given."""

    reference: date
    from_title: bool
    notices: list[list[str]] = field(default_factory=list)


def _normalised(
    raw: RawSheet, names: NameBook, parsed: ParsedLedger, chosen: int, dated: _DateContext
) -> pd.DataFrame:
    """One sheet with its context columns, normalised, names resolved, cells marked."""
    parsed.notices.extend(fill_context(raw, names))
    if raw.spec.key == "problems" and "code" not in raw.columns and raw.rows:
        add_column(raw, "code", t("ingest.context.derived_code"), derived_codes(raw, chosen))
        raw.codes_derived = True
        parsed.notices.append(rule_text(raw, chosen))
    frame = normalise_sheet(raw)
    resolve_names(frame, raw.spec.key, names=names, round_id=parsed.options.round_id)
    fields = OUTPUT_FIELDS[raw.spec.key]
    mark_cells(raw, frame, fields)
    if raw.spec.key == "problems":
        day, titled = dated.reference, dated.from_title
        dated.notices.append(
            settle_dates(raw, frame, fields, names=names, reference=day, from_title=titled)
        )
    if raw.spec.key == "accountability":
        derive_accountability(frame)
    ensure_output_columns(frame, raw.spec.key)
    return frame


def _main_round(problems: pd.DataFrame, fallback: int) -> int:
    """The round most valid problem rows belong to (fallback when there are none)."""
    counts = Counter(int(r) for r in problems["round_id"] if r is not None)
    return counts.most_common(1)[0][0] if counts else fallback


__all__ = ["ParsedLedger", "missing_columns", "parse_ledger", "workbook_errors"]
