"""The load test's writer: imports flipping a batch of problems together, and their undos.

Each import is a real ledger upload (an xlsx parsed by parse_ledger, written by
apply_ledger) that sets the status of all --batch problems to the other of 正在整改 /
基本完成 and stamps 佐证材料 with a new marker; an undo reverts the newest batch. The
consistency query lets a reader see, in one statement (one snapshot), whether those
problems share one marker and whether the summaries agree with the ledger.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Engine

from bench.ingest import HEADERS, workbook_bytes
from data_access.codes import STATUSES
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.ingest.columns import PROBLEMS
from data_access.ingest.command import LedgerImport
from data_access.ingest.options import ImportOptions
from data_access.ingest.sheet_rows import fetch_sheet_rows
from data_access.ingest.undo import revert_batch
from data_access.models import InspectionRound, Problem, Township
from data_access.summary_models import ProblemSummary

MARKER = "LOAD-"
FLIPS = {"in_progress": "basically_done", "basically_done": "in_progress"}
CHECKED_STATUS = "basically_done"  # the summaries must count it like the ledger


class LedgerWriter:
    """Imports and undos on a fixed batch of open problems of the newest round."""

    def __init__(self, engine: Engine, batch: int) -> None:
        """Pick batch in-progress problems whose township name is unique (ledgers use names)."""
        self.engine = engine
        self.batch = batch
        self.history: list[tuple[int, str]] = []  # (batch id, status before it)
        self.status = "in_progress"
        with session_scope(engine) as session:
            round_id = session.scalar(
                select(InspectionRound.id).order_by(InspectionRound.started_on.desc()).limit(1)
            )
            if round_id is None:
                raise RuntimeError("the database has no inspection round to write into")
            self.round_id = round_id
            unique = select(Township.name).group_by(Township.name).having(func.count() == 1)
            chosen = session.execute(
                select(Problem.code, Problem.township_id)
                .join(Township, Township.id == Problem.township_id)
                .where(Problem.round_id == self.round_id, Problem.status == self.status)
                .where(Township.name.in_(unique))
                .order_by(Problem.id)
                .limit(batch)
            ).all()
            codes = {code for code, _ in chosen}
            flt = Filter(rounds=(self.round_id,), townships=tuple({t for _, t in chosen}))
            rows = fetch_sheet_rows(PROBLEMS, session=session, flt=flt)
        code_column = HEADERS.index("问题编号")
        self.rows = [row for row in rows if row[code_column] in codes]
        if len(self.rows) != batch:
            raise RuntimeError(f"found {len(self.rows)} problems for the writer, wanted {batch}")

    def import_next(self, number: int) -> str:
        """Commit one import flipping every problem of the batch, with marker number."""
        status = FLIPS[self.status]
        rows = [self._edited(row, status, number) for row in self.rows]
        data = workbook_bytes(rows)
        options = ImportOptions(round_id=self.round_id)
        command = LedgerImport(data, f"load-{number}.xlsx", "load", options)
        preview = command.preview(engine=self.engine)
        if not preview.is_valid:
            raise RuntimeError(f"load workbook has errors: {preview.parsed.errors[:2]}")
        result = command.commit(preview, engine=self.engine)
        if result.batch_id is None:
            raise RuntimeError("the load workbook wrote nothing")
        self.history.append((result.batch_id, self.status))
        self.status = status
        return "import"

    def undo_last(self) -> str:
        """Undo the newest batch (or import, when there is none)."""
        if not self.history:
            return self.import_next(0)
        batch_id, before = self.history.pop()
        revert_batch(batch_id, engine=self.engine, actor="load")
        self.status = before
        return "undo"

    @staticmethod
    def _edited(row: list[Any], status: str, number: int) -> list[Any]:
        """row with the new status and marker."""
        edited = list(row)
        edited[HEADERS.index("整改状态")] = STATUSES[status]
        edited[HEADERS.index("佐证材料")] = f"{MARKER}{number:06d}"
        return edited


def consistency_query() -> Select:
    """Markers in use, fewest and most rows per marker, and summary minus ledger count."""
    marked = (
        select(func.count().label("rows"))
        .where(Problem.evidence.like(f"{MARKER}%"))
        .group_by(Problem.evidence)
        .subquery("marked")
    )
    summary = select(func.coalesce(func.sum(ProblemSummary.problems), 0)).where(
        ProblemSummary.status == CHECKED_STATUS
    )
    ledger = select(func.count()).select_from(Problem).where(Problem.status == CHECKED_STATUS)
    return select(
        select(func.count()).select_from(marked).scalar_subquery(),
        select(func.coalesce(func.min(marked.c.rows), 0)).scalar_subquery(),
        select(func.coalesce(func.max(marked.c.rows), 0)).scalar_subquery(),
        summary.scalar_subquery() - ledger.scalar_subquery(),
    )


def consistent(row: Any, batch: int) -> str | None:
    """None when the snapshot is whole, else what was wrong."""
    markers, fewest, most, summary_minus_ledger = row
    if markers > 1 or (markers == 1 and not fewest == most == batch):
        return f"half-applied import: {markers} markers, {fewest}–{most} rows each"
    if summary_minus_ledger:
        return f"summaries differ from the ledger by {summary_minus_ledger}"
    return None
