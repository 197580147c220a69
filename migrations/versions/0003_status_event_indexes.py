"""status_event: drop the indexes on changed_on and on problem_id alone

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 10:00:00

Hand-written. No query reads status_event by changed_on alone (EXPLAIN QUERY PLAN of every
page's reads at 1M problems, with and without filters and as-of dates), and
ix_status_event_history leads with problem_id, so it serves every lookup by problem (and
the foreign-key checks of a problem's deletion) the problem_id index served. Each index is
kept up on every insert: a 100,000-problem import writes about as many events.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DROPPED = {
    "ix_status_event_changed_on": ["changed_on"],
    "ix_status_event_problem_id": ["problem_id"],
}


def upgrade() -> None:
    """Drop the two indexes."""
    for name in DROPPED:
        op.drop_index(name, table_name="status_event")


def downgrade() -> None:
    """Create them again."""
    for name, columns in DROPPED.items():
        op.create_index(name, "status_event", columns)
