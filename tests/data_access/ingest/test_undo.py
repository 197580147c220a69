"""revert_batch: every table back exactly as before; newest first; the history listing."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.formatting import local_today
from data_access.ingest.apply import apply_ledger
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.undo import UndoRefusedError, list_batches, revert_batch, undo_blocker
from data_access.models import AuditEvent, ImportBatch
from data_access.version import read_data_version
from tests.support.edits import edit_weekly, with_problem_changes
from tests.support.stored import HISTORY_TABLES, dump_tables


def version_of(engine: Engine) -> int:
    """The current data version."""
    with session_scope(engine) as session:
        return read_data_version(session=session)


def batch(engine: Engine, batch_id: int) -> ImportBatch:
    """One stored ImportBatch."""
    with session_scope(engine) as session:
        return session.get(ImportBatch, batch_id)


def test_import_then_undo_leaves_every_table_as_before(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    before = dump_tables(engine, skip=HISTORY_TABLES)
    result = apply_ledger(edit_weekly(demo_parsed).parsed, engine=engine, uploader="张录入")
    assert dump_tables(engine, skip=HISTORY_TABLES) != before
    version_after_import = version_of(engine)
    revert_batch(result.batch_id, engine=engine, actor="李管理")
    assert dump_tables(engine, skip=HISTORY_TABLES) == before
    assert version_of(engine) == version_after_import + 1
    reverted = batch(engine, result.batch_id)
    assert (reverted.status, reverted.reverted_by) == ("reverted", "李管理")
    assert reverted.reverted_at is not None
    with session_scope(engine) as session:
        undo = session.scalars(select(AuditEvent).where(AuditEvent.action == "undo")).one()
    assert (undo.actor, undo.target) == ("李管理", "周报.xlsx")


def test_a_later_batch_on_the_same_rows_blocks_the_undo(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    original = dump_tables(engine, skip=HISTORY_TABLES)
    code = str(demo_parsed.problems["code"].iloc[0])
    first = apply_ledger(
        with_problem_changes(demo_parsed, code, file_name="第一周.xlsx", rules_improved=7),
        engine=engine,
        uploader="张录入",
    )
    second = apply_ledger(
        with_problem_changes(demo_parsed, code, file_name="第二周.xlsx", rules_improved=9),
        engine=engine,
        uploader="王录入",
    )
    blocked = dump_tables(engine)
    with pytest.raises(UndoRefusedError) as refused:
        revert_batch(first.batch_id, engine=engine, actor="李管理")
    message = refused.value.message
    assert f"第 {second.batch_id} 批" in message and "第二周.xlsx" in message
    assert "请先撤销" in message
    assert dump_tables(engine) == blocked  # a refused undo writes nothing
    with session_scope(engine) as session:
        assert undo_blocker(first.batch_id, session=session) == message
        assert undo_blocker(second.batch_id, session=session) is None
    revert_batch(second.batch_id, engine=engine, actor="李管理")
    revert_batch(first.batch_id, engine=engine, actor="李管理")
    assert dump_tables(engine, skip=HISTORY_TABLES) == original


def test_a_later_row_pointing_at_a_new_problem_blocks_the_undo(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    edit = edit_weekly(demo_parsed)
    first = apply_ledger(edit.parsed, engine=engine, uploader="张录入")
    people = edit.parsed.accountability
    person = people.iloc[[0]].assign(code="WZ2018-901", problem_code=edit.new_code, _row=500)
    later = dataclasses.replace(
        edit.parsed, accountability=pd.concat([people, person]), file_name="问责补充.xlsx"
    )
    second = apply_ledger(later, engine=engine, uploader="王录入")
    with pytest.raises(UndoRefusedError, match=f"第 {second.batch_id} 批"):
        revert_batch(first.batch_id, engine=engine, actor="李管理")


def test_undo_of_the_demo_or_twice_is_refused(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    with session_scope(engine) as session:
        seed_batch = session.scalars(select(ImportBatch.id)).one()
    with pytest.raises(UndoRefusedError, match="不是台账导入"):
        revert_batch(seed_batch, engine=engine, actor="李管理")
    with pytest.raises(UndoRefusedError, match="找不到"):
        revert_batch(seed_batch + 1000, engine=engine, actor="李管理")
    result = apply_ledger(edit_weekly(demo_parsed).parsed, engine=engine, uploader="张录入")
    revert_batch(result.batch_id, engine=engine, actor="李管理")
    with pytest.raises(UndoRefusedError, match="已于"):
        revert_batch(result.batch_id, engine=engine, actor="李管理")


def test_list_batches_shows_counts_uploader_and_state(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    result = apply_ledger(edit_weekly(demo_parsed).parsed, engine=engine, uploader="张录入")
    with session_scope(engine) as session:
        history = list_batches(session=session)
    newest = history.iloc[0]
    assert newest["id"] == result.batch_id
    assert (newest["file_name"], newest["uploader"], newest["status"]) == (
        "周报.xlsx",
        "张录入",
        "committed",
    )
    assert (newest["new"], newest["changed"], newest["rejected"]) == (1, 2, 0)
    assert bool(newest["undoable"]) is True
    assert bool(history.iloc[-1]["undoable"]) is False  # the demo's own batch
    assert newest["started_at"].date() <= local_today()
