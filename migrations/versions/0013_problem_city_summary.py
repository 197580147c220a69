"""problem summary by city (summary_problem_city)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 19:00:00

Hand-written. summary_problem rolled up to cities, which a Filter without townships reads
(data_access/summaries.py keeps it; the rebuild after this upgrade fills it).
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
REBUILDS_SUMMARIES = True  # data_access.schema fills it (a store with data) after the upgrade


def upgrade() -> None:
    """Create the table."""
    op.create_table(
        "summary_problem_city",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=False),
        sa.Column("focus_area", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("open_deadline", sa.Date(), nullable=True),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in MEASURES),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_summary_problem_city_city_id"), "summary_problem_city", ["city_id"], unique=False
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_index(op.f("ix_summary_problem_city_city_id"), table_name="summary_problem_city")
    op.drop_table("summary_problem_city")
