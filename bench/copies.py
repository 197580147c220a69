"""A private, throw-away copy of a cached scale database (for runs that write, e.g. load.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.datasets import postgres_database, sqlite_database
from data_access.db import dispose_engines, normalise_url


@contextmanager
def private_copy(backend: str, size: int) -> Iterator[str]:
    """URL of a copy of the scale database of size problems, removed afterwards."""
    if backend == "sqlite":
        source = Path(make_url(sqlite_database(size)).database or "")
        with tempfile.TemporaryDirectory(prefix="bench_copy_") as folder:
            target = Path(folder) / source.name
            shutil.copy(source, target)
            try:
                yield f"sqlite:///{target}"
            finally:
                dispose_engines()
        return
    admin_url = normalise_url(os.environ["TEST_DATABASE_URL"])
    template = make_url(postgres_database(admin_url, size)).database
    name = f"bench_copy_{uuid.uuid4().hex[:10]}"
    dispose_engines()  # CREATE DATABASE ... TEMPLATE needs the template without sessions
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        dispose_engines()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
