"""Around an insert that at least doubles a table: drop its indexes and foreign keys, rebuild.

PostgreSQL's guide to populating a database ("Remove Indexes", "Remove Foreign Key
Constraints") and SQLite alike: building an index once over all the rows costs less than
updating it row by row, and one ALTER TABLE … ADD FOREIGN KEY checks every row in one join
instead of a trigger per row (the apply step's figures: docs/performance.md).

Everything happens inside the caller's write transaction and is rebuilt from the database's
own catalogue (the DDL it holds), so what is restored is exactly what was there; if anything
fails, the rollback restores the old indexes and constraints too. SQLite's foreign keys are
left alone (it checks them by primary key, cheaply, and cannot switch them off inside a
transaction), and so are the indexes behind PRIMARY KEY / UNIQUE constraints.

The cost: on PostgreSQL the DROP takes an ACCESS EXCLUSIVE lock on the table until commit,
so pages reading it wait for the import (seconds) instead of reading the old rows. That only
happens for the large first loads this is for; a weekly update never comes near the threshold.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Table, func, select, text
from sqlmodel import Session

# Below this the DDL and the lock cost more than they save: PostgreSQL syncs each rebuilt
# index to disk, which made 10,000 new problems slower, not faster (docs/performance.md).
MIN_ROWS = 50_000
_SQLITE_INDEXES = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t AND sql IS NOT NULL"
)
_PG_INDEXES = """
    SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = :t AND indexname NOT IN
        (SELECT conname FROM pg_constraint WHERE conrelid = CAST(:t AS regclass))
"""
_PG_FOREIGN_KEYS = """
    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
    WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname
"""


@contextmanager
def rebuilt_after(session: Session, table: Table, incoming: int) -> Iterator[None]:
    """Inside: table without its secondary indexes (and PostgreSQL foreign keys) if worth it."""
    if incoming < MIN_ROWS or incoming < _stored_rows(session, table):
        yield
        return
    dialect = session.get_bind().dialect
    postgres = dialect.name == "postgresql"
    indexes = _catalogue(session, _PG_INDEXES if postgres else _SQLITE_INDEXES, table)
    foreign_keys = _catalogue(session, _PG_FOREIGN_KEYS, table) if postgres else {}
    quoted = dialect.identifier_preparer
    table_name = quoted.format_table(table)
    for name in foreign_keys:
        session.execute(text(f"ALTER TABLE {table_name} DROP CONSTRAINT {quoted.quote(name)}"))
    for name in indexes:
        session.execute(text(f"DROP INDEX {quoted.quote(name)}"))
    yield
    for definition in indexes.values():
        session.execute(text(definition))
    for name, definition in foreign_keys.items():
        add = f"ALTER TABLE {table_name} ADD CONSTRAINT {quoted.quote(name)} {definition}"
        session.execute(text(add))


def _stored_rows(session: Session, table: Table) -> int:
    """How many rows table holds now."""
    return int(session.scalar(select(func.count()).select_from(table)) or 0)


def _catalogue(session: Session, query: str, table: Table) -> dict[str, str]:
    """Name → DDL of the table's objects the catalogue query lists."""
    return dict(session.execute(text(query), {"t": table.name}).all())
