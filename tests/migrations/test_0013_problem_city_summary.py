"""Migration 0013 (summary_problem_city) on a store with data, on both databases."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.schema import alembic_config, upgrade_schema
from data_access.summaries import refresh_summaries
from data_access.summary_models import ProblemCitySummary

KEYS = ("city_id", "focus_area", "status", "open_deadline")


def _rows(engine: Engine) -> list[tuple]:
    """The table's rows without their ids, in key order."""
    table = ProblemCitySummary.__table__
    columns = [column for column in table.columns if column.name != "id"]
    with session_scope(engine) as session:
        return [tuple(row) for row in session.execute(select(*columns).order_by(*columns))]


def test_down_to_0012_and_up_again_fills_it_like_a_rebuild(writable_seeded_engine: Engine) -> None:
    """Down: the table goes. Up: it is filled from summary_problem, as a rebuild fills it."""
    engine = writable_seeded_engine
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0012")
        connection.commit()
    assert "summary_problem_city" not in inspect(engine).get_table_names()
    upgrade_schema(engine)
    migrated = _rows(engine)
    with session_scope(engine, write=True) as session:
        refresh_summaries(session)
    assert migrated and migrated == _rows(engine)
