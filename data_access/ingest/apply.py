"""Apply a parsed ledger in one write transaction: upserts, row images, status history, batch.

Choices:
- What is written is decided inside the write transaction (which holds SQLite's write lock
  from BEGIN IMMEDIATE): the preview's diff is reused only if the data version shows that
  nothing was committed since; otherwise the diff is computed again under the lock.
- A file that changes nothing (e.g. the same file uploaded again) writes nothing at all:
  no batch, no audit event, no data version bump; the result has batch_id None.
- Every inserted or updated ledger row gets an ImportChange: an update keeps the whole row
  before and after, an insert only what names it (records.INSERT_IMAGE_FIELDS). Status
  events are new rows stamped with the batch id, which is how undo finds them.
- Status events: a changed status appends one event dated rectified_on when it becomes
  rectified, else the ledger's 截至 date (else the upload's date, the office's today). A new
  problem gets one event for its status unless that is not_started: a problem without events
  counts as not started (queries.conditions reads history that way), so the seed's opening
  not_started event would add nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data_access.audit import record_event
from data_access.bulk.insert import insert_lists, insert_rows
from data_access.db import session_scope
from data_access.formatting import local_today
from data_access.ingest.analyze import analyze_after_large_change
from data_access.ingest.category_write import write_new_categories
from data_access.ingest.derived import record_insert_images, record_status_events
from data_access.ingest.diff import ChangedRow, LedgerDiff, NewRow, SheetDiff, compute_diff
from data_access.ingest.errors import FILE_ROW, RowError
from data_access.ingest.lookup import problem_ids
from data_access.ingest.mappings import save_mapping, sheet_mappings
from data_access.ingest.records import (
    LEADS_TABLE,
    PROBLEM_CODE,
    PROBLEMS_TABLE,
    chunks,
    row_to_json,
    table_row,
    text_of,
    update_by_id,
)
from data_access.ingest.writer import (
    LedgerRejectedError,
    current_diff,
    serialise_writers,
)
from data_access.models import ImportBatch, ImportChange, row_id, utc_now
from data_access.version import bump_data_version

if TYPE_CHECKING:  # parse imports what imports this module
    from data_access.ingest.parse import ParsedLedger

INITIAL_STATUS = "not_started"
LEDGER_KIND = "ledger"
STATUS_EVENT_NOTE = "台账导入"  # i18n-data: stored with each status event, like the seed's notes
FILE_NAME_MAX = 255  # import_batch.file_name (PostgreSQL enforces it)


@dataclass(frozen=True)
class ImportResult:
    """What apply_ledger did: the batch it wrote (None when nothing changed) and the diff."""

    batch_id: int | None
    diff: LedgerDiff

    @property
    def applied(self) -> bool:
        """True when rows were written."""
        return self.batch_id is not None


def consent_errors(parsed: ParsedLedger) -> list[RowError]:
    """The consents a parsed file still waits on, as whole-file errors."""
    return [RowError("", FILE_ROW, "", "", c.message) for c in parsed.pending_consents]


def apply_ledger(
    parsed: ParsedLedger, *, engine: Engine, uploader: str, preview: LedgerDiff | None = None
) -> ImportResult:
    """Write parsed (a ParsedLedger without errors) in one transaction; all or nothing.

    preview, the diff shown to the user, is reused when nothing was committed since it was
    computed (the data version is unchanged); otherwise the diff is computed again.
    """
    if parsed.errors or parsed.pending_consents:
        raise LedgerRejectedError(list(parsed.errors) + consent_errors(parsed))
    started_at = utc_now()
    with session_scope(engine, write=True) as session:
        serialise_writers(session)
        diff = current_diff(parsed, preview, compute_diff, session=session)
        if not diff.has_changes:
            return ImportResult(batch_id=None, diff=diff)
        batch_id = _insert_batch(session, parsed, uploader, started_at)
        if getattr(parsed, "categories", None) is not None:  # before the rows that use them
            write_new_categories(session, parsed.categories, batch_id)
        day = status_day(parsed)
        writer = _BatchWriter(session, batch_id, round_id=parsed.round_id, today=day)
        for sheet in diff.sheets.values():
            writer.write_sheet(sheet)
        writer.write_status_events(diff.sheets[PROBLEMS_TABLE.sheet])
        counts = diff.counts()
        analyze_after_large_change(session, counts["new"] + counts["changed"])
        _finish_batch(session, batch_id, diff)
        bump_data_version(session=session, batch_id=batch_id, touched=diff.touched_townships())
        for saved in sheet_mappings(parsed, uploader):  # with the import: both or neither
            save_mapping(session, saved)
        detail = {"batch_id": batch_id, "sha256": diff.sha256, **counts}
        record_event(
            session=session,
            actor=uploader,
            action="import",
            target=parsed.file_name,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )
    return ImportResult(batch_id=batch_id, diff=diff)


def status_day(parsed: ParsedLedger) -> date:
    """The date of status changes without a date of their own: the file's 截至 date, else the
    upload's date (options.today), else today on the office's clock."""
    return parsed.as_of or parsed.options.today or local_today()


def _insert_batch(
    session: Session, parsed: ParsedLedger, uploader: str, started_at: datetime
) -> int:
    """The ImportBatch row of this file (finished later in the same transaction)."""
    batch = ImportBatch(
        file_name=parsed.file_name[:FILE_NAME_MAX],
        sha256=parsed.sha256,
        kind=LEDGER_KIND,
        uploader=uploader,
        round_id=parsed.round_id,
        started_at=started_at,
        status="committed",
    )
    session.add(batch)
    session.flush()
    return row_id(batch)


def _finish_batch(session: Session, batch_id: int, diff: LedgerDiff) -> None:
    """Record the counts and the finishing time on the batch."""
    session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id)
        .values(finished_at=utc_now(), counts_json=counts_json(diff))
    )


def counts_json(diff: LedgerDiff) -> str:
    """The counts a batch keeps: totals plus each sheet's."""
    return json.dumps({"total": diff.counts(), **diff.counts_by_sheet()}, sort_keys=True)


class _BatchWriter:
    """Bulk Core writes of one batch and their ImportChange images."""

    def __init__(self, session: Session, batch_id: int, *, round_id: int, today: date) -> None:
        """A writer for one batch inside the caller's write transaction."""
        self.session = session
        self.batch_id = batch_id
        self.round_id = round_id
        self.today = today
        self.now = utc_now()

    def write_sheet(self, sheet: SheetDiff) -> None:
        """Insert the new rows, update the changed ones, record both images.

        The new rows come first: their images and first status events are derived by the
        database from the rows stamped with this batch, before the updates stamp others.
        """
        links = self._problem_links(sheet)
        if sheet.new:
            self._insert_new(sheet, self._db_columns(sheet, sheet.new, links))
        columns = self._db_columns(sheet, sheet.changed, links)
        changed = zip(*columns.values(), strict=True)
        rows = [dict(zip(columns, values, strict=True)) for values in changed]
        self._record_updates(sheet, self._update(sheet, rows))

    def _insert_new(self, sheet: SheetDiff, columns: dict[str, list[object]]) -> None:
        """Insert rows, then their insert images and (problems) first status events."""
        insert_lists(self.session, sheet.ledger_table.table, columns)
        inserted = len(sheet.new)
        record_insert_images(self.session, sheet.ledger_table, self.batch_id, inserted=inserted)
        if sheet.ledger_table is PROBLEMS_TABLE:
            problem = sheet.ledger_table.table.c
            new = and_(problem.import_batch_id == self.batch_id, problem.status != INITIAL_STATUS)
            events = inserted - columns["status"].count(INITIAL_STATUS)
            self._record_events(new, events)

    def _problem_links(self, sheet: SheetDiff) -> dict[str, int]:
        """Problem id by code for the problems this sheet's rows point at."""
        if PROBLEM_CODE not in sheet.ledger_table.fields:
            return {}
        rows: list[NewRow | ChangedRow] = [*sheet.new, *sheet.changed]
        return problem_ids(self.session, [str(r.values[PROBLEM_CODE] or "") for r in rows])

    def _db_columns(
        self, sheet: SheetDiff, rows: Sequence[NewRow | ChangedRow], links: dict[str, int]
    ) -> dict[str, list[object]]:
        """The column values to store for file rows, a list per column (problem_code ->
        problem_id); transposed in C: a dict per row was a tenth of a 100k first upload."""
        fields = sheet.ledger_table.fields
        table = zip(*map(itemgetter(*fields), map(attrgetter("values"), rows)), strict=True)
        values = dict(zip(fields, map(list, table), strict=True)) if rows else {}
        columns: dict[str, list[object]] = {"code": [row.code for row in rows], **values}
        if PROBLEM_CODE in columns:
            codes = columns.pop(PROBLEM_CODE)
            columns["problem_id"] = [links[str(code)] if code else None for code in codes]
        columns["import_batch_id"] = [self.batch_id] * len(rows)
        if sheet.ledger_table is PROBLEMS_TABLE:
            columns["updated_at"] = [self.now] * len(rows)
        if sheet.ledger_table is LEADS_TABLE and rows and isinstance(rows[0], NewRow):
            columns["round_id"] = [self.round_id] * len(rows)
        return columns

    def _update(self, sheet: SheetDiff, rows: list[dict[str, object]]) -> list[dict[str, object]]:
        """Update the changed rows by id (one executemany); returns the after images."""
        if not rows:
            return []
        table = sheet.ledger_table.table
        stored = {row.code: row.stored for row in sheet.changed}
        after = [{**table_row(sheet.ledger_table, stored[text_of(r, "code")]), **r} for r in rows]
        update_by_id(self.session, table, after, [name for name in rows[0] if name != "code"])
        return after

    def _record_updates(self, sheet: SheetDiff, updated: list[dict[str, object]]) -> None:
        """One ImportChange per updated row, with the whole row before and after."""
        name = sheet.ledger_table.name
        stored = {row.code: row.stored for row in sheet.changed}
        changes = [
            {
                "batch_id": self.batch_id,
                "table_name": name,
                "row_key": row["code"],
                "action": "update",
                "before_json": row_to_json(
                    table_row(sheet.ledger_table, stored[text_of(row, "code")])
                ),
                "after_json": row_to_json(row),
            }
            for row in updated
        ]
        insert_rows(self.session, ImportChange.__table__, changes)

    def write_status_events(self, sheet: SheetDiff) -> None:
        """Append the status history of changed statuses (new problems have theirs)."""
        ids = [row.stored["id"] for row in sheet.changed if "status" in row.fields]
        for part in chunks(ids):
            self._record_events(sheet.ledger_table.table.c.id.in_(part), len(part))

    def _record_events(self, which: ColumnElement[bool], events: int) -> None:
        """A status event of this batch for each problem which selects (ingest.derived)."""
        record_status_events(
            self.session,
            self.batch_id,
            which,
            events=events,
            note=STATUS_EVENT_NOTE,
            today=self.today,
        )
