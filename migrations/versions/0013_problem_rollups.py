"""summary rollups (summary_problem_city, summary_problem_status, summary_period_total)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 19:00:00

Hand-written. summary_problem rolled up to cities (read by a Filter without townships) and
without its focus area (read by the by-township figures), summary_period summed for the
whole province (the default Filter's trends); data_access/summaries.py keeps them, and the
rebuild after this upgrade fills them.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

MEASURES = ("problems", "recovered_yuan", "rules_improved", "with_recovery", "with_rules")
PERIOD_MEASURES = ("problems", "recovered_yuan", "with_recovery", "rules_improved")
REBUILDS_SUMMARIES = True  # data_access.schema fills them (a store with data) after the upgrade
# table -> its region column, and whether it keeps the focus area
TABLES = {
    "summary_problem_city": ("city_id", True),
    "summary_problem_status": ("township_id", False),
}


def upgrade() -> None:
    """Create the tables."""
    for table, (region, with_focus_area) in TABLES.items():
        focus_area = sa.Column(
            "focus_area", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        )
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column(region, sa.Integer(), nullable=False),
            *([focus_area] if with_focus_area else []),
            sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
            sa.Column("open_deadline", sa.Date(), nullable=True),
            *(sa.Column(name, sa.Integer(), nullable=False) for name in MEASURES),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(op.f(f"ix_{table}_{region}"), table, [region], unique=False)

    op.create_table(
        "summary_period_total",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in PERIOD_MEASURES),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("summary_period_total")
    for table, (region, _with_focus_area) in reversed(TABLES.items()):
        op.drop_index(op.f(f"ix_{table}_{region}"), table_name=table)
        op.drop_table(table)
