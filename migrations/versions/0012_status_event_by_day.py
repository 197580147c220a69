"""status events by day (ix_status_event_changed_on)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 10:00:00

Hand-written. The as-of status replays only the problems whose history moved after the day
(queries/as_of.py): this index finds them, the events after a day, without reading the rest.
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Index status_event by changed_on (with problem_id, so the lookup reads only the index)."""
    op.create_index("ix_status_event_changed_on", "status_event", ["changed_on", "problem_id"])


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_status_event_changed_on", table_name="status_event")
