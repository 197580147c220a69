"""audit_event refuses REPLACE on SQLite: a BEFORE INSERT trigger refuses an existing id

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 12:00:00

Hand-written. SQLite's REPLACE (and INSERT OR REPLACE) removes the row in the way of an
insert without firing DELETE triggers (unless recursive_triggers is on, a per-connection
setting that any other client can leave off), so the append-only guard of 0002 let it
rewrite an audit row. A BEFORE INSERT trigger runs before the conflict is resolved: it
refuses any insert whose id already exists. PostgreSQL needs nothing: INSERT … ON CONFLICT
DO UPDATE fires the UPDATE trigger of 0002, and a plain insert of an existing id fails on
the primary key.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MESSAGE = "audit_event is append-only"


def upgrade() -> None:
    """Install the trigger (SQLite only)."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        f"""
        CREATE TRIGGER audit_event_no_replace
        BEFORE INSERT ON audit_event
        WHEN EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.id)
        BEGIN
            SELECT RAISE(ABORT, '{MESSAGE}');
        END
        """
    )


def downgrade() -> None:
    """Remove it."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_replace")
