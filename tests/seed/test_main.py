"""The demo seed as a whole: determinism, refusing a non-empty store, `python -m seed`."""

from __future__ import annotations

import hashlib
import subprocess

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from data_access.db import get_engine
from data_access.models import User
from data_access.schema import upgrade_schema
from seed import SeedRefusedError, load_demo
from tests.support.cli import Runner, run_cli, run_process

# Wall-clock columns, the only ones allowed to differ between two seeds.
CLOCK_COLUMNS = {"import_batch": {"started_at", "finished_at"}, "data_version": {"changed_at"}}


def table_contents(engine: Engine) -> dict[str, list[tuple]]:
    """Every table's rows in primary-key order, without the wall-clock columns."""
    contents: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in CLOCK_COLUMNS.get(table.name, ())]
            query = select(*columns).order_by(*table.primary_key.columns)
            contents[table.name] = [tuple(row) for row in conn.execute(query)]
    return contents


def checksum(engine: Engine) -> str:
    """A digest of the whole store (clock columns included: nothing may change)."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            digest.update(repr([tuple(r) for r in conn.execute(query)]).encode())
    return digest.hexdigest()


def test_two_seeds_give_identical_tables(database_urls: dict[str, str]) -> None:
    """Two fresh SQLite stores seeded independently hold exactly the same rows."""
    contents = []
    for key in ("sqlite:seed-determinism-a", "sqlite:seed-determinism-b"):
        engine = get_engine(database_urls[key])
        upgrade_schema(engine)
        load_demo(engine)
        contents.append(table_contents(engine))
    assert contents[0]["problem"] and contents[0]["status_event"]
    assert contents[0] == contents[1]


@pytest.mark.postgres
def test_sqlite_and_postgresql_hold_the_same_demo(database_urls: dict[str, str]) -> None:
    """The same code seeds both backends into identical rows (same ids, values, dates)."""
    contents = []
    for key in ("sqlite:seed-same-backend", "postgres:seed-same-backend"):
        engine = get_engine(database_urls[key])
        upgrade_schema(engine)
        load_demo(engine)
        contents.append(table_contents(engine))
    assert contents[0] == contents[1]


def test_load_demo_refuses_a_non_empty_store(writable_seeded_engine: Engine) -> None:
    """A second load_demo raises a bilingual SeedRefusedError and changes nothing."""
    before = checksum(writable_seeded_engine)
    with pytest.raises(SeedRefusedError, match=r"已有数据.*already holds data"):
        load_demo(writable_seeded_engine)
    assert checksum(writable_seeded_engine) == before


def run_seed(
    *args: str, env: dict[str, str] | None = None, run: Runner = run_cli
) -> subprocess.CompletedProcess:
    """python -m seed ARGS, from the project root (in-process unless run=run_process)."""
    return run(*args, module="seed", env=env)


@pytest.fixture
def cli_seeded_url(backend: str, database_urls: dict[str, str], request) -> str:
    """A private store seeded by `python -m seed`, plus one account that must survive."""
    url = database_urls[f"{backend}:seed-cli-{request.node.originalname}"]
    first = run_seed("--database-url", url)
    assert first.returncode == 0, first.stderr
    assert "414" in first.stdout
    with get_engine(url).begin() as conn:
        conn.execute(User.__table__.insert().values(username="keeper", role="admin"))
    return url


def test_cli_refuses_a_non_empty_store(cli_seeded_url: str) -> None:
    """Without --reset: one line, exit 1, nothing changed; --if-empty skips quietly (exit 0).

    The refusal in a real process: the entry point, its exit code, one line to a pipe.
    """
    engine = get_engine(cli_seeded_url)
    before = checksum(engine)
    refused = run_seed(env={"DATABASE_URL": cli_seeded_url}, run=run_process)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "--reset" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert checksum(engine) == before
    skipped = run_seed("--database-url", cli_seeded_url, "--if-empty")
    assert skipped.returncode == 0 and skipped.stdout.count("\n") == 1
    assert checksum(engine) == before


def test_cli_reset_replaces_domain_data_and_keeps_accounts(cli_seeded_url: str) -> None:
    """--reset: the demo again (one batch), accounts kept, the reset audited, version bumped."""
    reset = run_seed("--database-url", cli_seeded_url, "--reset")
    assert reset.returncode == 0, reset.stderr
    after = table_contents(get_engine(cli_seeded_url))
    sizes = {name: len(after[name]) for name in ("problem", "township", "import_batch", "lead")}
    assert sizes == {"problem": 414, "township": 22, "import_batch": 1, "lead": 40}
    assert [row for row in after["app_user"] if "keeper" in row]
    assert [row for row in after["audit_event"] if "demo_reset" in row]
    assert [version for _, version, _ in after["data_version"]] == [2]


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://postgres@127.0.0.1:1/nowhere",
        "not a database url",
        "mysql://someone@127.0.0.1/db",
    ],
)
def test_cli_bad_url_is_one_line(url: str) -> None:
    """An unusable database URL gives one line on stderr and a non-zero exit, no traceback."""
    result = run_seed(env={"DATABASE_URL": url})
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
