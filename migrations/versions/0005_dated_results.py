"""problem.recovered_on / rules_improved_on; summary_period.rules_improved

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00

Hand-written. Recovered money (挽损日期) and rules improved (制度完善日期) get days of their
own, so every headline figure has an as-of value; both are optional (empty: the problem's
rectified_on counts). summary_period gains the rules improved per period, and its kinds
change (recovered_week, recovered_month and rules_week replace rectified_month), so the
summaries are rebuilt after this upgrade (REBUILDS_SUMMARIES, read by data_access.schema).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

REBUILDS_SUMMARIES = True
PROBLEM_DATES = ("recovered_on", "rules_improved_on")


def upgrade() -> None:
    """Add the columns (existing rows: no own dates, no rules per period until the rebuild)."""
    # Plain ALTER TABLE on both backends: SQLite's batch mode would copy the problem table,
    # which the rows pointing at it (status events, records, leads) do not allow.
    for name in PROBLEM_DATES:
        op.add_column("problem", sa.Column(name, sa.Date(), nullable=True))
    # The not-yet-rectified month rows go (their kind is gone); the rebuild writes the rest.
    op.execute("DELETE FROM summary_period WHERE period_start IS NULL")
    with op.batch_alter_table("summary_period", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rules_improved", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.alter_column("period_start", existing_type=sa.Date(), nullable=False)


def downgrade() -> None:
    """Drop them again."""
    with op.batch_alter_table("summary_period", schema=None) as batch_op:
        batch_op.alter_column("period_start", existing_type=sa.Date(), nullable=True)
        batch_op.drop_column("rules_improved")
    for name in PROBLEM_DATES:  # SQLite 3.35+ drops a plain column in place
        op.drop_column("problem", name)
