"""Create or upgrade the schema with Alembic (the app and the CLIs call this on start)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from data_access.settings import PROJECT_ROOT


def alembic_config() -> Config:
    """The project's Alembic configuration."""
    return Config(str(PROJECT_ROOT / "alembic.ini"))


def upgrade_schema(engine: Engine) -> None:
    """Bring the database to the newest migration (a no-op when it is current)."""
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
