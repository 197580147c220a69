"""ANALYZE on PostgreSQL after an import or undo that moved many rows: fresh planner statistics.

PostgreSQL plans from statistics that autovacuum refreshes only some time later. Right
after a large first import it still took the tables for the demo's few hundred rows, and
the next upload's look-ups chose plans that made its preview take minutes instead of
seconds (docs/performance.md). ANALYZE samples the tables inside the
writing transaction, so the summary rebuild that follows and every later upload are
planned on the new sizes. SQLite plans without such statistics and is left alone.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

from data_access.ingest.records import LEDGER_TABLES
from data_access.models import ImportChange, StatusEvent

LARGE_CHANGE = 5_000  # rows written; below this the old statistics are close enough
# Every table a ledger import or undo writes rows to in bulk.
BULK_TABLES = (
    *(ledger.name for ledger in LEDGER_TABLES),
    StatusEvent.__tablename__,
    ImportChange.__tablename__,
)


def analyze_after_large_change(session: Session, rows_written: int) -> None:
    """ANALYZE the bulk-written tables when rows_written is large (PostgreSQL only)."""
    if rows_written < LARGE_CHANGE or session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text(f"ANALYZE {', '.join(BULK_TABLES)}"))
