"""Running the schema's migrations down in tests (up is data_access.schema.upgrade_schema)."""

from __future__ import annotations

from alembic import command
from sqlalchemy.engine import Engine

from data_access.schema import alembic_config


def downgrade_to(engine: Engine, revision: str) -> None:
    """Run the migrations down to revision."""
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.commit()
