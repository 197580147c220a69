"""apply_ledger: exactly the edited rows change, history is appended, bad input writes nothing."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.formatting import local_today
from data_access.ingest.apply import apply_ledger
from data_access.ingest.errors import RowError
from data_access.ingest.headline_change import fetch_headline_figures
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.writer import LedgerRejectedError
from data_access.models import (
    AuditEvent,
    ImportBatch,
    ImportChange,
    Problem,
    StatusEvent,
)
from data_access.version import read_data_version
from tests.support.edits import NEW_AMOUNT, RECTIFIED_ON, edit_weekly
from tests.support.stored import dump_tables


def problems_by_code(engine: Engine) -> dict[str, dict]:
    """Every stored problem as a dict, keyed by code."""
    with session_scope(engine) as session:
        return {p.code: p.model_dump() for p in session.scalars(select(Problem))}


def data_version(engine: Engine) -> int:
    """The current data version."""
    with session_scope(engine) as session:
        return read_data_version(session=session)


def test_edited_ledger_changes_exactly_the_edited_rows(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    edit = edit_weekly(demo_parsed)
    before = problems_by_code(engine)
    result = apply_ledger(edit.parsed, engine=engine, uploader="张录入")
    after = problems_by_code(engine)
    assert result.applied
    assert set(after) - set(before) == {edit.new_code}
    differing = {code for code in before if before[code] != after[code]}
    assert differing == {edit.rectified_code, edit.amount_code}
    rectified = after[edit.rectified_code]
    assert (rectified["status"], rectified["rectified_on"]) == ("rectified", RECTIFIED_ON)
    assert after[edit.amount_code]["recovered_yuan"] == NEW_AMOUNT
    ignored = {"status", "rectified_on", "import_batch_id", "updated_at"}
    for name, value in before[edit.rectified_code].items():
        if name not in ignored:
            assert rectified[name] == value, name
    assert {after[c]["import_batch_id"] for c in differing | {edit.new_code}} == {result.batch_id}


def test_status_events_are_appended_and_stamped(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    edit = edit_weekly(demo_parsed)
    result = apply_ledger(edit.parsed, engine=writable_seeded_engine, uploader="张录入")
    with session_scope(writable_seeded_engine) as session:
        query = (
            select(Problem.code, StatusEvent.status, StatusEvent.changed_on)
            .join(Problem, Problem.id == StatusEvent.problem_id)
            .where(StatusEvent.import_batch_id == result.batch_id)
            .order_by(StatusEvent.id)
        )
        events = [tuple(row) for row in session.execute(query)]
        new_problem = session.scalars(select(Problem).where(Problem.code == edit.new_code)).one()
    assert new_problem.status == "rectified"
    assert events == [
        (edit.new_code, "rectified", RECTIFIED_ON),
        (edit.rectified_code, "rectified", RECTIFIED_ON),
    ]


def test_status_change_other_than_rectified_is_dated_today(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    problems = demo_parsed.problems.copy()
    index = problems.index[problems["status"] == "not_started"][0]
    problems.loc[index, "status"] = "in_progress"
    parsed = dataclasses.replace(demo_parsed, problems=problems)
    result = apply_ledger(parsed, engine=writable_seeded_engine, uploader="张录入")
    with session_scope(writable_seeded_engine) as session:
        events = session.execute(
            select(StatusEvent.status, StatusEvent.changed_on).where(
                StatusEvent.import_batch_id == result.batch_id
            )
        ).all()
    assert [tuple(e) for e in events] == [("in_progress", local_today())]


def test_batch_changes_audit_and_version_are_recorded(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    version_before = data_version(engine)
    edit = edit_weekly(demo_parsed)
    result = apply_ledger(edit.parsed, engine=engine, uploader="张录入")
    with session_scope(engine) as session:
        batch = session.get(ImportBatch, result.batch_id)
        changes = session.scalars(
            select(ImportChange).where(ImportChange.batch_id == result.batch_id)
        ).all()
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "import")).all()
    assert (batch.file_name, batch.uploader, batch.status, batch.kind) == (
        "周报.xlsx",
        "张录入",
        "committed",
        "ledger",
    )
    assert batch.sha256 == edit.parsed.sha256
    assert batch.finished_at >= batch.started_at
    counts = json.loads(batch.counts_json)
    assert counts["total"]["new"] == 1 and counts["total"]["changed"] == 2
    assert counts["problems"]["unchanged"] == len(demo_parsed.problems) - 2
    by_key = {(c.row_key, c.action) for c in changes}
    assert by_key == {
        (edit.new_code, "insert"),
        (edit.rectified_code, "update"),
        (edit.amount_code, "update"),
    }
    amount = next(c for c in changes if c.row_key == edit.amount_code)
    assert json.loads(amount.after_json)["recovered_yuan"] == NEW_AMOUNT
    inserted = next(c for c in changes if c.action == "insert")
    with session_scope(engine) as session:
        new_problem = session.scalars(select(Problem).where(Problem.code == edit.new_code)).one()
    assert inserted.before_json is None
    assert json.loads(inserted.after_json) == {
        "id": new_problem.id,
        "code": edit.new_code,
        "township_id": new_problem.township_id,
        "status": new_problem.status,
    }
    assert json.loads(amount.before_json)["recovered_yuan"] != NEW_AMOUNT
    assert [(a.actor, a.target) for a in audit] == [("张录入", "周报.xlsx")]
    assert json.loads(audit[0].detail)["batch_id"] == result.batch_id
    assert data_version(engine) == version_before + 1


def test_headline_after_matches_the_figures_after_commit(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    edit = edit_weekly(demo_parsed)
    result = apply_ledger(edit.parsed, engine=writable_seeded_engine, uploader="张录入")
    with session_scope(writable_seeded_engine) as session:
        assert fetch_headline_figures(session=session) == result.diff.after
    assert result.diff.after.problems_total == result.diff.before.problems_total + 1
    assert result.diff.after.problems_rectified == result.diff.before.problems_rectified + 2


def test_same_content_again_writes_nothing(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    engine = writable_seeded_engine
    edit = edit_weekly(demo_parsed)
    assert apply_ledger(edit.parsed, engine=engine, uploader="张录入").applied
    before = dump_tables(engine)
    again = apply_ledger(edit.parsed, engine=engine, uploader="张录入")
    assert again.batch_id is None
    assert again.diff.counts()["new"] == again.diff.counts()["changed"] == 0
    assert dump_tables(engine) == before


def test_file_with_errors_is_refused_and_nothing_written(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    error = RowError("整改台账", 5, "乡镇", "火星镇", "未知乡镇")
    parsed = dataclasses.replace(
        edit_weekly(demo_parsed).parsed, errors=[error], rejected_rows={"problems": {5}}
    )
    before = dump_tables(writable_seeded_engine)
    with pytest.raises(LedgerRejectedError) as refused:
        apply_ledger(parsed, engine=writable_seeded_engine, uploader="张录入")
    assert refused.value.errors == [error]
    assert dump_tables(writable_seeded_engine) == before


def test_failure_midway_rolls_everything_back(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    # A row pointing at a problem nobody knows (validation normally catches this) fails
    # after the problems were written: the whole file must still leave no trace.
    edit = edit_weekly(demo_parsed)
    people = edit.parsed.accountability.copy()
    people.loc[people.index[0], "problem_code"] = "不存在-001"
    parsed = dataclasses.replace(edit.parsed, accountability=people)
    before = dump_tables(writable_seeded_engine)
    with pytest.raises(KeyError):
        apply_ledger(parsed, engine=writable_seeded_engine, uploader="张录入")
    assert dump_tables(writable_seeded_engine) == before


def test_new_accountability_row_links_to_a_problem_of_the_same_file(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    edit = edit_weekly(demo_parsed)
    people = edit.parsed.accountability
    person = people.iloc[[0]].assign(code="WZ2018-900", problem_code=edit.new_code, _row=999)
    parsed = dataclasses.replace(edit.parsed, accountability=pd.concat([people, person]))
    result = apply_ledger(parsed, engine=writable_seeded_engine, uploader="张录入")
    assert result.diff.counts_by_sheet()["accountability"]["new"] == 1
    with session_scope(writable_seeded_engine) as session:
        linked = session.scalar(
            select(func.count())
            .select_from(Problem)
            .where(Problem.code == edit.new_code, Problem.import_batch_id == result.batch_id)
        )
    assert linked == 1
