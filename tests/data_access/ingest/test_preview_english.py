"""The import preview, rejection and undo in English (the file's own names stay as written)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.diff import compute_diff
from data_access.ingest.errors import RowError
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.preview import changes_frame, counts_frame, headline_frame, rows_frame
from data_access.ingest.undo import UndoRefusedError, revert_batch, undo_blocker
from data_access.ingest.writer import LedgerRejectedError
from i18n import use_language
from tests.support.edits import edit_weekly

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def test_preview_tables_are_english(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    edit = edit_weekly(demo_parsed)
    with session_scope(writable_seeded_engine) as session, use_language("en"):
        diff = compute_diff(edit.parsed, session=session)
        changes = changes_frame(diff, session=session)
        counts, headline = counts_frame(diff), headline_frame(diff)
        new_rows = rows_frame(diff, "new")
    assert changes.columns.tolist() == ["Sheet", "Row", "Code", "Column", "Old value", "New value"]
    status = changes[
        (changes["Code"] == edit.rectified_code) & (changes["Column"] == "Rectification status")
    ]
    assert status[["Sheet", "New value"]].values.tolist() == [["Rectification ledger", "Rectified"]]
    assert new_rows.columns.tolist() == ["Sheet", "Row", "Code"]
    totals = counts.set_index("Sheet").loc["Total"]
    assert (totals["New"], totals["Changed"]) == (1, 2)
    assert headline.columns.tolist() == ["Figure", "Before import", "After import"]
    assert headline.set_index("Figure").loc["Problems", "After import"] == (
        f"{diff.after.problems_total:,}"
    )
    for frame in (counts, headline):
        assert not CJK.search(frame.to_csv()), frame


def test_a_rejected_ledger_and_a_refused_undo_say_why_in_english(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    error = RowError("整改台账", 7, "乡镇", "", "Required; must not be empty")
    parsed = edit_weekly(demo_parsed).parsed
    parsed.errors.append(error)
    with use_language("en"), pytest.raises(LedgerRejectedError) as rejected:
        apply_ledger(parsed, engine=writable_seeded_engine, uploader="uploader")
    assert rejected.value.message == "Errors found in the file: 1; nothing was written"
    with use_language("en"), pytest.raises(UndoRefusedError) as refused:
        revert_batch(999_999, engine=writable_seeded_engine, actor="admin")
    assert refused.value.message == "Import batch 999999 not found."


def test_an_undo_blocked_by_a_later_batch_names_it_in_english(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    first = apply_ledger(edit_weekly(demo_parsed).parsed, engine=engine, uploader="first")
    again = edit_weekly(demo_parsed, file_name="second.xlsx").parsed
    again.problems.loc[again.problems.index[0], "recovered_yuan"] = 7
    second = apply_ledger(again, engine=engine, uploader="second")
    assert first.batch_id is not None and second.batch_id is not None
    with session_scope(engine) as session, use_language("en"):
        reason = undo_blocker(first.batch_id, session=session)
    assert reason is not None and reason.startswith(
        f"Cannot undo batch {first.batch_id}: the later import batch {second.batch_id} "
        "(file “second.xlsx”, uploaded by second, "
    )
    assert not CJK.search(reason)
