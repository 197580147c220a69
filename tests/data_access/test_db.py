"""Engines and sessions: SQLite pragmas, BEGIN IMMEDIATE writes, lazy engines, bad URLs, schema."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import SQLModel

import data_access.models  # noqa: F401  (registers every table on SQLModel.metadata)
from data_access.db import (
    DatabaseUnavailableError,
    check_connection,
    make_engine,
    normalise_url,
    session_scope,
)
from data_access.schema import alembic_config, upgrade_schema
from data_access.settings import PROJECT_ROOT
from data_access.summaries import refresh_summaries
from data_access.version import read_data_version

CJK = re.compile(r"[\u4e00-\u9fff]")
WRITER_THREADS = 8
TRANSACTIONS_PER_THREAD = 50


@pytest.fixture
def sqlite_file_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A private engine on a fresh SQLite file, with a recognisable busy_timeout."""
    monkeypatch.setenv("SQLITE_BUSY_TIMEOUT_MS", "4321")
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    yield engine
    engine.dispose()


def _pragma(engine: Engine, name: str):
    """The value of one SQLite PRAGMA as seen by a pooled connection."""
    with engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_sqlite_pragmas_are_set_on_every_connection(sqlite_file_engine: Engine) -> None:
    """WAL, foreign keys and the configured busy_timeout are in force."""
    assert _pragma(sqlite_file_engine, "journal_mode") == "wal"
    assert _pragma(sqlite_file_engine, "foreign_keys") == 1
    assert _pragma(sqlite_file_engine, "busy_timeout") == 4321


def test_sqlite_foreign_keys_are_enforced(sqlite_file_engine: Engine) -> None:
    """A row pointing at a missing parent is refused (the pragma is not just reported)."""
    with sqlite_file_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))")
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), sqlite_file_engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO child (parent_id) VALUES (42)")


def _try_begin_immediate(database: Path) -> str:
    """From an independent connection, try to take the write lock without waiting."""
    other = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return "acquired"
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        other.close()


def test_write_session_takes_the_write_lock_at_begin(
    sqlite_file_engine: Engine,
) -> None:
    """A write session holds the lock from its first statement; a read session does not."""
    database = Path(sqlite_file_engine.url.database)
    with session_scope(sqlite_file_engine) as session:
        session.execute(text("SELECT 1"))
        assert _try_begin_immediate(database) == "acquired"
    with session_scope(sqlite_file_engine, write=True) as session:
        session.execute(text("SELECT 1"))  # only reads so far, yet the lock is taken
        assert _try_begin_immediate(database) == "database is locked"


def _read_then_write(engine: Engine, errors: list[str]) -> None:
    """Increment the counter many times, each a read-then-write transaction."""
    for _ in range(TRANSACTIONS_PER_THREAD):
        try:
            with session_scope(engine, write=True) as session:
                current = session.execute(text("SELECT n FROM counter WHERE id = 1")).scalar_one()
                session.execute(text("UPDATE counter SET n = :n WHERE id = 1"), {"n": current + 1})
        except OperationalError as exc:
            errors.append(str(exc.orig))


@pytest.mark.slow
def test_concurrent_read_then_write_transactions_never_hit_a_locked_database(
    sqlite_file_engine: Engine,
) -> None:
    """8 threads x 50 read-then-write transactions: no 'database is locked', no lost update."""
    with sqlite_file_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        conn.exec_driver_sql("INSERT INTO counter (id, n) VALUES (1, 0)")
    errors: list[str] = []
    threads = [
        threading.Thread(target=_read_then_write, args=(sqlite_file_engine, errors))
        for _ in range(WRITER_THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sqlite_file_engine.connect() as conn:
        total = conn.exec_driver_sql("SELECT n FROM counter").scalar_one()
    assert total == WRITER_THREADS * TRANSACTIONS_PER_THREAD


IMPORT_EVERYTHING = """
import importlib, json, pkgutil
import data_access
names = sorted(m.name for m in pkgutil.walk_packages(data_access.__path__, "data_access."))
for name in names:
    importlib.import_module(name)
from data_access import db
print(json.dumps({"modules": names, "engines": len(db._ENGINES)}))
"""


def test_importing_the_data_layer_creates_no_engine(tmp_path: Path) -> None:
    """Every data_access module imports without creating an engine or touching the database."""
    target = tmp_path / "never" / "created.db"
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING],
        cwd=PROJECT_ROOT,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{target}"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = result.stdout.strip().splitlines()[-1]
    assert '"engines": 0' in report
    assert '"data_access.db"' in report and '"data_access.schema"' in report
    assert not target.parent.exists()


def _one_line_bilingual(message: str) -> None:
    """The message a user sees: one line, Chinese and English."""
    assert message and "\n" not in message
    assert CJK.search(message) and re.search(r"[A-Za-z]{4,}", message)


@pytest.mark.parametrize("url", ["not-a-url", "mysql://x", "oracle://scott@db/orcl"])
def test_bad_database_url_is_one_clear_line(url: str) -> None:
    """A malformed or unsupported URL is refused before anything connects."""
    with pytest.raises(DatabaseUnavailableError) as caught:
        make_engine(url)
    _one_line_bilingual(str(caught.value))


def test_unreachable_postgres_is_one_clear_line() -> None:
    """Nothing listens on port 1: check_connection says so in one line."""
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/nothing?connect_timeout=5")
    try:
        with pytest.raises(DatabaseUnavailableError) as caught:
            check_connection(engine)
    finally:
        engine.dispose()
    _one_line_bilingual(str(caught.value))
    assert "127.0.0.1:1" in str(caught.value)


def test_sqlite_file_that_cannot_be_used_is_one_clear_line(tmp_path: Path) -> None:
    """A folder that cannot be made, or a file that is no database, gives one clear line."""
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("这不是数据库 / not a database\n" * 100)
    blocked_folder = f"sqlite:///{not_a_database}/sub/dashboard.db"  # a file stands in the way
    with pytest.raises(DatabaseUnavailableError) as caught:
        make_engine(blocked_folder)
    _one_line_bilingual(str(caught.value))
    engine = make_engine(f"sqlite:///{not_a_database}")
    try:
        with pytest.raises(DatabaseUnavailableError) as caught:
            check_connection(engine)
    finally:
        engine.dispose()
    _one_line_bilingual(str(caught.value))


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgres_urls_use_psycopg3_with_pre_ping(scheme: str) -> None:
    """Plain postgres URLs map onto psycopg 3; the pool checks connections before use."""
    engine = make_engine(f"{scheme}://postgres@127.0.0.1:5432/x")
    try:
        assert engine.dialect.driver == "psycopg"
        assert engine.pool._pre_ping is True
    finally:
        engine.dispose()
    assert normalise_url(f"{scheme}://h/db").startswith("postgresql+psycopg://")


def _head_revision() -> str:
    """The newest migration in migrations/versions."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_upgrade_schema_is_idempotent(empty_engine: Engine) -> None:
    """Upgrading an up-to-date database again changes nothing and stays at head."""
    tables_before = set(inspect(empty_engine).get_table_names())
    upgrade_schema(empty_engine)
    upgrade_schema(empty_engine)
    inspector = inspect(empty_engine)
    assert set(inspector.get_table_names()) == tables_before
    with empty_engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == _head_revision()


def test_migrations_match_the_models(empty_engine: Engine) -> None:
    """Autogenerate finds no difference between the migrated database and models.py."""
    with empty_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def _period_rows(engine: Engine) -> list[tuple]:
    """summary_period's rows without their ids, sorted."""
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM summary_period")).mappings().all()
    return sorted(tuple(str(v) for k, v in row.items() if k != "id") for row in rows)


def test_upgrading_a_store_with_data_rebuilds_changed_summaries(
    writable_seeded_engine: Engine,
) -> None:
    """A store left at 0004 with data: the upgrade (0005 changes summary_period's kinds and
    columns) rebuilds the summaries, as a full rebuild would, and bumps the data version."""
    engine = writable_seeded_engine
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        connection.execute(text("DELETE FROM summary_period"))  # rows of another shape then
        connection.commit()
    with session_scope(engine) as session:
        version = read_data_version(session=session)
    upgrade_schema(engine)
    upgraded = _period_rows(engine)
    with session_scope(engine) as session:
        assert read_data_version(session=session) == version + 1
    with session_scope(engine, write=True) as session:
        refresh_summaries(session)
    assert upgraded == _period_rows(engine) != []
    upgrade_schema(engine)  # nothing to apply: no rebuild
    with session_scope(engine) as session:
        assert read_data_version(session=session) == version + 1
