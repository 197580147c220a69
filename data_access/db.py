"""Engines and sessions: SQLite pragmas and BEGIN IMMEDIATE writes, PostgreSQL via psycopg 3."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from data_access.settings import get_settings
from i18n import t

_ENGINES: dict[str, Engine] = {}
# Streamlit runs each browser session's script in a thread of its own, and a read holds its
# connection while it builds its DataFrame: 20 busy sessions need 20 connections at once
# (bench/load.py timed out waiting for one with SQLAlchemy's default 5 + 10).
POOL_SIZES = {"pool_size": 10, "max_overflow": 20}
_ENGINES_LOCK = threading.Lock()


class DatabaseUnavailableError(RuntimeError):
    """The database URL is wrong or the server cannot be reached (message is bilingual)."""


def normalise_url(url: str) -> str:
    """Map plain postgres URLs onto the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int) -> None:
    """Pragmas on connect; we emit BEGIN ourselves so writes can start IMMEDIATE."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" event own BEGIN
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # A read-then-write transaction needs the write lock up front, or two
        # writers deadlock and one gets "database is locked" despite busy_timeout.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """Create a new engine for url (SQLite file/memory or PostgreSQL)."""
    try:
        parsed = make_url(normalise_url(url))
    except (ArgumentError, ValueError) as exc:
        # The raw URL may hold a password: name only its scheme.
        scheme = url.split(":", 1)[0] if ":" in url else "?"
        raise DatabaseUnavailableError(t("db.invalid_url", scheme=scheme)) from exc
    if parsed.get_backend_name() == "sqlite":
        return _make_sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True, **POOL_SIZES)
    raise DatabaseUnavailableError(t("db.unsupported", backend=parsed.get_backend_name()))


def _make_sqlite_engine(parsed) -> Engine:
    """SQLite engine; an in-memory database is shared through one static connection."""
    settings = get_settings()
    database = parsed.database
    if database in (None, "", ":memory:"):
        engine = create_engine(
            parsed, connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
    else:
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailableError(t("db.cannot_create_folder", reason=exc)) from exc
        engine = create_engine(
            parsed, connect_args={"check_same_thread": False, "timeout": 30}, **POOL_SIZES
        )
    _install_sqlite_hooks(engine, settings.sqlite_busy_timeout_ms)
    return engine


def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for url (default: DATABASE_URL), created on first use."""
    key = normalise_url(url or get_settings().database_url)
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = make_engine(key)
        return _ENGINES[key]


def dispose_engines() -> None:
    """Close every cached engine (tests, forks)."""
    with _ENGINES_LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()


def is_sqlite(engine: Engine) -> bool:
    """True when engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


def write_engine(engine: Engine) -> Engine:
    """The same engine, but transactions take the SQLite write lock at BEGIN."""
    if is_sqlite(engine):
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    bind = write_engine(engine) if write else engine
    with Session(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def check_connection(engine: Engine) -> None:
    """Raise DatabaseUnavailableError (one bilingual line) if the database is unreachable."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        url = engine.url.render_as_string()  # the password masked as ***
        raise DatabaseUnavailableError(t("db.unreachable", url=url, reason=reason)) from exc
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnavailableError(t("db.error", reason=reason)) from exc


def without_jit(session: Session) -> None:
    """Switch PostgreSQL's JIT off for the rest of session's transaction (no-op elsewhere).

    Bulk rebuilds price far above jit_above_cost, and compiling cost more than running
    (EXPLAIN ANALYZE of the summary rebuild; figures: docs/performance.md).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))
