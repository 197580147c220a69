"""Fresh test databases from templates: migrated (and seeded) once per worker, copied per test.

Migrating and seeding again for each test took seconds; the suite asks for some five hundred
fresh databases. SQLite copies the template file through SQLite's backup API. PostgreSQL
keeps the template's rows in memory (COPY) and writes them back into the test's database
after TRUNCATE: dropping and re-creating a database costs a checkpoint of the whole cluster.
A test that changed the schema itself (a migration test) gets the schema rebuilt first.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url

from data_access.db import is_sqlite

# Everything a test could change about the schema: tables, columns, indexes, constraints,
# triggers (and whether they are enabled), and the migration the database is at.
SCHEMA_FINGERPRINT = """
SELECT md5(coalesce(string_agg(item, '|' ORDER BY item), '')) FROM (
  SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':'
         || coalesce(column_default, '') AS item
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT conrelid::regclass::text || conname || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT tgrelid::regclass::text || tgname || tgenabled::text
    FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'v' || version_num FROM alembic_version
) AS schema_items
"""
TABLES = """
SELECT quote_ident(tablename) FROM pg_tables
 WHERE schemaname = 'public' AND tablename <> 'alembic_version' ORDER BY tablename
"""
SEQUENCES = """
SELECT quote_ident(sequencename), last_value FROM pg_sequences WHERE schemaname = 'public'
"""


@dataclass(frozen=True)
class PostgresSnapshot:
    """A PostgreSQL database's rows (COPY text per table), sequences and schema fingerprint."""

    fingerprint: str
    rows: dict[str, bytes]
    sequences: dict[str, int | None]


def snapshot(engine: Engine) -> str | PostgresSnapshot:
    """What restore needs to bring a database back to engine's present state.

    SQLite: the template file's path (the engine's pool is closed so the file is complete).
    """
    if is_sqlite(engine):
        engine.dispose()
        return str(make_url(engine.url).database)
    with engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        rows = {}
        for (table,) in conn.execute(text(TABLES)):
            with cursor.copy(f"COPY {table} TO STDOUT") as copy:
                rows[table] = b"".join(bytes(block) for block in copy)
        sequences = dict(conn.execute(text(SEQUENCES)).all())
        fingerprint = conn.execute(text(SCHEMA_FINGERPRINT)).scalar_one()
    return PostgresSnapshot(fingerprint, rows, sequences)


def restore(engine: Engine, template: str | PostgresSnapshot, rebuild_schema) -> None:
    """Make engine's database hold exactly the template's rows (rebuild_schema(engine) first
    when a test changed the schema)."""
    if isinstance(template, str):
        engine.dispose()  # no pooled connection may see the file being replaced
        with (
            closing(sqlite3.connect(template)) as source,
            closing(sqlite3.connect(make_url(engine.url).database)) as copy,
        ):
            source.backup(copy)
        return
    if _fingerprint(engine) != template.fingerprint:
        rebuild_schema(engine)
    _write_rows(engine, template)


def _fingerprint(engine: Engine) -> str | None:
    """The schema's fingerprint; None for a database that was never migrated."""
    with engine.connect() as conn:
        if conn.execute(text("SELECT to_regclass('public.alembic_version')")).scalar() is None:
            return None
        return conn.execute(text(SCHEMA_FINGERPRINT)).scalar_one()


def _write_rows(engine: Engine, template: PostgresSnapshot) -> None:
    """Empty every table and COPY the template's rows back, triggers and foreign keys off
    (the rows are the template's own, consistent already; audit_event refuses deletes).

    DELETE rather than TRUNCATE: a test's few hundred rows go faster than TRUNCATE's new
    files for every table and index.
    """
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        for (table,) in conn.execute(text(TABLES)).all():
            conn.execute(text(f"DELETE FROM {table}"))
        cursor = conn.connection.driver_connection.cursor()
        for table, data in template.rows.items():
            if data:
                with cursor.copy(f"COPY {table} FROM STDIN") as copy:
                    copy.write(data)
        for sequence, value in template.sequences.items():
            start = "1, false" if value is None else str(int(value))
            conn.execute(text(f"SELECT setval('{sequence}', {start})"))
    with engine.connect() as conn:  # the planner's statistics of these rows, not a past test's
        conn.execute(text(f"ANALYZE {', '.join(template.rows)}"))
        conn.commit()
