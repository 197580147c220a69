"""Shared fixtures: SQLite and PostgreSQL engines, empty or seeded with the demo data."""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import hypothesis
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from streamlit.components.v2 import manifest_scanner
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import local_script_runner

from data_access.db import dispose_engines, get_engine, normalise_url
from tests.support import db_templates
from tests.support.databases import BACKENDS, reset_schema

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


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


# Property tests on a shared 2-core machine: a loaded core makes any example slow, so time is
# no failure here (no deadline, no "input generation too slow"); what they check is values.
hypothesis.settings.register_profile(
    "shared_machine", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("shared_machine")


def pytest_configure(config: pytest.Config) -> None:
    """Scan the installed packages for Streamlit components (and read Alembic's scripts) once
    per process, not per AppTest (per migration).

    Every AppTest builds its own component manager, which reads the metadata of every
    installed distribution (~0.4 s, over half of a page test's time); the packages do not
    change while the tests run, so the first scan's answer serves them all.
    """
    manifest_scanner.scan_component_manifests = functools.cache(
        manifest_scanner.scan_component_manifests
    )
    ScriptDirectory.from_config = classmethod(_scripts_once(ScriptDirectory.from_config.__func__))
    local_script_runner.require_widgets_deltas = _wait_for_script_thread
    # Keep the order pytest_collection_modifyitems makes (slow files first): pytest-xdist 3.x
    # would hand out the files with the most tests first, which put the one-test browser
    # files (a minute or more each) last, running alone at the end of the run.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def _wait_for_script_thread(
    runner: local_script_runner.LocalScriptRunner, timeout: float = 3
) -> None:
    """AppTest's wait for a run, by joining the script thread instead of polling every 1 ms."""
    # Streamlit's own wait wakes every millisecond to look for the run's SHUTDOWN event; each
    # wake takes the GIL from the script thread running the page. The thread ends right after
    # SHUTDOWN (AppTest joins it next anyway), so joining it waits for the same moment.
    thread = runner._script_thread
    if thread is not None:
        thread.join(timeout)
    if runner.script_stopped():
        return
    runner.request_stop()
    runner.join()
    raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")


def _scripts_once(from_config):
    """Alembic's ScriptDirectory.from_config, read once per process and script location."""
    # Every upgrade_schema (each command run in this process, each fresh schema) built a new
    # ScriptDirectory and executed every migration file again to find head: over half of an
    # in-process command's CPU. The files do not change while the tests run.
    directories: dict[tuple, ScriptDirectory] = {}

    def cached(cls, config):
        """The ScriptDirectory of config's script location, made on first use."""
        key = (cls, config.config_file_name, config.get_alembic_option("script_location"))
        if key not in directories:
            directories[key] = from_config(cls, config)
        return directories[key]

    return cached


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Files holding slow or browser tests first, so workers (-n, whole files each) end together."""
    slow_files = {
        item.path
        for item in items
        if item.get_closest_marker("slow") or item.get_closest_marker("e2e")
    }
    items.sort(key=lambda item: item.path not in slow_files)  # stable: order kept otherwise


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend under test: sqlite, and postgres when available."""
    return request.param


@pytest.fixture
def empty_engine(backend: str, database_urls: dict[str, str]) -> Engine:
    """A migrated database with no rows, private to this test."""
    return _restored(backend, database_urls, "empty")


@pytest.fixture
def seeded_engine(backend: str, database_urls: dict[str, str]) -> Engine:
    """The demo data, seeded once per session and backend; treat as read-only."""
    return _seeded(backend, database_urls)


@pytest.fixture
def writable_seeded_engine(backend: str, empty_engine: Engine, database_urls) -> Engine:
    """A fresh copy of the demo data that this test may change."""
    return _restored(backend, database_urls, "demo")


@pytest.fixture(scope="session")
def sqlite_seeded_url(database_urls: dict[str, str]) -> str:
    """URL of a seeded SQLite file (for AppTest pages and subprocesses)."""
    _seeded("sqlite", database_urls)
    return database_urls["sqlite:seeded"]


_TEMPLATES: dict[tuple[str, str], str | db_templates.PostgresSnapshot] = {}


def _template(backend: str, database_urls: dict[str, str], kind: str):
    """The worker's template of kind ("empty": migrated, "demo": seeded), built on first use.

    A PostgreSQL template lives in memory, so it is built in the scratch database itself.
    """
    key = "scratch" if backend == "postgres" else f"template-{kind}"
    url = database_urls[f"{backend}:{key}"]
    if (url, kind) not in _TEMPLATES:
        engine = get_engine(url)
        reset_schema(engine)
        if kind == "demo":
            from seed import load_demo

            load_demo(engine)
        _TEMPLATES[url, kind] = db_templates.snapshot(engine)
    return _TEMPLATES[url, kind]


def _restored(backend: str, database_urls: dict[str, str], kind: str, key: str = "scratch"):
    """Engine on the worker's database key, reset to a copy of the template of kind."""
    engine = get_engine(database_urls[f"{backend}:{key}"])
    db_templates.restore(engine, _template(backend, database_urls, kind), reset_schema)
    return engine


_BUILT: dict[tuple[str, str], tuple[str | db_templates.PostgresSnapshot, object]] = {}


@pytest.fixture
def built_engine(backend: str, database_urls: dict[str, str]):
    """built_engine(name, build): a database holding what build(engine) wrote on an empty
    store, private to this test; build runs once per worker and backend, its return value
    is handed back beside the engine."""

    def make(name: str, build: Callable[[Engine], object]) -> tuple[Engine, object]:
        """The engine on a fresh copy of name's build, and what build returned."""
        # Uploading an office's regions and ledgers (parse, apply) took seconds per test.
        key = "scratch" if backend == "postgres" else f"built-{name}"
        if (backend, name) not in _BUILT:
            engine = _restored(backend, database_urls, "empty", key)
            result = build(engine)
            _BUILT[backend, name] = (db_templates.snapshot(engine), result)
        template, result = _BUILT[backend, name]
        engine = get_engine(database_urls[f"{backend}:scratch"])
        db_templates.restore(engine, template, reset_schema)
        return engine, result

    return make


def _seeded(backend: str, database_urls: dict[str, str]) -> Engine:
    """Engine on the session's seeded database for backend, copied from the demo template."""
    engine = get_engine(database_urls[f"{backend}:seeded"])
    if not getattr(engine, "_demo_seeded", False):
        _restored(backend, database_urls, "demo", "seeded")
        engine._demo_seeded = True  # type: ignore[attr-defined]
    return engine


@pytest.fixture(scope="session")
def app_users(sqlite_seeded_url: str) -> dict[str, tuple[str, str]]:
    """Test accounts (tests/support/signin.py) in the seeded SQLite file AppTest and e2e use."""
    from tests.support.signin import TEST_USERS, create_test_users

    create_test_users(get_engine(sqlite_seeded_url))
    return TEST_USERS


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes | str]]:
    """The files the run's download buttons would hand out, by file name (made on click)."""
    files: dict[str, Callable[[], bytes | str]] = {}
    register = MediaFileManager.add_deferred

    def record(manager, data, mimetype, coordinates, file_name=None, **kwargs) -> str:
        """Keep the file's maker, then register it as Streamlit does."""
        files[file_name or coordinates] = data
        return register(manager, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return files
