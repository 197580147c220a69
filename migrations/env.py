"""Alembic environment: runs on a connection handed in by data_access.schema, or on DATABASE_URL."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import data_access.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from data_access.db import get_engine

target_metadata = SQLModel.metadata


def _run(connection) -> None:
    """Migrate on one connection; batch mode lets SQLite alter tables."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with get_engine().connect() as conn:
        _run(conn)
        conn.commit()
