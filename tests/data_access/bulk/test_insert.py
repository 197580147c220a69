"""insert_rows (driver-level executemany) stores exactly what SQLAlchemy's insert stores."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from data_access.bulk.insert import insert_rows
from data_access.db import session_scope
from data_access.models import AuditEvent, Problem, StatusEvent

AT = datetime(2018, 6, 8, 9, 30, 15, 123456, tzinfo=UTC)


def both_ways(engine: Engine, table, row: dict, marker: str, marks: tuple[str, str]) -> list:
    """Insert row with insert_rows and with SQLAlchemy (marker column told apart); read both."""
    fast, slow = ({**row, marker: mark} for mark in marks)
    with session_scope(engine, write=True) as session:
        insert_rows(session, table, [fast])
        session.execute(insert(table), [slow])
    column = table.c[marker]
    with session_scope(engine) as session:
        rows = session.execute(select(table).where(column.in_(marks)).order_by(column)).all()
    return [row._asdict() | {"id": None, marker: None} for row in rows]


def test_dates_text_and_none_as_sqlalchemy_stores_them(writable_seeded_engine: Engine) -> None:
    """A status event (date, text, NULL batch) reads back the same on either path."""
    with session_scope(writable_seeded_engine) as session:
        problem_id = session.scalar(select(Problem.id).order_by(Problem.id).limit(1))
    event = {"problem_id": problem_id, "status": "rectified", "changed_on": date(2018, 6, 8)}
    event |= {"import_batch_id": None}
    fast, slow = both_ways(
        writable_seeded_engine, StatusEvent.__table__, event, "note", ("快 fast", "慢 slow")
    )
    assert fast == slow
    assert fast["changed_on"] == date(2018, 6, 8) and fast["import_batch_id"] is None


def test_utc_datetimes_as_sqlalchemy_stores_them(writable_seeded_engine: Engine) -> None:
    """An aware datetime goes through the column's own type on either path."""
    audit = {"at": AT, "action": "export", "target": "t.xlsx", "detail": "{}"}
    fast, slow = both_ways(writable_seeded_engine, AuditEvent.__table__, audit, "actor", ("a", "b"))
    assert fast == slow
    assert fast["at"] == AT


def test_stored_text_is_what_sqlalchemy_writes(writable_seeded_engine: Engine) -> None:
    """On SQLite the date and timestamp text itself is identical, not just read back alike."""
    engine = writable_seeded_engine
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite stores dates as text; PostgreSQL has date types")
    with session_scope(engine) as session:
        problem_id = session.scalar(select(Problem.id).order_by(Problem.id).limit(1))
    event = {"problem_id": problem_id, "status": "rectified", "changed_on": date(2018, 6, 8)}
    both_ways(engine, StatusEvent.__table__, event, "note", ("快", "慢"))
    audit = {"at": AT, "action": "export", "target": "t.xlsx", "detail": "{}"}
    both_ways(engine, AuditEvent.__table__, audit, "actor", ("a", "b"))
    queries = {
        "SELECT changed_on FROM status_event WHERE note IN ('快', '慢')": "2018-06-08",
        "SELECT at FROM audit_event WHERE actor IN ('a', 'b')": "2018-06-08 09:30:15",
    }
    with session_scope(engine) as session:
        for query, start in queries.items():
            texts = [text for (text,) in session.connection().exec_driver_sql(query)]
            assert len(texts) == 2 and texts[0] == texts[1] and texts[0].startswith(start)
