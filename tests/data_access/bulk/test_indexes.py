"""A large insert drops the table's indexes (and PostgreSQL foreign keys) and rebuilds them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from data_access.bulk import indexes
from data_access.bulk.insert import insert_rows
from data_access.db import session_scope
from data_access.models import Problem

PROBLEM = Problem.__table__  # type: ignore[attr-defined]


def schema_of(engine: Engine) -> dict[str, Any]:
    """The problem table's indexes, foreign keys and unique constraints as reflected."""
    inspector = inspect(engine)
    key = lambda item: item["name"] or ""  # noqa: E731
    indexes = [
        # A partial index's WHERE comes back as a TextClause, equal only to itself: compare text.
        {**index, "dialect_options": {k: str(v) for k, v in index["dialect_options"].items()}}
        for index in inspector.get_indexes("problem")
    ]
    return {
        "indexes": sorted(indexes, key=key),
        "foreign_keys": sorted(inspector.get_foreign_keys("problem"), key=key),
        "unique": sorted(inspector.get_unique_constraints("problem"), key=key),
    }


def copies_of_stored_problems(engine: Engine, prefix: str, times: int) -> list[dict[str, Any]]:
    """The demo's problems, times over, with new codes and no ids: more rows than stored."""
    with session_scope(engine) as session:
        stored = [dict(row._mapping) for row in session.execute(select(PROBLEM))]
    rows = []
    for copy in range(times):
        for row in stored:
            rows.append({**row, "code": f"{prefix}-{copy}-{row['code']}"})
            del rows[-1]["id"]
    return rows


@pytest.fixture
def ddl_statements(writable_seeded_engine: Engine) -> Iterator[list[str]]:
    """The DROP / CREATE / ALTER statements the test's engine runs while the test runs."""
    seen: list[str] = []

    def collect(conn, cursor, statement, *args) -> None:
        if statement.lstrip().upper().startswith(("DROP", "CREATE", "ALTER")):
            seen.append(statement)

    event.listen(writable_seeded_engine, "before_cursor_execute", collect)
    yield seen
    event.remove(writable_seeded_engine, "before_cursor_execute", collect)


def count_problems(engine: Engine) -> int:
    """How many problems are stored."""
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(PROBLEM)) or 0)


def test_a_large_insert_rebuilds_exactly_the_schema_it_found(
    writable_seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch, ddl_statements: list[str]
) -> None:
    """Indexes and foreign keys dropped, rows in, the same indexes and keys back."""
    monkeypatch.setattr(indexes, "MIN_ROWS", 10)
    engine = writable_seeded_engine
    before, stored = schema_of(engine), count_problems(engine)
    rows = copies_of_stored_problems(engine, "BULK", 2)
    with session_scope(engine, write=True) as session:
        insert_rows(session, PROBLEM, rows)
    assert any(s.startswith("DROP INDEX") for s in ddl_statements)
    assert any(s.startswith("CREATE INDEX") for s in ddl_statements)
    if engine.dialect.name == "postgresql":
        assert sum("ADD CONSTRAINT" in s for s in ddl_statements) == len(before["foreign_keys"])
    assert schema_of(engine) == before
    assert count_problems(engine) == stored + len(rows)


def test_a_bad_row_in_a_large_insert_writes_nothing_and_keeps_the_schema(
    writable_seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row pointing at no township fails (PostgreSQL: when the key is added back)."""
    monkeypatch.setattr(indexes, "MIN_ROWS", 10)
    engine = writable_seeded_engine
    before, stored = schema_of(engine), count_problems(engine)
    rows = copies_of_stored_problems(engine, "BAD", 2)
    rows[-1]["township_id"] = 999_999
    with pytest.raises(IntegrityError), session_scope(engine, write=True) as session:
        insert_rows(session, PROBLEM, rows)
    assert schema_of(engine) == before
    assert count_problems(engine) == stored


def test_a_small_insert_leaves_the_schema_alone(
    writable_seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch, ddl_statements: list[str]
) -> None:
    """Below MIN_ROWS, or fewer rows than the table holds: no DDL runs at all."""
    engine = writable_seeded_engine
    with session_scope(engine, write=True) as session:
        insert_rows(session, PROBLEM, copies_of_stored_problems(engine, "SMALL", 1))
    monkeypatch.setattr(indexes, "MIN_ROWS", 10)
    with session_scope(engine, write=True) as session:
        insert_rows(session, PROBLEM, copies_of_stored_problems(engine, "FEW", 1)[:100])
    assert ddl_statements == []
