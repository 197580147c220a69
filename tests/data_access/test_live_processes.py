"""Two app processes on one database: a commit through one reaches the other's next poll.

The data version lives in the database, so each process notices a commit made elsewhere
with its one version lookup, and its cached queries (keyed on that version) refresh once.
Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from data_access.db import get_engine
from data_access.schema import upgrade_schema
from data_access.settings import PROJECT_ROOT
from tests.support.live_files import weekly_file
from tests.support.signin import add_account

READER = PROJECT_ROOT / "tests" / "support" / "live_reader.py"
EXIT_SECONDS = 30


class Process:
    """A running tests/support/live_reader.py: one command in, one JSON answer out."""

    def __init__(self, popen: subprocess.Popen[str]) -> None:
        """Wrap the started process."""
        self.popen = popen

    def ask(self, command: str) -> dict[str, Any]:
        """Send command; its answer (EOF means the process died: its stderr says why)."""
        assert self.popen.stdin is not None and self.popen.stdout is not None
        self.popen.stdin.write(command + "\n")
        self.popen.stdin.flush()
        line = self.popen.stdout.readline()
        assert line, f"reader exited: {self.popen.stderr.read() if self.popen.stderr else ''}"
        return json.loads(line)


@contextmanager
def app_process(database_url: str) -> Iterator[Process]:
    """An app process on database_url (its own engine, cache and data-version reads)."""
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(PROJECT_ROOT)}
    popen = subprocess.Popen(
        [sys.executable, str(READER)],
        cwd=PROJECT_ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield Process(popen)
    finally:
        assert popen.stdin is not None
        popen.stdin.close()
        popen.wait(timeout=EXIT_SECONDS)


@pytest.fixture
def shared_store(backend: str, database_urls: dict[str, str]) -> str:
    """A fresh demo store that only this test's processes use."""
    from seed import load_demo

    url = database_urls[f"{backend}:live_processes"]
    engine = get_engine(url)
    upgrade_schema(engine)
    load_demo(engine)
    add_account(engine, "uploader", "uploader")  # whom the reader's import names with --as
    return url


@pytest.mark.slow
def test_a_commit_in_one_process_reaches_the_other(shared_store: str, tmp_path: Path) -> None:
    weekly = weekly_file(get_engine(shared_store), tmp_path / "第10周台账.xlsx")
    with app_process(shared_store) as office, app_process(shared_store) as wall:
        first = wall.ask("render")
        assert (first["rectified"], first["total"], first["heavy_runs"]) == (381, 414, 1)
        assert office.ask("render")["version"] == first["version"]
        for _ in range(3):  # polls with the version unchanged: no rerun, no heavy query
            assert wall.ask("poll") == {**first, "reran": False}

        assert office.ask(f"import {weekly.path}") == {"exit_code": 0}
        seen = wall.ask("poll")
        assert seen == {
            "version": first["version"] + 1,
            "reran": True,
            "heavy_runs": 2,
            "rectified": 381 + weekly.rectified,
            "total": 414 + weekly.new,
        }
        assert wall.ask("poll") == {**seen, "reran": False}
        assert wall.ask("render")["heavy_runs"] == 2, "a rerun at the same version hits the cache"
        assert office.ask("poll")["rectified"] == seen["rectified"]
