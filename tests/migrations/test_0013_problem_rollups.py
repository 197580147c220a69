"""Migration 0013 (the summary rollups) on a store with data, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.schema import upgrade_schema
from data_access.summaries import refresh_summaries
from data_access.summary_models import (
    PeriodTotalSummary,
    ProblemCitySummary,
    ProblemStatusSummary,
)
from tests.support.migrations import downgrade_to

MODELS = (ProblemCitySummary, ProblemStatusSummary, PeriodTotalSummary)


def _rows(engine: Engine) -> list[list[tuple]]:
    """Each table's rows without their ids, in column order."""
    rows = []
    with session_scope(engine) as session:
        for model in MODELS:
            columns = [column for column in model.__table__.columns if column.name != "id"]
            query = select(*columns).order_by(*columns)
            rows.append([tuple(row) for row in session.execute(query)])
    return rows


def test_down_to_0012_and_up_again_fills_them_like_a_rebuild(
    writable_seeded_engine: Engine,
) -> None:
    """Down: the tables go. Up: they are filled from summary_problem, as a rebuild fills them."""
    engine = writable_seeded_engine
    downgrade_to(engine, "0012")
    tables = {model.__tablename__ for model in MODELS}
    assert not tables & set(inspect(engine).get_table_names())
    upgrade_schema(engine)
    migrated = _rows(engine)
    with session_scope(engine, write=True) as session:
        refresh_summaries(session)
    assert all(migrated) and migrated == _rows(engine)
