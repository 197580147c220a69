"""A large import or undo refreshes PostgreSQL's planner statistics in its own transaction."""

from __future__ import annotations

from sqlalchemy import delete, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data_access.ingest.analyze import LARGE_CHANGE, analyze_after_large_change
from data_access.models import Case, Lead

LEAD_ESTIMATE = text("SELECT reltuples FROM pg_class WHERE relname = 'lead'")


def estimate_after_deleting_leads(engine: Engine, rows_written: int) -> float | None:
    """PostgreSQL's row estimate for lead once every lead is deleted and rows_written reported.

    None on SQLite (no statistics to refresh; the call must simply do nothing). The
    transaction is rolled back: the store stays as it was.
    """
    with Session(engine) as session:
        session.execute(delete(Case))
        session.execute(delete(Lead))
        analyze_after_large_change(session, rows_written)
        postgres = session.get_bind().dialect.name == "postgresql"
        estimate = session.scalar(LEAD_ESTIMATE) if postgres else None
        session.rollback()
    return estimate


def test_large_change_analyzes_the_ledger_tables(writable_seeded_engine: Engine) -> None:
    """Inside the same transaction the planner's estimate drops to the new size (0 leads)."""
    estimate = estimate_after_deleting_leads(writable_seeded_engine, LARGE_CHANGE)
    assert estimate in (None, 0)


def test_small_change_leaves_the_statistics_alone(writable_seeded_engine: Engine) -> None:
    """Below LARGE_CHANGE rows no ANALYZE runs: the estimate still counts the deleted leads."""
    estimate = estimate_after_deleting_leads(writable_seeded_engine, LARGE_CHANGE - 1)
    assert estimate is None or estimate != 0
