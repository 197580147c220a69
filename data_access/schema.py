"""Create or upgrade the schema with Alembic (the app and the CLIs call this on start)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.settings import PROJECT_ROOT
from data_access.version import bump_data_version


def alembic_config() -> Config:
    """The project's Alembic configuration."""
    return Config(str(PROJECT_ROOT / "alembic.ini"))


def upgrade_schema(engine: Engine) -> None:
    """Bring the database to the newest migration (a no-op when it is current).

    A migration that changes what a summary table holds says so (REBUILDS_SUMMARIES in its
    module); when an upgrade of a store that had data applied one, the summaries are rebuilt
    afterwards, by today's code on today's schema.
    """
    config = alembic_config()
    with engine.connect() as connection:
        start = MigrationContext.configure(connection).get_current_revision()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
    if start is not None and _rebuild_needed(config, start):
        _rebuild_summaries(engine)


def _rebuild_needed(config: Config, start: str) -> bool:
    """True when a migration after start (up to head) asks for a summary rebuild."""
    scripts = ScriptDirectory.from_config(config)
    applied = scripts.iterate_revisions("head", start)
    return any(getattr(script.module, "REBUILDS_SUMMARIES", False) for script in applied)


def _rebuild_summaries(engine: Engine) -> None:
    """Rebuild every summary and bump the data version (caches read the new rows)."""
    with session_scope(engine, write=True) as session:
        bump_data_version(session=session)
