"""Shared fixtures: SQLite and PostgreSQL engines, empty or seeded with the demo data."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, text
from sqlalchemy.engine import Engine, make_url

from data_access.db import dispose_engines, get_engine, is_sqlite, normalise_url
from data_access.schema import upgrade_schema

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_admin_url() -> str:
    """TEST_DATABASE_URL, or skip (fail under CI: PostgreSQL tests must run there)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI 需要 PostgreSQL: TEST_DATABASE_URL 未设置 / not set")
        pytest.skip("TEST_DATABASE_URL not set: PostgreSQL tests skipped")
    return normalise_url(url)


def _create_pg_database(admin_url: str) -> str:
    """A fresh, uniquely named database next to TEST_DATABASE_URL (parallel runs stay apart)."""
    name = f"test_dash_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _drop_pg_database(admin_url: str, url: str) -> None:
    """Drop a database made by _create_pg_database."""
    name = make_url(url).database
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


class _DatabaseUrls(dict):
    """Database URLs by key ('sqlite:seeded', 'postgres:scratch'...), created on first lookup."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        super().__init__()
        self._tmp = tmp_path_factory

    def __missing__(self, key: str) -> str:
        if key.startswith("sqlite"):
            url = f"sqlite:///{self._tmp.mktemp('db') / 'test.db'}"
        else:
            url = _create_pg_database(postgres_admin_url())
        self[key] = url
        return url


@pytest.fixture(scope="session")
def database_urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The session's test databases; PostgreSQL ones are dropped at the end."""
    urls = _DatabaseUrls(tmp_path_factory)
    yield urls
    dispose_engines()
    for key, url in urls.items():
        if key.startswith("postgres"):
            _drop_pg_database(postgres_admin_url(), url)


def reset_schema(engine: Engine) -> None:
    """Drop every table and migrate again: no rows (audit_event refuses DELETE, so no emptying)."""
    with engine.begin() as conn:
        if is_sqlite(engine):
            reflected = MetaData()
            reflected.reflect(conn)
            reflected.drop_all(conn)
        else:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_schema(engine)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Files holding slow tests first, so parallel workers (-n, whole files each) end together."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)  # stable: order kept otherwise


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend under test: sqlite, and postgres when available."""
    return request.param


@pytest.fixture
def empty_engine(backend: str, database_urls: dict[str, str]) -> Engine:
    """A migrated database with no rows, private to this test."""
    engine = get_engine(database_urls[f"{backend}:scratch"])
    reset_schema(engine)
    return engine


@pytest.fixture
def seeded_engine(backend: str, database_urls: dict[str, str]) -> Engine:
    """The demo data, seeded once per session and backend; treat as read-only."""
    return _seeded(backend, database_urls)


@pytest.fixture
def writable_seeded_engine(empty_engine: Engine) -> Engine:
    """A fresh copy of the demo data that this test may change."""
    from seed import load_demo

    load_demo(empty_engine)
    return empty_engine


@pytest.fixture(scope="session")
def sqlite_seeded_url(database_urls: dict[str, str]) -> str:
    """URL of a seeded SQLite file (for AppTest pages and subprocesses)."""
    _seeded("sqlite", database_urls)
    return database_urls["sqlite:seeded"]


def _seeded(backend: str, database_urls: dict[str, str]) -> Engine:
    """Engine on the session's seeded database for backend, seeding on first use."""
    engine = get_engine(database_urls[f"{backend}:seeded"])
    if not getattr(engine, "_demo_seeded", False):
        from seed import load_demo

        reset_schema(engine)
        load_demo(engine)
        engine._demo_seeded = True  # type: ignore[attr-defined]
    return engine


@pytest.fixture(scope="session")
def app_users(sqlite_seeded_url: str) -> dict[str, tuple[str, str]]:
    """Test accounts (tests/signin.py) in the seeded SQLite database that AppTest and e2e use."""
    from signin import TEST_USERS, create_test_users

    create_test_users(get_engine(sqlite_seeded_url))
    return TEST_USERS
