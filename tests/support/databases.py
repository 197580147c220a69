"""The backends every database test runs on, and a schema dropped and migrated afresh."""

from __future__ import annotations

import pytest
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Engine

from data_access.db import is_sqlite
from data_access.schema import upgrade_schema

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


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
