"""Imports while others read: no "database is locked", and no half-applied import is ever seen."""

from __future__ import annotations

import dataclasses
import threading

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.undo import revert_batch
from data_access.models import ImportBatch, Problem
from data_access.version import read_data_version

BATCHES = 6
ROWS_PER_BATCH = 25
READERS = 4
MAX_READS = 5_000  # per reader: the loop ends with the writer, or here at the latest


def with_new_problems(parsed: ParsedLedger, batch: int) -> ParsedLedger:
    """parsed plus ROWS_PER_BATCH new problems numbered for this batch."""
    template = parsed.problems.iloc[[0] * ROWS_PER_BATCH].copy()
    template["code"] = [f"BX{batch:02d}-{n:03d}" for n in range(ROWS_PER_BATCH)]
    template["_row"] = range(1000, 1000 + ROWS_PER_BATCH)
    problems = pd.concat([parsed.problems, template], ignore_index=True)
    return dataclasses.replace(parsed, problems=problems, file_name=f"第{batch}批.xlsx")


class Reader(threading.Thread):
    """Reads (problems, committed ledger batches) in one transaction until told to stop."""

    def __init__(self, engine: Engine, stop: threading.Event) -> None:
        """A reader of engine that stops once stop is set."""
        super().__init__(daemon=True)
        self.engine, self.stop = engine, stop
        self.seen: list[tuple[int, int]] = []
        self.failures: list[BaseException] = []

    def run(self) -> None:
        """Read until the writer is done (bounded by MAX_READS)."""
        committed = (ImportBatch.kind == "ledger") & (ImportBatch.status == "committed")
        # One statement, so one snapshot on both backends (PostgreSQL's READ COMMITTED gives
        # each statement of a transaction its own).
        query = select(
            select(func.count()).select_from(Problem).scalar_subquery(),
            select(func.count()).where(committed).scalar_subquery(),
        )
        try:
            for _ in range(MAX_READS):
                with session_scope(self.engine) as session:
                    problems, batches = session.execute(query).one()
                self.seen.append((problems, batches))
                if self.stop.is_set():
                    return
        except BaseException as exc:  # reported by the test thread
            self.failures.append(exc)


def test_imports_and_undo_while_four_readers_read(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    base = len(demo_parsed.problems)
    with session_scope(engine) as session:
        version_before = read_data_version(session=session)
    stop = threading.Event()
    readers = [Reader(engine, stop) for _ in range(READERS)]
    for reader in readers:
        reader.start()
    batch_ids = []
    try:
        for number in range(1, BATCHES + 1):
            parsed = with_new_problems(demo_parsed, number)
            batch_ids.append(apply_ledger(parsed, engine=engine, uploader="并发").batch_id)
        revert_batch(batch_ids[-1], engine=engine, actor="并发")
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=120)
    assert [r.failures for r in readers] == [[]] * READERS
    seen = {pair for reader in readers for pair in reader.seen}
    assert seen, "the readers read nothing"
    # Every snapshot is a whole number of imports: problems and batches always agree.
    assert all(problems == base + ROWS_PER_BATCH * batches for problems, batches in seen)
    with session_scope(engine) as session:
        assert read_data_version(session=session) == version_before + BATCHES + 1
        total = session.scalar(select(func.count()).select_from(Problem))
    assert total == base + ROWS_PER_BATCH * (BATCHES - 1)
