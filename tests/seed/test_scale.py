"""`python -m seed --scale N`: the declared shape, determinism, histories; the quick benchmark."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased

from data_access import models
from data_access.db import get_engine, session_scope
from data_access.settings import PROJECT_ROOT
from seed.__main__ import seed_database
from seed.scale import LOAD_ORDER, _table
from seed.scale_places import COUNTIES, GROUPS_PER_ROUND, ROUNDS, TOWNSHIPS, VILLAGES
from tests.support.cli import run_cli
from tests.support.databases import reset_schema

SIZE = 20_000
SHAPE = {
    models.City: 16,
    models.County: COUNTIES,
    models.Township: TOWNSHIPS,
    models.Village: VILLAGES,
    models.InspectionRound: ROUNDS,
    models.InspectionGroup: ROUNDS * GROUPS_PER_ROUND,
    models.Problem: SIZE,
}


def seeded_scale(engine: Engine) -> Engine:
    """engine's database emptied and loaded with SIZE problems through the seed command's code."""
    reset_schema(engine)
    seed_database(engine.url.render_as_string(hide_password=False), reset=False, scale=SIZE)
    return engine


def count(engine: Engine, model) -> int:
    """Rows of model."""
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(model)))


def checksum(engine: Engine) -> str:
    """A digest of every generated table's rows in id order."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for name in LOAD_ORDER:
            table = _table(name)
            rows = conn.execute(select(table).order_by(table.c.id)).all()
            digest.update(repr([tuple(row) for row in rows]).encode())
    return digest.hexdigest()


@pytest.fixture
def scale_engine(backend: str, database_urls: dict[str, str]) -> Engine:
    """The scale dataset of SIZE problems, loaded once per session and backend; read-only."""
    engine = get_engine(database_urls[f"{backend}:scale"])
    if not getattr(engine, "_scale_seeded", False):
        seeded_scale(engine)
        engine._scale_seeded = True  # type: ignore[attr-defined]
    return engine


def test_scale_data_has_the_declared_shape(scale_engine: Engine) -> None:
    """16 cities, 100 counties, 1,500 townships, 15,000 villages, 10 rounds, N problems ..."""
    assert {model: count(scale_engine, model) for model in SHAPE} == SHAPE
    assert abs(count(scale_engine, models.AccountabilityAction) - 0.4 * SIZE) <= 0.01 * SIZE
    assert abs(count(scale_engine, models.Lead) - 0.1 * SIZE) <= 0.01 * SIZE
    assert 0 < count(scale_engine, models.Case) < count(scale_engine, models.Lead)
    events = count(scale_engine, models.StatusEvent)
    assert 2 * SIZE <= events <= 4 * SIZE


def test_latest_event_is_the_status(scale_engine: Engine) -> None:
    """Every problem has a history, and its latest event is its status."""
    later = aliased(models.StatusEvent)
    newer_exists = (
        select(later.id)
        .where(
            later.problem_id == models.StatusEvent.problem_id,
            (later.changed_on > models.StatusEvent.changed_on)
            | (
                (later.changed_on == models.StatusEvent.changed_on)
                & (later.id > models.StatusEvent.id)
            ),
        )
        .exists()
    )
    latest = (
        select(models.StatusEvent.problem_id, models.StatusEvent.status)
        .where(~newer_exists)
        .subquery()
    )
    with session_scope(scale_engine) as session:
        matching = session.scalar(
            select(func.count())
            .select_from(models.Problem)
            .join(latest, latest.c.problem_id == models.Problem.id)
            .where(latest.c.status == models.Problem.status)
        )
    assert matching == SIZE


@pytest.mark.slow
def test_scale_data_is_deterministic(
    backend: str, scale_engine: Engine, database_urls: dict[str, str]
) -> None:
    """A second, independent load of the same size holds exactly the same rows."""
    twin = seeded_scale(get_engine(database_urls[f"{backend}:scale-twin"]))
    assert checksum(twin) == checksum(scale_engine)


def run_page_benchmark(*options: str) -> str:
    """`python bench/pages.py options` run to its end; its printed table."""
    done = subprocess.run(
        [sys.executable, "bench/pages.py", *options],
        cwd=PROJECT_ROOT,
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "overview (AppTest render)" in done.stdout
    return done.stdout


@pytest.mark.slow
def test_page_benchmark_smoke() -> None:
    """The page benchmark's whole path on 1,000 problems, SQLite, one repeat (seconds)."""
    table = run_page_benchmark("--sizes", "1000", "--repeats", "1", "--backends", "sqlite")
    assert re.search(r"^sqlite\s+1,000 default", table, re.MULTILINE)
    assert re.search(r"^sqlite\s+1,000 busiest township", table, re.MULTILINE)


@pytest.mark.bench
def test_quick_page_benchmark_runs() -> None:
    """`python bench/pages.py --quick` completes (SQLite, and PostgreSQL when configured)."""
    table = run_page_benchmark("--quick")
    backends = {"sqlite", "postgres"} if os.environ.get("TEST_DATABASE_URL") else {"sqlite"}
    for backend in backends:
        assert re.search(rf"^{backend}\s+10,000 default", table, re.MULTILINE)


def test_seed_command_loads_scale_data_once(tmp_path) -> None:
    """`python -m seed --scale N` fills an empty store and refuses a second load."""
    url = f"sqlite:///{tmp_path / 'scale.db'}"
    command = ("--scale", "2000", "--database-url", url)
    first = run_cli(*command, module="seed")
    assert first.returncode == 0, first.stderr
    assert "规模数据" in first.stdout and "problem 2000" in first.stdout
    again = run_cli(*command, module="seed")
    assert again.returncode == 1
    assert count(get_engine(url), models.Problem) == 2000
