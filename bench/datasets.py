"""Scale databases for the benchmarks, generated once per size and kept under data/bench/.

A database is keyed by its size and a fingerprint of the code that shapes it (the scale
generator, the models and the migrations), so a schema or generator change regenerates
it and an unchanged one is reused. SQLite files live in data/bench/; PostgreSQL databases
sit beside TEST_DATABASE_URL, named bench_scale_<size>_<fingerprint>. Generation runs
`python -m seed --scale N` in a subprocess (the command users run).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from data_access import auth
from data_access.db import dispose_engines, get_engine, normalise_url, session_scope
from data_access.models import ImportBatch
from data_access.settings import PROJECT_ROOT
from seed.scale import SCALE_FILE_PREFIX

BENCH_FOLDER = PROJECT_ROOT / "data" / "bench"
BENCH_USER = "bench-viewer"  # the account the AppTest render signs in as (a plain viewer)
FINGERPRINTED = (
    "seed/scale*.py",
    "seed/bulk.py",
    "data_access/models.py",
    "data_access/summar*.py",
    "migrations/versions/*.py",
)


def fingerprint() -> str:
    """A short digest of everything that shapes a generated database."""
    digest = hashlib.sha256()
    for pattern in FINGERPRINTED:
        for path in sorted(PROJECT_ROOT.glob(pattern)):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def _complete(url: str, size: int) -> bool:
    """True when url holds a finished scale load of size problems (and the bench account)."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            finished = conn.execute(
                select(ImportBatch.finished_at).where(
                    ImportBatch.file_name == f"{SCALE_FILE_PREFIX}{size}"
                )
            ).first()
            return finished is not None and finished[0] is not None
    except SQLAlchemyError:  # missing, or made by older code: generate it again
        return False
    finally:
        engine.dispose()


def _generate(url: str, size: int) -> None:
    """Run the scale seed in a subprocess, then add the bench's viewer account."""
    command = [sys.executable, "-m", "seed", "--scale", str(size), "--database-url", url]
    subprocess.run(command, cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL)
    with session_scope(get_engine(url), write=True) as session:
        auth.create_user(
            session=session,
            actor="bench",
            username=BENCH_USER,
            password=secrets.token_urlsafe(16),
            role="viewer",
        )
    dispose_engines()


def sqlite_database(size: int) -> str:
    """URL of the SQLite scale database of size problems (generated when missing)."""
    BENCH_FOLDER.mkdir(parents=True, exist_ok=True)
    path = BENCH_FOLDER / f"scale_{size}_{fingerprint()}.db"
    url = f"sqlite:///{path}"
    if path.exists() and _complete(url, size):
        return url
    for stale in BENCH_FOLDER.glob(f"scale_{size}_*.db*"):
        stale.unlink(missing_ok=True)
    # Per process: two runs may build the same size at once; the last rename wins.
    building = path.with_suffix(f".building-{os.getpid()}.db")
    _generate(f"sqlite:///{building}", size)
    for suffix in ("-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    building.rename(path)
    return url


def postgres_database(admin_url: str, size: int) -> str:
    """URL of the PostgreSQL scale database of size problems beside admin_url."""
    prefix = f"bench_scale_{size}_"
    name = f"{prefix}{fingerprint()}"
    admin_url = normalise_url(admin_url)
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    if _complete(url, size):
        return url
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        names = conn.execute(text("SELECT datname FROM pg_database")).scalars().all()
        for stale in [n for n in names if n.startswith(prefix)]:  # our earlier generations
            conn.execute(text(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    _generate(url, size)
    return url


def scale_database(backend: str, size: int) -> str:
    """The scale database URL for backend ("sqlite" or "postgres")."""
    if backend == "sqlite":
        return sqlite_database(size)
    return postgres_database(os.environ["TEST_DATABASE_URL"], size)
