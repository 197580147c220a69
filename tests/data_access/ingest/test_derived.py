"""ingest.derived: the new rows' undo images and first status events, written by the database."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.formatting import local_today
from data_access.ingest.apply import apply_ledger
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.records import TABLES_BY_NAME, row_to_json
from data_access.models import ImportChange, Problem, StatusEvent
from tests.support.edits import RECTIFIED_ON

NEW_STATUSES = {"ZY2018-901": "not_started", "ZY2018-902": "in_progress", "ZY2018-903": "rectified"}


def with_new_problems(parsed: ParsedLedger) -> ParsedLedger:
    """parsed plus one new problem per status of NEW_STATUSES, plus a new accountability row."""
    problems = parsed.problems
    template = problems.loc[[problems.index[problems["status"] != "rectified"][0]]]
    added = []
    for offset, (code, status) in enumerate(NEW_STATUSES.items()):
        rectified_on = RECTIFIED_ON if status == "rectified" else None
        row = template.assign(code=code, status=status, _row=len(problems) + 2 + offset)
        added.append(row.assign(rectified_on=[rectified_on]))
    actions = parsed.accountability
    action = actions.iloc[[0]].assign(code="ZY2018-903-A1", problem_code="ZY2018-903")
    return dataclasses.replace(
        parsed,
        problems=pd.concat([problems, *added], ignore_index=True),
        accountability=pd.concat([actions, action], ignore_index=True),
        sha256="2" * 64,
    )


@pytest.fixture
def new_batch(writable_seeded_engine: Engine, demo_parsed: ParsedLedger) -> int:
    """The id of the batch that imported with_new_problems(demo)."""
    parsed = with_new_problems(demo_parsed)
    result = apply_ledger(parsed, engine=writable_seeded_engine, uploader="张录入")
    assert result.batch_id is not None
    return result.batch_id


def test_new_problems_get_one_event_each_except_not_started(
    writable_seeded_engine: Engine, new_batch: int
) -> None:
    with session_scope(writable_seeded_engine) as session:
        query = (
            select(Problem.code, StatusEvent.status, StatusEvent.changed_on, StatusEvent.note)
            .join(Problem, Problem.id == StatusEvent.problem_id)
            .where(StatusEvent.import_batch_id == new_batch)
            .order_by(StatusEvent.id)
        )
        events = [tuple(row) for row in session.execute(query)]
    assert events == [
        ("ZY2018-902", "in_progress", local_today(), "台账导入"),
        ("ZY2018-903", "rectified", RECTIFIED_ON, "台账导入"),
    ]


def test_insert_images_name_each_new_row_as_stored(
    writable_seeded_engine: Engine, new_batch: int
) -> None:
    with session_scope(writable_seeded_engine) as session:
        changes = session.scalars(
            select(ImportChange).where(ImportChange.batch_id == new_batch).order_by(ImportChange.id)
        ).all()
        images = [(c.table_name, c.row_key, c.action, c.before_json) for c in changes]
        stored = {}
        for change in changes:
            table = TABLES_BY_NAME[change.table_name].table
            row = session.execute(select(table).where(table.c.code == change.row_key)).one()
            stored[change.row_key] = row._mapping
    assert images == [
        *[("problem", code, "insert", None) for code in NEW_STATUSES],
        ("accountability_action", "ZY2018-903-A1", "insert", None),
    ]
    for change in changes:
        row = stored[change.row_key]
        image = json.loads(change.after_json)
        assert image == {name: row[name] for name in image}
        assert set(image) >= {"id", "code", "township_id"}
    assert json.loads(changes[-1].after_json)["problem_id"] == stored["ZY2018-903"]["id"]
    assert json.loads(changes[0].after_json)["status"] == "not_started"
    if writable_seeded_engine.dialect.name == "sqlite":  # the same text the encoder writes
        assert changes[0].after_json == row_to_json(json.loads(changes[0].after_json))
